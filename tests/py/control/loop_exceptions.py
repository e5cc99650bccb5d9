# Exceptions inside loops: continue/break from handlers, retries, cleanup.
def parse_all(tokens):
    good, bad = [], []
    for t in tokens:
        try:
            good.append(int(t))
        except ValueError:
            bad.append(t)
            continue
        finally:
            pass
    return good, bad
print(parse_all(["1", "x", "22", "3.5", "-4"]))
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "connected"
for retry in range(5):
    try:
        result = flaky()
    except ConnectionError as e:
        print("retrying after:", e)
    else:
        print(result, "after", attempts, "attempts")
        break
else:
    print("gave up")
def first_valid(values):
    for v in values:
        try:
            if v is None:
                raise TypeError("None value")
            return 100 // v
        except ZeroDivisionError:
            print("  skip zero")
        except TypeError as e:
            print("  skip:", e)
    return "none valid"
print(first_valid([0, None, 4]), first_valid([0]))
matrix = [[1, 2], [3, "x"], [5, 6]]
row_sums = []
for row in matrix:
    try:
        row_sums.append(sum(row))
    except TypeError as e:
        row_sums.append(None)
        print("bad row", row, "->", e)
print(row_sums)
i = 0
while True:
    try:
        i += 1
        if i == 2:
            continue
        if i == 4:
            raise StopIteration("manual stop")
        print("iteration", i)
    except StopIteration as e:
        print("stopping:", e)
        break
    finally:
        print("finally", i)
found = None
for group in [[1, 3], [5, 8, 9], [10]]:
    try:
        for v in group:
            if v % 2 == 0:
                found = v
                raise LookupError
    except LookupError:
        break
print("first even:", found)
errors = {}
for name, func in [("div", lambda: 1 / 0), ("idx", lambda: [][0]), ("key", lambda: {}["k"]),
                   ("attr", lambda: None.foo), ("ok", lambda: "fine")]:
    try:
        func()
        errors[name] = "ok"
    except Exception as e:
        errors[name] = f"{type(e).__name__}: {e}"
for k, v in errors.items():
    print(k, "=>", v)
