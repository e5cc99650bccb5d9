# exec(), eval() and compile() with globals/locals dictionaries.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}), eval("  5  "))
print(eval("[i * i for i in range(4)]"), eval("len('abc')"), eval("__builtins__ is not None"))
ns = {}
exec("y = 10\ndef f(n):\n    return n + y\nz = f(5)", ns)
print(ns["y"], ns["z"], ns["f"](1), sorted(k for k in ns if not k.startswith("__")))
print("__builtins__" in ns)
g = {"counter": 0}
for _ in range(3):
    exec("counter += 1", g)
print(g["counter"])
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(loc)
code = compile("x + 1", "<expr>", "eval")
print(type(code).__name__, eval(code, {"x": 41}), code.co_filename, code.co_name)
stmt = compile("result = [n for n in range(5) if n % 2]", "<stmt>", "exec")
env = {}
exec(stmt, env)
print(env["result"])
single = compile("1 + 1", "<single>", "single")
print(type(single).__name__)
print(exec("pass"), eval("None"))
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("def f(:", "exec"), ("a = 1", "eval"), ("return 5", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.filename)
for src in ["undefined_name", "1 / 0", "int('x')", "[][1]"]:
    try:
        eval(src)
    except Exception as e:
        print(type(e).__name__, e)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval(42)
except TypeError as e:
    print(type(e).__name__, e)
safe = {"__builtins__": {}}
try:
    eval("len([1])", safe)
except NameError as e:
    print(type(e).__name__, e)
print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
def make_adder(n):
    src = f"def adder(x):\n    return x + {n}\n"
    scope = {}
    exec(src, scope)
    return scope["adder"]
print(make_adder(5)(10), make_adder(100)(1))
x = "module x"
def uses_eval():
    x = "local x"
    return eval("x"), eval("x", globals())
print(uses_eval())
