"""Generate tests/data/ast_cases.txt and tests/data/error_cases.txt from the
source lists tests/data/{valid,eval,error}_cases.src, with CPython 3.11 as
the oracle. In error_cases.src each line is one case, with \\n, \\t,
\\u00a0, \\u200b and \\\\ escapes.

Record format (one field per line):
  S <source, escaped: \\\\ \\n \\r \\t \\0>
  M <mode: exec | eval | single>
  E <ast.dump(tree, include_attributes=True), columns in characters>
or, for errors,
  X <kind>|<msg>|<lineno>|<offset>|<end_lineno>|<end_offset>
"""
import ast, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data")

def src_file(name):
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        return f.read()


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\0", "\\0")

def char_cols(tree, src):
    lines = src.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    def conv(line, col):
        l = lines[line - 1]
        return col if l.isascii() else len(l.encode()[:col].decode(errors="replace"))
    for n in ast.walk(tree):
        if getattr(n, "lineno", None) is not None and hasattr(n, "col_offset"):
            n.col_offset = conv(n.lineno, n.col_offset)
            if n.end_col_offset is not None:
                n.end_col_offset = conv(n.end_lineno, n.end_col_offset)
    return tree





def records_valid(src, mode):
    try:
        t = ast.parse(src, mode=mode)
    except SyntaxError as e:
        print("UNEXPECTED ERROR", repr(src), e, file=sys.stderr)
        return None
    return "E " + ast.dump(char_cols(t, src), include_attributes=True).replace(", kind='u'", "")

def main():
    out = []
    # Valid: each line is its own case, except indented continuation lines,
    # which belong to the case started by the previous unindented line.
    blocks = []
    for line in src_file("valid_cases.src").strip("\n").split("\n"):
        prev = blocks[-1].split("\n")[-1] if blocks else ""
        if blocks and (line[:1] in (" ", "\t", "]", ")") or line.startswith(("elif", "else", "except", "finally"))
                       or prev.startswith("@")):
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
    # multi-line triple-quoted strings were split: glue lines inside quotes
    glued = []
    for b in blocks:
        if glued and (glued[-1].count('"""') % 2 == 1 or glued[-1].count("'''") % 2 == 1 or glued[-1].endswith("\\")
                      or glued[-1].rstrip().endswith(("(", "[", ",", "+")) ):
            glued[-1] += "\n" + b
        else:
            glued.append(b)
    cases = [(b + "\n", "exec") for b in glued]
    cases += [(l, "eval") for l in src_file("eval_cases.src").strip("\n").split("\n") if l]
    cases += [("x = 1\n", "single"), ("1 + 2\n", "single"), ("if x:\n    pass\n\n", "single")]
    n = 0
    for src, mode in cases:
        r = records_valid(src, mode)
        if r is None:
            continue
        out.append("S " + esc(src))
        out.append("M " + mode)
        out.append(r)
        n += 1
    with open(os.path.join(OUT, "ast_cases.txt"), "w") as f:
        f.write("\n".join(out) + "\n")
    print("ast cases:", n)
    out = []
    n = 0
    for line in src_file("error_cases.src").strip("\n").split("\n"):
        src = line.replace("\\n", "\n").replace("\\t", "\t").replace("\\u00a0", "\u00a0").replace("\\u200b", "\u200b")
        src = src.replace("\\\\", "\\")
        try:
            compile(src, "<s>", "exec", 0x400)  # PyCF_ONLY_AST: parser errors only
            print("NO ERROR", repr(src), file=sys.stderr)
            continue
        except SyntaxError as e:
            rec = "X %s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        out.append("S " + esc(src))
        out.append(rec)
        n += 1
    with open(os.path.join(OUT, "error_cases.txt"), "w") as f:
        f.write("\n".join(out) + "\n")
    print("error cases:", n)

if __name__ == "__main__":
    main()
