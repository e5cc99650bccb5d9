# List comparison, `in` and bytes() read the list afresh at every step;
# sort detects changes; clear/copy/reverse take no arguments; keywords.
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented

class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented

list1 = [X()]
list2 = [Y()]
print(list1 == list2)

class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented

list3 = [Z()]
print(list3 == [1])

class Shrink:
    def __eq__(self, other):
        lst.clear()
        return False

lst = [Shrink(), 1, 2]
print(2 in lst, lst)

class I:
    def __index__(self):
        a.clear()
        return 42

a = [I(), I()]
print(bytes(a), bytearray([I()]))

class cmp_to_key:
    def __init__(self, f):
        self.f = f
    def __call__(self, x):
        return Key(self.f, x)

class Key:
    def __init__(self, f, x):
        self.f, self.x = f, x
    def __lt__(self, other):
        return self.f(self.x, other.x) < 0

L = [1, 2]
def mutating_cmp(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)
try:
    L.sort(key=cmp_to_key(mutating_cmp))
except ValueError as e:
    print(e)

for m in ('clear', 'copy', 'reverse'):
    try:
        getattr([1], m)(None)
    except TypeError as e:
        print(e)

class WithInit(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg

class WithNew(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self
    def __init__(self, seq, newarg=None):
        super().__init__(seq)

class Plain(list):
    pass

try:
    WithInit([1], newarg=3)
except TypeError as e:
    print(e)
w = WithNew([1, 2], newarg=3)
print(w, w.newarg)
try:
    Plain(sequence=())
except TypeError as e:
    print(e)

class TInit(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg

class TPlain(tuple):
    pass

t = TInit([1, 2], newarg=3)
print(t, t.newarg)
try:
    TPlain(sequence=())
except TypeError as e:
    print(e)

class FInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg

print(sorted(FInit([1, 2], newarg=3)))
try:
    type('F', (frozenset,), {})(sequence=())
except TypeError as e:
    print(e)

class C3(int):
    def __eq__(self, other):
        return True

print(C3(11) in range(10), C3(11) in list(range(10)), C3(11) in (1, 2))
