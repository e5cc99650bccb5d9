# *args and **kwargs collection and forwarding.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, "two", [3]))
print(show(a=1, b=2))
print(show(1, 2, x=3))
def total(*numbers):
    return sum(numbers)
print(total(), total(5), total(1, 2, 3, 4))
def build_tag(tag, *children, **attrs):
    attr_text = "".join(f' {k}="{v}"' for k, v in attrs.items())
    inner = "".join(children)
    return f"<{tag}{attr_text}>{inner}</{tag}>"
print(build_tag("p", "Hello ", "world", id="intro", cls="big"))
print(build_tag("br"))
def forward(*args, **kwargs):
    return build_tag(*args, **kwargs)
print(forward("a", "link", href="/home"))
def wrapper(func):
    def inner(*args, **kwargs):
        print(f"  calling with {len(args)} positional, {sorted(kwargs)} keywords")
        return func(*args, **kwargs)
    return inner
@wrapper
def area(w, h, unit="m"):
    return f"{w * h}{unit}2"
print(area(3, 4), area(2, h=5, unit="cm"))
def modify(*args, **kwargs):
    kwargs["added"] = True
    return args + (99,), kwargs
original = {"k": 1}
print(modify(1, **original), original)
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(*"hey"))
def kw_order(**kwargs):
    return list(kwargs)
print(kw_order(z=1, a=2, m=3))
def count_kwargs(**kw):
    return len(kw)
print(count_kwargs(**{"a": 1}, **{"b": 2}, c=3))
try:
    count_kwargs(**{"a": 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    count_kwargs(**{1: "x"})
except TypeError as e:
    print(type(e).__name__, e)
try:
    count_kwargs(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    total(*5)
except TypeError as e:
    print(type(e).__name__, e)
def weird_names(**kw):
    return kw
print(weird_names(**{"not an identifier": 1, "class": 2}))
