# bytes() of ctypes objects works whichever of array and ctypes was imported first.
import array, ctypes
print(bytes(array.array("b", [1, 2])), bytes(ctypes.c_int(7)), bytearray(ctypes.c_short(3)))
print(bytes((ctypes.c_ubyte * 3)(1, 2, 3)))
