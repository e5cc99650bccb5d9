#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential test suite.

Every test program tests/py/<area>/<name>.py (helper modules under a `pkgs`
directory are not tests) is run with CPython exactly the way the Rust harness
(crates/krait/tests/differential.rs) runs Krait:

    cwd = the program's folder, command line `python3 <name>.py`,
    env PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, PYTHONDONTWRITEBYTECODE=1

and the results are written beside it:

    <name>.out   stdout (always written)
    <name>.exit  the exit status, only when it is non-zero
    <name>.err   stderr, only when the program's first line is `# check-stderr`

CPython prints absolute paths in tracebacks (`File "/abs/dir/name.py"`); the
absolute folder prefix is removed from stderr so that `.err` files say
`File "name.py"` and do not depend on where the repository is checked out.
The harness applies the same normalisation to Krait's stderr.

Usage:
    python3 tests/regen.py                 # regenerate everything
    python3 tests/regen.py fstring dict_   # only tests whose path contains one of the args
    python3 tests/regen.py --check [...]   # do not write; report what would change
"""
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.abspath(__file__))
PY_DIR = os.path.join(ROOT, "py")
TIMEOUT = 60
CHECK_STDERR_MARKER = "# check-stderr"
HELPER_DIR_NAMES = {"pkgs", "__pycache__"}


def test_env():
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONSAFEPATH", "PYTHONWARNINGS"):
        env.pop(var, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def find_tests():
    tests = []
    for dirpath, dirnames, filenames in os.walk(PY_DIR):
        dirnames[:] = sorted(d for d in dirnames if d not in HELPER_DIR_NAMES)
        for name in sorted(filenames):
            if name.endswith(".py"):
                tests.append(os.path.join(dirpath, name))
    return tests


def rel(path):
    return os.path.relpath(path, PY_DIR).replace(os.sep, "/")


def wants_stderr(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().rstrip("\r\n").strip() == CHECK_STDERR_MARKER


def normalize_stderr(data, folder):
    prefix = (os.path.abspath(folder) + os.sep).encode()
    data = data.replace(prefix, b"")
    real = (os.path.realpath(folder) + os.sep).encode()
    return data.replace(real, b"")


def run_one(path):
    folder, name = os.path.split(path)
    try:
        proc = subprocess.run(
            ["python3", name],
            cwd=folder,
            env=test_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return path, None, "timed out after %d s" % TIMEOUT
    return path, proc, None


def expected_files(path, proc):
    base = path[:-3]
    files = {base + ".out": proc.stdout}
    files[base + ".exit"] = (
        ("%d\n" % proc.returncode).encode() if proc.returncode != 0 else None
    )
    files[base + ".err"] = (
        normalize_stderr(proc.stderr, os.path.dirname(path)) if wants_stderr(path) else None
    )
    return files


def read_or_none(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    filters = [a for a in argv if a != "--check"]
    version = subprocess.run(
        ["python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True, text=True,
    ).stdout.strip()
    if version != "3.11":
        print("warning: python3 is %s, expectations are meant for CPython 3.11" % version)

    tests = find_tests()
    if filters:
        tests = [t for t in tests if any(f in rel(t) for f in filters)]

    problems = 0
    changed = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run_one, tests))
    for path, proc, error in results:
        if error:
            print("ERROR %s: %s" % (rel(path), error))
            problems += 1
            continue
        abs_dir = os.path.dirname(path).encode()
        if abs_dir in proc.stdout:
            print("warning %s: stdout contains an absolute path" % rel(path))
        if proc.returncode != 0 and not wants_stderr(path):
            first = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            print("note %s: exit %d %s" % (rel(path), proc.returncode, first))
        for target, content in expected_files(path, proc).items():
            old = read_or_none(target)
            if old == content:
                continue
            changed.append(os.path.relpath(target, ROOT))
            if check:
                continue
            if content is None:
                os.remove(target)
            else:
                with open(target, "wb") as f:
                    f.write(content)

    if not filters:
        # Expectation files whose program is gone are stale.
        for dirpath, dirnames, filenames in os.walk(PY_DIR):
            dirnames[:] = [d for d in dirnames if d not in HELPER_DIR_NAMES]
            for name in filenames:
                stem, ext = os.path.splitext(name)
                if ext in (".out", ".exit", ".err") and not os.path.exists(
                    os.path.join(dirpath, stem + ".py")
                ):
                    target = os.path.join(dirpath, name)
                    changed.append(os.path.relpath(target, ROOT))
                    if not check:
                        os.remove(target)

    verb = "would change" if check else "changed"
    for c in changed:
        print("%s %s" % (verb, c))
    print("%d tests, %d files %s, %d errors" % (len(tests), len(changed), verb, problems))
    return 1 if problems or (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
