# isinstance()/issubclass() with classes, tuples, unions, and __instancecheck__.
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, Cat))
print(isinstance(d, (Cat, Dog)), isinstance(d, (Cat, (int, Animal))), isinstance(d, ()))
print(issubclass(Dog, Animal), issubclass(Dog, Dog), issubclass(Animal, Dog), issubclass(Dog, (Cat, object)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance(b"s", (str, bytes)), isinstance([], list), isinstance({}, dict), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object), issubclass(bool, (str, int)))
print(isinstance(3, int | str), isinstance("x", int | None), isinstance(None, int | None), issubclass(bool, int | float))
print(isinstance([], list[int].__origin__), issubclass(list, object))
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Robot:
    quack = True
print(isinstance(Robot(), Duck), isinstance(5, Duck), issubclass(Robot, Duck), issubclass(int, Duck))
for args in [(1, 1), (1, "int"), (1, [int]), (1, (int, 5))]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, int), (int, 1), (list, [list])]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(KeyError, (IndexError, Exception)))
