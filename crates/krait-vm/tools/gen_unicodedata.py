"""Generate crates/krait-vm/src/modules/textmods/unicodedata_tables.rs, the
property tables behind Krait's `unicodedata` module, from the running
Python's own unicodedata (run it with CPython 3.11: Unicode 14.0.0).

Usage: python3 crates/krait-vm/tools/gen_unicodedata.py OUT.rs

Run tables are `&[u32]` of packed `(first_code_point << 8) | value_index`
entries, sorted: a code point takes the value of the last entry at or
before it. Value names are in the matching `*_NAMES` arrays.
"""
import sys
import unicodedata as ud

MAX = 0x110000


def runs(f):
    out, prev = [], object()
    for cp in range(MAX):
        v = f(chr(cp))
        if v != prev:
            out.append((cp, v))
            prev = v
    return out


def packed(name, rs, names):
    idx = {n: i for i, n in enumerate(names)}
    vals = [f"0x{(cp << 8) | idx[v]:x}" for cp, v in rs]
    lines = [f"pub static {name}: &[u32] = &["]
    for i in range(0, len(vals), 10):
        lines.append("    " + ", ".join(vals[i:i + 10]) + ",")
    lines.append("];")
    return "\n".join(lines)


def names_arr(name, names):
    return f"pub static {name}: &[&str] = &[" + ", ".join(f'"{n}"' for n in names) + "];"


def ranges(name, pred):
    out, start = [], None
    for cp in range(MAX):
        ok = pred(cp)
        if ok and start is None:
            start = cp
        if not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAX - 1))
    vals = [f"(0x{a:x}, 0x{b:x})" for a, b in out]
    lines = [f"pub static {name}: &[(u32, u32)] = &["]
    for i in range(0, len(vals), 6):
        lines.append("    " + ", ".join(vals[i:i + 6]) + ",")
    lines.append("];")
    return "\n".join(lines)


def numeric_table():
    # (first, count, numerator, denominator, kind): values first..first+count-1
    # are numerator/denominator + i; kind 2 decimal, 1 digit, 0 numeric only.
    from fractions import Fraction
    entries = []
    for cp in range(MAX):
        c = chr(cp)
        v = ud.numeric(c, None)
        if v is None:
            continue
        kind = 2 if ud.decimal(c, None) is not None else 1 if ud.digit(c, None) is not None else 0
        fr = Fraction(v).limit_denominator(1000)
        assert float(fr) == v, (cp, v)
        if entries:
            f, n, num, den, k = entries[-1]
            if k == kind and den == fr.denominator and f + n == cp and Fraction(num, den) + n == fr:
                entries[-1] = (f, n + 1, num, den, k)
                continue
        entries.append((cp, 1, fr.numerator, fr.denominator, kind))
    lines = ["pub static NUMERIC: &[(u32, u32, i64, u32, u8)] = &["]
    row = []
    for e in entries:
        row.append("(0x%x, %d, %d, %d, %d)" % e)
        if len(row) == 5:
            lines.append("    " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("    " + ", ".join(row) + ",")
    lines.append("];")
    return "\n".join(lines)


def decomposition_table():
    entries = [(cp, ud.decomposition(chr(cp))) for cp in range(MAX) if ud.decomposition(chr(cp))]
    lines = ["pub static DECOMPOSITION: &[(u32, &str)] = &["]
    row = []
    for cp, d in entries:
        row.append(f'(0x{cp:x}, "{d}")')
        if len(row) == 5:
            lines.append("    " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("    " + ", ".join(row) + ",")
    lines.append("];")
    return "\n".join(lines)


def old_diffs(name, prop, names):
    # Code points assigned in 3.2.0 whose property differs there.
    old = ud.ucd_3_2_0
    idx = {n: i for i, n in enumerate(names or [])}
    rows = []
    for cp in range(MAX):
        c = chr(cp)
        if old.category(c) == "Cn":
            continue
        a, b = getattr(old, prop)(c), getattr(ud, prop)(c)
        if a != b:
            rows.append(f"(0x{cp:x}, {idx[a] if names else a})")
    lines = [f"pub static {name}: &[(u32, u8)] = &["]
    for i in range(0, len(rows), 8):
        lines.append("    " + ", ".join(rows[i:i + 8]) + ",")
    lines.append("];")
    return "\n".join(lines)


def old_numeric():
    # (code point, numerator, denominator, kind) in 3.2.0 where it differs; kind 255: not numeric.
    from fractions import Fraction
    old = ud.ucd_3_2_0
    rows = []
    for cp in range(MAX):
        c = chr(cp)
        if old.category(c) == "Cn":
            continue
        key = lambda m: (m.numeric(c, None), m.decimal(c, None), m.digit(c, None))
        if key(old) == key(ud):
            continue
        v = old.numeric(c, None)
        if v is None:
            rows.append(f"(0x{cp:x}, 0, 1, 255)")
        else:
            fr = Fraction(v).limit_denominator(1000)
            kind = 2 if old.decimal(c, None) is not None else 1 if old.digit(c, None) is not None else 0
            rows.append(f"(0x{cp:x}, {fr.numerator}, {fr.denominator}, {kind})")
    lines = ["pub static OLD_NUMERIC: &[(u32, i64, u32, u8)] = &["]
    for i in range(0, len(rows), 5):
        lines.append("    " + ", ".join(rows[i:i + 5]) + ",")
    lines.append("];")
    return "\n".join(lines)


def main(out):
    cats = sorted(set(ud.category(chr(c)) for c in range(MAX)))
    bidis = sorted(set(ud.bidirectional(chr(c)) for c in range(MAX)))
    eaws = ["N", "Na", "A", "W", "H", "F"]
    combs = sorted(set(ud.combining(chr(c)) for c in range(MAX)))
    old = ud.ucd_3_2_0
    parts = [
        "//! Generated by crates/krait-vm/tools/gen_unicodedata.py from Python %s's unicodedata %s. Do not edit."
        % (sys.version.split()[0], ud.unidata_version),
        "#![allow(clippy::unreadable_literal)]",
        names_arr("CATEGORY_NAMES", cats),
        packed("CATEGORY", runs(ud.category), cats),
        names_arr("BIDI_NAMES", bidis),
        packed("BIDI", runs(ud.bidirectional), bidis),
        "pub static COMBINING_VALUES: &[u8] = &[" + ", ".join(map(str, combs)) + "];",
        packed("COMBINING", runs(ud.combining), combs),
        names_arr("EAW_NAMES", eaws),
        packed("EAW", runs(ud.east_asian_width), eaws),
        ranges("MIRRORED", lambda c: ud.mirrored(chr(c)) == 1),
        ranges("UNASSIGNED_3_2", lambda c: old.category(chr(c)) == "Cn" and ud.category(chr(c)) != "Cn"),
        numeric_table(),
        old_diffs("OLD_CATEGORY", "category", cats),
        old_diffs("OLD_BIDI", "bidirectional", bidis),
        old_diffs("OLD_EAW", "east_asian_width", eaws),
        old_diffs("OLD_MIRRORED", "mirrored", None),
        old_numeric(),
        decomposition_table(),
    ]
    with open(out, "w") as f:
        f.write("\n\n".join(parts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
