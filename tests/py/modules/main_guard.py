# `if __name__ == "__main__"` runs here but not in imported helpers.
import pkgs.mathutil
def main():
    print("main() called because __name__ is", repr(__name__))
    return 0
if __name__ == "__main__":
    main()
else:
    print("not executed")
print(pkgs.mathutil.describe())
