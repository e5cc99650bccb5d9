# Objects still referenced by the main module are finalised at exit.
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("releasing", self.name)


first = Resource("first")
second = Resource("second")
held = [Resource("in a list")]
print("main done")
