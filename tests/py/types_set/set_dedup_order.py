# Deduplication preserving order, using a seen-set; duplicates report.
def dedup(items, key=None):
    seen = set()
    out = []
    for item in items:
        k = item if key is None else key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
print(dedup([3, 1, 3, 2, 1, 5]))
print(dedup(["Apple", "apple", "BANANA", "banana", "Cherry"], key=str.lower))
print(dedup([(1, "a"), (2, "b"), (1, "c")], key=lambda t: t[0]))
print(dedup([]), dedup("mississippi"))
def duplicates(items):
    seen, dups = set(), set()
    for item in items:
        (dups if item in seen else seen).add(item)
    return dups
print(sorted(duplicates("programming")), sorted(duplicates([1, 2, 3])))
emails = ["a@x.com", "b@y.com", "A@X.com", "c@z.com", "b@y.com"]
print(dedup(emails, key=str.casefold), len(set(map(str.casefold, emails))))
def first_repeat(seq):
    seen = set()
    for i, v in enumerate(seq):
        if v in seen:
            return i, v
        seen.add(v)
    return None
print(first_repeat([5, 3, 8, 3, 5]), first_repeat("abcdefga"), first_repeat([1, 2]))
def has_pair_with_sum(nums, target):
    seen = set()
    for n in nums:
        if target - n in seen:
            return (target - n, n)
        seen.add(n)
    return None
print(has_pair_with_sum([8, 3, 11, 7, 2], 9), has_pair_with_sum([1, 2, 4], 100))
def longest_unique_run(s):
    best, start, window = "", 0, set()
    for end, ch in enumerate(s):
        while ch in window:
            window.discard(s[start])
            start += 1
        window.add(ch)
        if end - start + 1 > len(best):
            best = s[start:end + 1]
    return best
print([longest_unique_run(s) for s in ["abcabcbb", "bbbbb", "pwwkew", "", "dvdf"]])
