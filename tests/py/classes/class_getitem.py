# __class_getitem__ and generic alias subscription.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"
print(Box[int], Box[str], Box["custom"], Box[3])
class Typed:
    registry = {}
    def __class_getitem__(cls, item):
        if item not in cls.registry:
            name = f"{cls.__name__}_{item.__name__}"
            cls.registry[item] = type(name, (cls,), {"item_type": item})
        return cls.registry[item]
    def __init__(self, *values):
        for v in values:
            if not isinstance(v, self.item_type):
                raise TypeError(f"expected {self.item_type.__name__}, got {type(v).__name__}")
        self.values = values
IntList = Typed[int]
print(IntList.__name__, IntList is Typed[int], IntList(1, 2).values)
try:
    Typed[str]("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(t.__name__ for t in Typed.registry))
class Pair:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return f"Pair with {len(params)} params: {params}"
print(Pair[int, str])
print(Pair[1])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
alias = list[int]
print(alias.__origin__, alias.__args__, alias() == [], type(alias()).__name__)
print(dict[str, int](a=1))
class NoGetItem:
    pass
try:
    NoGetItem[int]
except TypeError as e:
    print(type(e).__name__, e)
class Inst:
    def __class_getitem__(cls, item):
        return "class level"
    def __getitem__(self, item):
        return "instance level"
print(Inst[0], Inst()[0])
class Meta(type):
    def __getitem__(cls, item):
        return f"metaclass getitem {item}"
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem ignored"
print(WithMeta[5])
print(isinstance([1], list), list[int] == list[int], list[int] == list[str])
