# Slice assignment and deletion, including extended slices.
L = list(range(10))
L[2:5] = ["a", "b", "c"]
print(L)
L[2:5] = ["X"]
print(L)
L[2:3] = []
print(L)
L[0:0] = ["front", "more"]
print(L)
L[len(L):] = ["back"]
print(L)
L[:] = range(8)
print(L)
L[::2] = ["e0", "e2", "e4", "e6"]
print(L)
L[1::2] = "abcd"
print(L)
L[::-1] = list(range(8))
print(L)
del L[::3]
print(L)
del L[-2:]
print(L)
L[10:20] = ["appended beyond end"]
print(L)
L[-100:1] = ["replaced first"]
print(L)
L[3:1] = ["inserted at 3"]
print(L)
for bad in [lambda: L.__setitem__(slice(None, None, 2), [1]), lambda: L.__setitem__(slice(0, 2), 5),
            lambda: L.__setitem__(slice(None, None, -1), [1, 2])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
M = [1, 2, 3]
M[1:2] = M
print(M)
N = [1, 2, 3, 4]
N[::2] = N[1::2]
print(N)
P = [0, 1, 2, 3, 4, 5]
del P[1:5:2]
print(P)
del P[:]
print(P)
Q = [1, 2, 3]
Q[1:] = (x * 10 for x in range(3))
print(Q)
