# Parse CSV text (with quoted fields) by hand, aggregate, and print a grouped report.
DATA = '''date,region,product,units,unit_price
2024-01-03,North,"Widget, large",12,9.99
2024-01-03,South,Gadget,5,24.50
2024-01-04,North,Gadget,3,24.50
2024-01-05,East,"Widget, large",7,9.99
2024-01-05,South,"Thing ""deluxe""",1,199.00
2024-01-06,North,Widget small,20,4.25
2024-01-06,East,Gadget,,24.50
2024-01-07,West,Widget small,8,4.25
'''
def parse_line(line):
    fields, cur, quoted, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    cur.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cur.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    fields.append("".join(cur))
    return fields
lines = DATA.strip().splitlines()
header = parse_line(lines[0])
records, problems = [], []
for n, line in enumerate(lines[1:], start=2):
    row = dict(zip(header, parse_line(line)))
    try:
        row["units"] = int(row["units"])
        row["unit_price"] = float(row["unit_price"])
    except ValueError as e:
        problems.append(f"line {n}: {e}")
        continue
    row["revenue"] = round(row["units"] * row["unit_price"], 2)
    records.append(row)
print(len(records), "records;", "problems:", problems)
by_region = {}
for r in records:
    by_region.setdefault(r["region"], []).append(r)
grand = 0.0
for region in sorted(by_region):
    rows = by_region[region]
    subtotal = sum(r["revenue"] for r in rows)
    grand += subtotal
    print(f"{region}:")
    for r in sorted(rows, key=lambda r: -r["revenue"]):
        print(f"  {r['date']}  {r['product']:<18}{r['units']:>4} x {r['unit_price']:>7.2f} = {r['revenue']:>8.2f}")
    print(f"  {'subtotal':<40}{subtotal:>10.2f}")
print(f"{'GRAND TOTAL':<42}{grand:>10.2f}")
by_product = {}
for r in records:
    p = by_product.setdefault(r["product"], {"units": 0, "revenue": 0.0})
    p["units"] += r["units"]
    p["revenue"] += r["revenue"]
best = max(by_product.items(), key=lambda kv: kv[1]["revenue"])
print("best product:", best[0], round(best[1]["revenue"], 2))
print("units by product:", {k: v["units"] for k, v in sorted(by_product.items())})
def to_csv_field(v):
    s = str(v)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
print(",".join(to_csv_field(v) for v in ["plain", "with, comma", 'with "quote"', 3.5]))
