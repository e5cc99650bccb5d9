# The gc module API surface used by programs.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(isinstance(gc.collect(), int), isinstance(gc.collect(0), int), isinstance(gc.collect(2), int))
th = gc.get_threshold()
print(type(th).__name__, len(th), all(isinstance(v, int) for v in th))
gc.set_threshold(1000, 20, 20)
print(gc.get_threshold()[0])
gc.set_threshold(*th)
counts = gc.get_count()
print(type(counts).__name__, len(counts))
class C:
    pass
print(gc.is_tracked(C()), gc.is_tracked(1), gc.is_tracked([1, 2]))
try:
    gc.collect(5)
except ValueError as e:
    print(type(e).__name__, e)
