@dataclass
class Point(Base, metaclass=Meta):
    "A point."
    x: int = 0
    __private = 1

    def __init__(self, x):
        super().__init__()
        self.__x = x

    @property
    def norm(self):
        return self.__x ** 2

def factory(v):
    class Inner:
        attr = v
        def get(self):
            return v
    return Inner
