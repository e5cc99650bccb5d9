"""Compare krait-parser's AST with CPython's for every stdlib file.

Usage: python3 tools/compare_stdlib.py BATCH_BINARY
  (BATCH_BINARY: cargo build -p krait-parser --example batch, then
   target/debug/examples/batch)

Prints the first differing spot of each mismatching file. Columns are
compared in characters (CPython's ast reports UTF-8 byte offsets), and
Constant.kind ('u' prefix) is ignored since krait's AST has no such field.
"""
import ast, os, subprocess, sys, tempfile

def stdlib_files():
    lib = os.path.dirname(os.__file__)
    out = []
    for root, dirs, files in os.walk(lib):
        dirs[:] = [d for d in dirs if d not in ("site-packages", "__pycache__")]
        for f in files:
            if f.endswith(".py"):
                p = os.path.join(root, f)
                try:
                    src = open(p, encoding="utf-8").read()
                    compile(src, p, "exec", ast.PyCF_ONLY_AST)
                except Exception:
                    continue
                out.append(p)
    return sorted(out)

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

def main():
    batch = sys.argv[1]
    files = stdlib_files()
    with tempfile.TemporaryDirectory() as d:
        lst = os.path.join(d, "list.txt")
        open(lst, "w").write("\n".join(files) + "\n")
        out = os.path.join(d, "out")
        os.mkdir(out)
        subprocess.run([batch, lst, out], check=True)
        bad = 0
        for i, f in enumerate(files):
            src = open(f, encoding="utf-8").read()
            exp = ast.dump(char_cols(ast.parse(src), src), include_attributes=True).replace(", kind='u'", "")
            got = open(os.path.join(out, str(i))).read()
            if got != exp:
                bad += 1
                k = next((j for j in range(min(len(got), len(exp))) if got[j] != exp[j]), min(len(got), len(exp)))
                print(f)
                print("  expected:", exp[max(0, k - 120):k + 80])
                print("  got:     ", got[max(0, k - 120):k + 80])
    print("%d of %d files differ" % (bad, len(files)))

if __name__ == "__main__":
    main()
