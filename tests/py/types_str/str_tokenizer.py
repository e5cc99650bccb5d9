# A hand-written tokenizer for a small expression language.
KEYWORDS = {"let", "if", "then", "else", "fn"}
OPERATORS = ["==", "!=", "<=", ">=", "->", "+", "-", "*", "/", "=", "<", ">", "(", ")", ",", ";"]
class TokenError(Exception):
    pass
def tokenize(src):
    tokens = []
    i, line, col = 0, 1, 1
    while i < len(src):
        ch = src[i]
        if ch == "\n":
            i += 1
            line += 1
            col = 1
            continue
        if ch.isspace():
            i += 1
            col += 1
            continue
        if ch == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
            continue
        start_col = col
        if ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            if text.count(".") > 1:
                raise TokenError(f"bad number {text!r} at {line}:{start_col}")
            tokens.append(("NUMBER", float(text) if "." in text else int(text), line, start_col))
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KEYWORD" if word in KEYWORDS else "IDENT", word, line, start_col))
        elif ch == '"':
            j = i + 1
            buf = []
            while j < len(src) and src[j] != '"':
                if src[j] == "\\" and j + 1 < len(src):
                    buf.append({"n": "\n", "t": "\t"}.get(src[j + 1], src[j + 1]))
                    j += 2
                else:
                    buf.append(src[j])
                    j += 1
            if j >= len(src):
                raise TokenError(f"unterminated string at {line}:{start_col}")
            j += 1
            tokens.append(("STRING", "".join(buf), line, start_col))
        else:
            for op in OPERATORS:
                if src.startswith(op, i):
                    j = i + len(op)
                    tokens.append(("OP", op, line, start_col))
                    break
            else:
                raise TokenError(f"unexpected character {ch!r} at {line}:{start_col}")
        col += j - i
        i = j
    return tokens
program = '''let x = 42;  # the answer
let name = "Ada \\"L\\"\\n";
fn add(a, b) -> a + b * 2.5;
if x >= 10 then add(x, 1) else x != 3
'''
for kind, value, line, col in tokenize(program):
    print(f"{line}:{col:<3} {kind:<8} {value!r}")
for bad in ['let s = "open', "x = 1.2.3", "a $ b"]:
    try:
        tokenize(bad)
    except TokenError as e:
        print(type(e).__name__, e)
