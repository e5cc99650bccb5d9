# A formatted report table built with str methods and format specs.
sales = [
    ("North", "Widgets", 1520, 3.25),
    ("South", "Gadgets", 310, 12.5),
    ("East", "Widgets", 980, 3.25),
    ("West", "Doohickeys", 45, 99.99),
    ("North", "Gadgets", 700, 12.5),
]
headers = ("Region", "Product", "Units", "Price", "Revenue")
rows = [(r, p, str(u), f"{pr:.2f}", f"{u * pr:,.2f}") for r, p, u, pr in sales]
widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
align = ["<", "<", ">", ">", ">"]
def line(cells):
    return "| " + " | ".join(f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths)) + " |"
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
print(line(headers))
print(sep.replace("-", "="))
for row in rows:
    print(line(row))
print(sep)
total = sum(u * pr for _, _, u, pr in sales)
print(line(("TOTAL", "", str(sum(u for _, _, u, _ in sales)), "", f"{total:,.2f}")))
print(sep)
by_region = {}
for r, _, u, pr in sales:
    by_region[r] = by_region.get(r, 0) + u * pr
for region, revenue in sorted(by_region.items(), key=lambda kv: -kv[1]):
    bar = "█" * int(revenue // 500)
    print(f"{region:>6} {revenue:>10,.2f} {bar}")
print(f"{'share':>6} " + " ".join(f"{r[:1]}:{v / total:.1%}" for r, v in sorted(by_region.items())))
