# Single inheritance: overriding, extending, isinstance, attribute lookup.
class Animal:
    kingdom = "animalia"
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name}) - {self.speak()}"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "woof")
        self.breed = breed
    def fetch(self):
        return f"{self.name} fetches"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
class Cat(Animal):
    kingdom = "felines-override"
    def speak(self):
        return f"{self.name} purrs"
animals = [Animal("generic"), Dog("Rex", "lab"), Puppy("Bit", "pug"), Cat("Tom")]
for a in animals:
    print(a.describe())
print(Puppy("p", "b").fetch(), Puppy.kingdom, Cat.kingdom, Dog("d", "x").breed)
print(isinstance(animals[2], Dog), isinstance(animals[2], Animal), isinstance(animals[3], Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__, Animal.__bases__[0].__name__)
print([c.__name__ for c in Puppy.__mro__])
print(Dog.__subclasses__()[0].__name__, sorted(c.__name__ for c in Animal.__subclasses__()))
r = Dog("Rex", "lab")
r.sound = "grr"
print(r.speak(), Dog("Max", "mix").speak())
Animal.kingdom = "changed"
print(Dog.kingdom, Cat.kingdom)
print("speak" in Dog.__dict__, "speak" in Puppy.__dict__, "fetch" in Dog.__dict__)
class Base:
    def template(self):
        return f"[{self.step1()}|{self.step2()}]"
    def step1(self):
        return "base1"
    def step2(self):
        return "base2"
class Derived(Base):
    def step2(self):
        return "derived2"
print(Derived().template(), Base().template())
class NoInit(Animal):
    pass
print(NoInit("inherits init").speak())
try:
    NoInit()
except TypeError as e:
    print(type(e).__name__, e)
print(type(r) is Dog, type(r) is Animal, r.__class__.__name__)
print(object in Dog.__mro__, Dog.__mro__[-1].__name__)
