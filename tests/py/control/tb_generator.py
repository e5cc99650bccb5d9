# check-stderr
# An exception raised inside a generator propagates through the consumer.
def numbers(limit):
    for i in range(limit):
        if i == 3:
            raise ValueError(f"bad number {i}")
        yield i

def consume():
    total = 0
    for n in numbers(10):
        print("got", n)
        total += n
    return total

print("start")
consume()
print("never printed")
