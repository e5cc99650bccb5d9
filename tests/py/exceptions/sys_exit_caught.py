# SystemExit can be caught and inspected; finally blocks run during exit.
import sys
for arg in [None, 0, 3, "message", (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare class:", e.code)
def cleanup_demo():
    try:
        sys.exit(5)
    finally:
        print("finally ran before exit propagated")
try:
    cleanup_demo()
except SystemExit as e:
    print("exit code", e.code)
try:
    exit_fn = sys.exit
    exit_fn("via alias")
except SystemExit as e:
    print(e)
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
