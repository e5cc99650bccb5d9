# Binary search, insertion into sorted lists, bisect-like helpers written by hand.
def bisect_left(a, x, lo=0, hi=None):
    hi = len(a) if hi is None else hi
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
def bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
def insort(a, x):
    a.insert(bisect_right(a, x), x)
data = [1, 3, 3, 3, 5, 8, 13, 21]
for x in [0, 1, 3, 4, 21, 22]:
    print(x, bisect_left(data, x), bisect_right(data, x))
sorted_list = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    insort(sorted_list, v)
print(sorted_list)
def count_range(a, lo, hi):
    return bisect_right(a, hi) - bisect_left(a, lo)
print(count_range(sorted_list, 2, 5), count_range(sorted_list, 10, 20))
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect_right(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 59]])
def search_rotated(a, target):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        if a[lo] <= a[mid]:
            if a[lo] <= target < a[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if a[mid] < target <= a[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
rot = [15, 18, 22, 3, 6, 9, 12]
print([search_rotated(rot, t) for t in [3, 22, 12, 15, 7]])
def isqrt(n):
    lo, hi = 0, n + 1
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 12, 10 ** 30 + 5]])
