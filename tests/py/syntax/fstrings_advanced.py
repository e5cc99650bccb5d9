# Nested format specs, '=' debugging, alignment with computed widths.
width = 10
precision = 3
value = 2.718281828
print(f"[{value:{width}.{precision}f}]")
print(f"[{value:>{width}}]")
print(f"[{'text':{'*'}^{width}}]")
for w in range(3, 8, 2):
    print(f"|{'ab':>{w}}|{'ab':<{w}}|{'ab':^{w}}|")
fill = "-"
align = "^"
print(f"[{42:{fill}{align}{width}}]")
print(f"{value=:.2f}", f"{width+precision=}")
print(f"{ value = }")
print(f"{value = :>12.4f}")
nums = [3, 14, 159, 2653]
print(" ".join(f"{n:>5d}" for n in nums))
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
for fruit, price, qty in table:
    print(f"{fruit:<8}|{price:>7.2f}|{qty:>3}|{price * qty:>8.2f}")
print(f"{'total':<8}|{sum(p * q for _, p, q in table):>20.2f}")
print(f"{-42:+d} {42:+d} {42: d} {-42: d}")
print(f"{42:08d} {-42:08d} {42:=+8d} {3.5:08.2f}")
print(f"{1e10:g} {1e-10:g} {123456789:e} {0.000123:.2e}")
print(f"{12345.6789:,.2f} {-1234567:,d}")
print(f"{255:#010x} {255:#o} {255:08b}")
print(f"{'nested ' + f'{1 + 1}'}")
print(f"{f'{width:>{precision}}'}|")
obj = {"a": [1, {"b": 2}]}
print(f"{obj['a'][1]['b']}")
print(f"{str(3.0)!r:>8}")
print(f"{3.0!s:>6}|{'x'!r:<5}|")
print(f"{'%s' % 'old style'} {'{}'.format('format')}")
print(f"{10:c}{65:c}{0x263A:c}")
print(f"{True:d} {False:>5}")
msg = "ok"
print(f"{msg!r:*^10}")
print(f"{'a' 'b'}")
print(f"{1, 2}", f"{(1, 2)!r}")
print(f"{3:{'>'}{5}}")
