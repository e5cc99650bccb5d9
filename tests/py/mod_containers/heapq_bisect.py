import heapq, bisect, random
from heapq import *

h = []
for x in [5, 1, 8, 3, 2, 9, 0]:
    heappush(h, x)
print(h, heappop(h), h, [heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2]; heapify(data); print(data, heapreplace(data, 5), data, heappushpop(data, 0), heappushpop(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9], key=lambda v: -v), list(heapq.merge([1, 4, 7], [2, 5], [3])))
print(list(heapq.merge(['a', 'c'], ['b'], key=str.upper, reverse=False)), list(heapq.merge([7, 4, 1], [5, 2], reverse=True)))
m = [3, 1, 4, 1, 5, 9, 2, 6]; heapq._heapify_max(m); print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
rng = random.Random(5)
for trial in range(20):
    items = [rng.randrange(100) for _ in range(rng.randrange(40))]
    hh = list(items); heapify(hh)
    assert all(hh[(i - 1) // 2] <= hh[i] for i in range(1, len(hh))), hh
    assert [heappop(hh) for _ in range(len(hh))] == sorted(items)
print('heap ok')
print(heappushpop([], 3), heapq.nsmallest(0, [1]), heapq.nlargest(1, []))
for src in ["heappush(1,2)", "heappop([])", "heapreplace([],1)", "heapify(1)", "heappush([])", "heappop()", "heapify(x=[])", "heapq._heappop_max([])",
            "heappush(h2, 'a')"]:
    h2 = [1]
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
class Evil:
    def __lt__(self, o):
        hl.clear()
        return True
hl = [Evil(), Evil(), Evil()]
try:
    heapify(hl)
except Exception as e:
    print(type(e).__name__, e)

a = [1, 2, 2, 2, 4, 7]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=2), bisect.bisect_right(a, 2, lo=4))
b = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(b, v)
print(b); bisect.insort_left(b, 4); bisect.insort_right(b, 0, 0, 1); print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
class L(list):
    def insert(self, i, x):
        print('  insert', i, x)
        super().insert(i, x)
ll = L([1, 3]); bisect.insort(ll, 2); print(ll)
print(bisect.bisect_right((1, 2, 3), 2), bisect.bisect_left('aceg', 'd'), bisect.bisect_right(range(10), 4))
for src in ["bisect.bisect_right()", "bisect.bisect_right([1],1,-1)", "bisect.bisect_right([1],1,0,'a')", "bisect.bisect_right(1,1)",
            "bisect.insort_left((1,),1)", "bisect.bisect_left([1,2],2,key=3)", "bisect.bisect_right([1,2],2,x=3)", "bisect.bisect_right([1,2],2,0,5)",
            "bisect.bisect_right([1,2,3], 2, 0, -5)", "bisect.bisect_right([1,2],2,hi=None)"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
