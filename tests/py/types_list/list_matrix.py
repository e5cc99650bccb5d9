# Matrix operations with nested lists.
def mat_mul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def det(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(n))
def show(m):
    w = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("[" + " ".join(str(v).rjust(w) for v in row) + "]")
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(A, B))
show(transpose(A))
show(mat_mul(identity(2), mat_mul(A, B)))
try:
    mat_mul(A, A)
except ValueError as e:
    print(type(e).__name__, e)
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(M), det(identity(4)), det([[1, 2], [2, 4]]))
def mat_pow(m, p):
    result = identity(len(m))
    while p:
        if p & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        p >>= 1
    return result
fib = mat_pow([[1, 1], [1, 0]], 90)
print("fib(90) =", fib[0][1])
def gauss_solve(a, b):
    n = len(a)
    aug = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
        aug[col], aug[pivot] = aug[pivot], aug[col]
        for r in range(n):
            if r != col:
                f = aug[r][col] / aug[col][col]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
    return [round(aug[i][n] / aug[i][i], 9) for i in range(n)]
print(gauss_solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]))
flat = [v for row in M for v in row]
print(flat, [flat[i:i + 3] for i in range(0, 9, 3)] == M)
print([sum(col) for col in zip(*M)], [max(row) for row in M], sum(M[i][i] for i in range(3)))
