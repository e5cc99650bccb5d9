import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.choice('abcdefg'))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1))
print(random.choices('xyz', weights=[1, 2, 3], k=8), random.getrandbits(70), random.randbytes(5))
print(random.normalvariate(10, 2), random.expovariate(1.5), random.triangular(), random.betavariate(2, 3))
random.seed('hello'); print(random.random())
random.seed(b'hello'); print(random.random())
random.seed(3.5) if False else None
r = random.Random(7); s = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(s); print(a == [r.random() for _ in range(3)])
import pickle
r2 = pickle.loads(pickle.dumps(r)); print(r2.random() == r.random())
print(random.Random(1).random(), random.Random('x').random())
