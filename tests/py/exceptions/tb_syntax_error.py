# check-stderr
# A program with a syntax error: nothing runs, SyntaxError is reported.
print("this line never runs")
values = [1, 2, 3
total = sum(values)
print(total)
