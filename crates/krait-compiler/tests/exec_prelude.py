class cm:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return "as " + self.name
    def __exit__(self, t, v, tb):
        if t is None:
            print("exit", self.name)
        else:
            print("exit", self.name, "with", t.__name__)
        return self.name.startswith("suppress")
