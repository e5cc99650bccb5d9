# Building strings: join, accumulation, formatting loops, str() of objects.
parts = []
for i in range(1, 6):
    parts.append(f"{i}^2={i * i}")
print("; ".join(parts))
acc = ""
for word in ["build", "a", "sentence"]:
    acc += word + " "
print(repr(acc.strip()))
rows = [[1, 22, 333], [4444, 5, 66]]
widths = [max(len(str(r[c])) for r in rows) for c in range(3)]
for r in rows:
    print(" | ".join(str(v).rjust(w) for v, w in zip(r, widths)))
def to_words(n):
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if n < 20:
        return ones[n]
    if n < 100:
        return tens[n // 10] + ("" if n % 10 == 0 else "-" + ones[n % 10])
    if n < 1000:
        rest = n % 100
        return ones[n // 100] + " hundred" + ("" if rest == 0 else " and " + to_words(rest))
    rest = n % 1000
    return to_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + to_words(rest))
for n in [0, 13, 40, 99, 100, 115, 999, 1000, 2024, 90017]:
    print(n, to_words(n))
print(str(1), str(1.0), str([1, "a"]), str((1,)), str({"k": [1]}), str(None), str(str), str(b"x"))
print(str(), str(""), str("abc"), str(object=5))
def snake_to_camel(name):
    first, *rest = name.split("_")
    return first + "".join(w.capitalize() for w in rest)
def camel_to_snake(name):
    out = []
    for ch in name:
        if ch.isupper():
            out.append("_" + ch.lower())
        else:
            out.append(ch)
    return "".join(out).lstrip("_")
for n in ["user_id", "http_response_code", "x"]:
    c = snake_to_camel(n)
    print(n, c, camel_to_snake(c))
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"
for line in wrap(para, 28):
    print(f"|{line:<28}|")
