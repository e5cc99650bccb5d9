# Importing the natively provided modules in different ways.
import sys
import math
import time
import struct
import gc
from math import sqrt, pi as PI
from struct import pack, unpack
import math as m2
print(sqrt(81), round(PI, 5), m2 is math, unpack("<I", pack("<I", 7)))
for mod in (sys, math, time, struct, gc):
    print(mod.__name__, type(mod).__name__, mod is sys.modules[mod.__name__])
def lazy():
    import math
    return math.factorial(10)
print(lazy())
print(__import__("math") is math, __import__("struct").calcsize("<h"))
