"""Compare krait-parser's syntax errors with CPython's on randomly mutated
stdlib snippets (one token deleted, inserted or replaced).

Usage: python3 tools/compare_errors.py BATCH_BINARY [COUNT] [SEED]
Prints mismatching cases and a summary; SHOW=n limits the cases printed.
"""
import ast, io, os, random, subprocess, sys, tempfile, tokenize
from collections import Counter

PIECES = ["(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\n    ", " ", "'", '"', "=", "==", ":=", "*", "**",
          "@", "lambda", "if", "else", "for", "in", "not", "yield", "def", "class", "return", "del", "import",
          "from", ".", "1", "x", "f'{", "}", "-", "|", "->", "\\", "\t", "as", "with", "try:", "except", "pass",
          "async", "await"]

def stdlib_files():
    lib = os.path.dirname(os.__file__)
    out = []
    for root, dirs, files in os.walk(lib):
        dirs[:] = [d for d in dirs if d not in ("site-packages", "__pycache__")]
        out += [os.path.join(root, f) for f in files if f.endswith(".py")]
    return sorted(out)

def mutate(files, rnd):
    while True:
        try:
            src = open(rnd.choice(files), encoding="utf-8").read()
        except Exception:
            continue
        lines = src.split("\n")
        if len(lines) < 5:
            continue
        a = rnd.randrange(len(lines))
        b = min(len(lines), a + rnd.randrange(1, 40))
        while a > 0 and lines[a][:1] in (" ", "\t", ""):
            a -= 1
        chunk = "\n".join(lines[a:b]) + "\n"
        try:
            toks = [t for t in tokenize.generate_tokens(io.StringIO(chunk).readline)
                    if t.type not in (tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT)]
        except Exception:
            continue
        if not toks:
            continue
        t = rnd.choice(toks)
        offs = [0]
        for l in chunk.split("\n"):
            offs.append(offs[-1] + len(l) + 1)
        s = offs[t.start[0] - 1] + t.start[1]
        e = offs[t.end[0] - 1] + t.end[1]
        op = rnd.randrange(3)
        piece = rnd.choice(PIECES)
        new = chunk[:s] + chunk[e:] if op == 0 else chunk[:s] + piece + (chunk[s:] if op == 1 else chunk[e:])
        try:
            compile(new, "m", "exec", ast.PyCF_ONLY_AST)
            continue
        except SyntaxError as ex:
            end = ex.end_offset if ex.end_offset is not None and ex.end_offset >= 0 else 0
            return new, "ERROR %s %r %s %s %s %s" % (type(ex).__name__, ex.msg, ex.lineno, ex.offset, ex.end_lineno, end)
        except Exception:
            continue

def main():
    batch = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    files = stdlib_files()
    cases = [mutate(files, rnd) for _ in range(count)]
    show = int(os.environ.get("SHOW", "30"))
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, (src, _) in enumerate(cases):
            p = os.path.join(d, "%d.py" % i)
            open(p, "w").write(src)
            paths.append(p)
        lst = os.path.join(d, "list.txt")
        open(lst, "w").write("\n".join(paths) + "\n")
        out = os.path.join(d, "out")
        os.mkdir(out)
        subprocess.run([batch, lst, out], capture_output=True)
        bad, kinds = 0, Counter()
        for i, (src, want) in enumerate(cases):
            got = open(os.path.join(out, str(i))).read().replace('"', "'")
            if got != want.replace('"', "'"):
                bad += 1
                kinds[want.split(" ", 2)[2][:50]] += 1
                if bad <= show:
                    print("---", repr(src[:300]))
                    print("  want:", want)
                    print("  got: ", got)
    print("%d of %d differ" % (bad, count))
    for k, v in kinds.most_common(20):
        print(" ", v, k)

if __name__ == "__main__":
    main()
