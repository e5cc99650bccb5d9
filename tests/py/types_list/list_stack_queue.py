# Lists used as stacks and queues: bracket matching, RPN evaluation, BFS order.
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                return f"mismatch at {i}"
            stack.pop()
    return "ok" if not stack else f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
for s in ["(a[b]{c})", "([)]", "((", "", "}{", "{[()()]}"]:
    print(repr(s), balanced(s))
def rpn(expr):
    stack = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for tok in expr.split():
        if tok in ops:
            if len(stack) < 2:
                raise ValueError(f"stack underflow at {tok!r}")
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(float(tok))
    if len(stack) != 1:
        raise ValueError(f"leftover stack {stack}")
    return stack[0]
for e in ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 4", "1 +", "10 4 /"]:
    try:
        print(e, "=", rpn(e))
    except ValueError as err:
        print(e, "error:", err)
queue = []
for job in ["print", "email", "backup"]:
    queue.append(job)
while queue:
    print("processing", queue.pop(0), "remaining", queue)
tree = {"a": ["b", "c"], "b": ["d"], "c": ["e", "f"], "d": [], "e": [], "f": []}
order, frontier = [], ["a"]
while frontier:
    node = frontier.pop(0)
    order.append(node)
    frontier.extend(tree[node])
print("bfs", order)
order, stack = [], ["a"]
while stack:
    node = stack.pop()
    order.append(node)
    stack.extend(reversed(tree[node]))
print("dfs", order)
undo = []
doc = ""
for action in ["type:Hello", "type: world", "undo", "type:!", "type:?", "undo", "undo"]:
    if action == "undo":
        doc = undo.pop() if undo else doc
    else:
        undo.append(doc)
        doc += action.split(":", 1)[1]
    print(f"{action:12} -> {doc!r}")
