# str()/ascii()/format keep what __str__/__repr__ return; str subclass
# attribute names; final sigma next to U+0345; error messages.
class StrSubclass(str):
    pass

class WithStr:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return self.v

class WithRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return self.v

print(type(str(WithStr(StrSubclass('abc')))).__name__)
print(type(ascii(WithRepr(StrSubclass('<abc>')))).__name__, ascii(WithRepr('\xe9')))

class S(str):
    def __str__(self):
        return '__str__ overridden'

s = S('xxx')
print("%s" % s, "{}".format(s), format(s), f"{s}", "{:>4}".format(s))

name = StrSubclass("name")
class Bag:
    pass
o = Bag()
setattr(o, name, 1)
print(o.name)
o.name = 2
print(list(o.__dict__), type(list(o.__dict__)[0]).__name__)

print('\u0345\u03a3'.lower() == '\u0345\u03c3', 'A\u0345\u03a3'.lower() == 'a\u0345\u03c2')
print('\u0345\u03a3'.swapcase() == '\u0399\u03c3', 'A\u03a3\u0345'.lower() == 'a\u03c2\u0345')

for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith']:
    try:
        getattr('hello', m)('x', None, None, None)
    except TypeError as e:
        print(e)
    try:
        getattr(b'hello', m)(b'x', None, None, None)
    except TypeError as e:
        print(e)
