# Reading list slices.
L = list(range(10))
print(L[2:5], L[:3], L[7:], L[-3:], L[:-3], L[::2], L[1::2], L[::-1], L[8:2:-2], L[-1:-4:-1])
print(L[100:], L[-100:2], L[5:5], L[6:3], L[::100], L[::-100], L[3:-3:3])
print(L[slice(1, 4)], L[slice(None, None, 3)], L[slice(-2, None)])
s = L[:]
print(s == L, s is L)
nested = [[1, 2], [3, 4]]
shallow = nested[:]
shallow[0].append(99)
shallow[1] = "replaced"
print(nested, shallow)
print(L[1:8][::2][1:], L[::-1][::-1] == L)
try:
    L[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    L["a":]
except TypeError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self):
        return 3
print(L[I():], L[:I()], L[::I()])
print([1, 2, 3][-1:], [1][1:], [][:], [][::-1])
def chunks(lst, n):
    return [lst[i:i + n] for i in range(0, len(lst), n)]
print(chunks(L, 3), chunks([], 2))
def rotate(lst, k):
    k %= len(lst)
    return lst[k:] + lst[:k]
print(rotate(L, 3), rotate(L, -1), rotate([1, 2, 3], 10))
