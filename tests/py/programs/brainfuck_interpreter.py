# An interpreter for a tiny esoteric language (8 commands), with bracket matching and limits.
class BFError(Exception):
    pass
def match_brackets(code):
    stack, pairs = [], {}
    for i, ch in enumerate(code):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if not stack:
                raise BFError(f"unmatched ']' at {i}")
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    if stack:
        raise BFError(f"unmatched '[' at {stack[-1]}")
    return pairs
def run(code, data=b"", tape_size=300, max_steps=200000):
    code = "".join(ch for ch in code if ch in "+-<>.,[]")
    pairs = match_brackets(code)
    tape = bytearray(tape_size)
    ptr = pc = steps = inp = 0
    out = bytearray()
    while pc < len(code):
        steps += 1
        if steps > max_steps:
            raise BFError("step limit exceeded")
        ch = code[pc]
        if ch == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif ch == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif ch == ">":
            ptr += 1
            if ptr >= tape_size:
                raise BFError("pointer moved past the end of the tape")
        elif ch == "<":
            ptr -= 1
            if ptr < 0:
                raise BFError("pointer moved before the start of the tape")
        elif ch == ".":
            out.append(tape[ptr])
        elif ch == ",":
            tape[ptr] = data[inp] if inp < len(data) else 0
            inp += 1
        elif ch == "[" and tape[ptr] == 0:
            pc = pairs[pc]
        elif ch == "]" and tape[ptr] != 0:
            pc = pairs[pc]
        pc += 1
    return bytes(out), steps
HELLO = """++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."""
out, steps = run(HELLO)
print(out, steps)
CAT_UPPER = ",[>++++[<-------->-]<.,]"
print(run(CAT_UPPER, b"abc xyz")[0])
ADD = ",>,[<+>-]<."
print(run(ADD, bytes([30, 12]))[0][0])
def text_to_bf(text):
    parts, cur = [], 0
    for ch in text.encode():
        diff = ch - cur
        parts.append(("+" if diff > 0 else "-") * abs(diff) + ".")
        cur = ch
    return "".join(parts)
prog = text_to_bf("Krait!")
print(len(prog), run(prog)[0])
for bad in ["[[]", "]", "<", "+[]", ">" * 400]:
    try:
        run(bad)
    except BFError as e:
        print(f"{bad[:8]!r}: {e}")
