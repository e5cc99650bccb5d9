# if / elif / else chains, nested conditionals and conditional expressions.
def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    elif n < 100:
        kind = "medium"
    else:
        kind = "large"
    return kind
print([classify(v) for v in [-5, 0, 7, 42, 1000]])
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizzbuzz(i) for i in range(1, 21)))
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in [95, 85, 75, 50, 90, 80]])
def leap(year):
    if year % 4:
        return False
    if year % 100:
        return True
    return year % 400 == 0
print([y for y in [1900, 2000, 2020, 2023, 2100, 2400] if leap(y)])
x = 5
if x:
    pass
if not x:
    print("never")
elif x > 3:
    if x % 2:
        print("odd and > 3")
    else:
        print("even and > 3")
def sign(v):
    return (v > 0) - (v < 0)
print([sign(v) for v in [-3, 0, 8, -0.5]])
def describe(obj):
    if isinstance(obj, bool):
        return "bool"
    elif isinstance(obj, int) and obj > 0:
        return "positive int"
    elif isinstance(obj, (int, float)):
        return "number"
    elif obj:
        return "truthy other"
    else:
        return "falsy other"
print([describe(v) for v in [True, 3, -3, 2.5, "s", "", None, [1]]])
def triangle(a, b, c):
    a, b, c = sorted((a, b, c))
    if a + b <= c:
        return "not a triangle"
    if a == b == c:
        return "equilateral"
    if a == b or b == c:
        return "isosceles"
    if a * a + b * b == c * c:
        return "right"
    return "scalene"
print([triangle(*t) for t in [(1, 1, 1), (2, 2, 3), (3, 4, 5), (4, 5, 6), (1, 2, 3)]])
value = None
result = value if value is not None else "default"
print(result)
print("yes" if [] else "no", "yes" if [0] else "no")
