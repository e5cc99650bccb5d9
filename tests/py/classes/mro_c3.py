# C3 method resolution order with diamonds and conflicts.
def mro(cls):
    return " ".join(c.__name__ for c in cls.__mro__)
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(mro(D))
print(D().who())
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print(mro(Aa))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Wrong(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class K1: pass
class K2: pass
class K3: pass
class K4: pass
class K5: pass
class KA(K1, K2, K3): pass
class KB(K4, K2): pass
class KC(K4, K5): pass
class KZ(KA, KB, KC): pass
print(mro(KZ))
print([c.__name__ for c in D.mro()])
class Mixin:
    def hello(self):
        return "mixin hello, then " + super().hello()
class Greeter:
    def hello(self):
        return "greeter hello"
class Combined(Mixin, Greeter):
    pass
print(Combined().hello())
print(Combined.hello is Mixin.hello)
class Attr1:
    x = "from Attr1"
class Attr2:
    x = "from Attr2"
    y = "only Attr2"
class Both(Attr1, Attr2):
    pass
print(Both.x, Both.y)
print(mro(bool), mro(int))
