# check-stderr
# Traceback through several nested function calls.
def parse(text):
    return int(text)


def load(values):
    return [parse(v) for v in values]


def total(values):
    numbers = load(values)
    return sum(numbers)


print(total(["1", "2", "3"]))
print(total(["4", "five", "6"]))
