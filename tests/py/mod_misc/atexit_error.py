# check-stderr
# An atexit callback raising: reported, the others still run, exit status unchanged.
import atexit

def first():
    print("first registered, runs last")

class Boom:
    def __repr__(self):
        return "<Boom>"
    def __call__(self):
        raise ValueError("boom")

atexit.register(first)
atexit.register(Boom())
atexit.register(print, "runs first")
print("end of main")
