# Deleting attributes served by native getters/setters: CPython's errors, never a crash.
def f(a=1): pass
del f.__defaults__
print(f.__defaults__)
import pyexpat
p = pyexpat.ParserCreate()
try:
    del p.buffer_text
except Exception as e:
    print(type(e).__name__, e)
class C: pass
c = C()
try:
    del c.__class__
except Exception as e:
    print(type(e).__name__, e)
try:
    del c.__dict__
    print("deleted dict", c.__dict__)
except Exception as e:
    print(type(e).__name__, e)
p = pyexpat.ParserCreate()
for n in ('buffer_text', 'buffer_size', 'ordered_attributes', 'ErrorCode', 'intern', 'buffer_used', 'StartElementHandler'):
    try:
        delattr(p, n)
        print(n, 'deleted')
    except Exception as e:
        print(n, type(e).__name__, e)
