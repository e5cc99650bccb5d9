# repr(float) always round-trips; generate many values deterministically.
import struct
count = 0
failures = 0
seed = 12345
def lcg():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed
samples = []
for _ in range(2000):
    bits = lcg()
    v = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if v != v or v in (float("inf"), float("-inf")):
        continue
    count += 1
    if float(repr(v)) != v:
        failures += 1
    if len(samples) < 12:
        samples.append(repr(v))
print(count, failures)
print("\n".join(samples))
for num in range(1, 60):
    v = num / 7
    assert float(repr(v)) == v
    assert len(repr(v)) <= 19
print([repr(n / 7) for n in range(1, 8)])
print([repr(1 / 10 ** k) for k in range(0, 20, 3)])
print([repr(2.0 ** k) for k in (-20, -3, 0, 10, 52, 53, 60, 70)])
print(repr(struct.unpack("<d", struct.pack("<Q", 1))[0]), repr(struct.unpack("<d", struct.pack("<Q", 0x7FEFFFFFFFFFFFFF))[0]))
print(repr(struct.unpack("<d", struct.pack("<Q", 0x3FF0000000000001))[0]))
