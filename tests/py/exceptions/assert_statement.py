# assert statements and AssertionError details.
def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args, str(e) == "")
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print(e.args, str(e))
calls = []
def msg():
    calls.append("evaluated")
    return "lazy message"
assert True, msg()
print("message not evaluated when assertion passes:", calls)
try:
    assert None, msg()
except AssertionError as e:
    print(e, calls)
def safe_div(a, b):
    assert isinstance(a, (int, float)) and isinstance(b, (int, float)), "numbers required"
    assert b != 0, "division by zero"
    return a / b
for args in [(1, 2), (1, 0), ("1", 2)]:
    try:
        print(safe_div(*args))
    except AssertionError as e:
        print("assertion:", e)
