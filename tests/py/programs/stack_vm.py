# A tiny stack-based virtual machine with an assembler, labels, calls and error reporting.
class VMError(Exception):
    pass
def assemble(source):
    program, labels = [], {}
    for raw in source.strip().splitlines():
        line = raw.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(program)
            continue
        op, *args = line.split()
        program.append((op.upper(), [int(a) if a.lstrip("-").isdigit() else a for a in args]))
    return [(op, [labels.get(a, a) if isinstance(a, str) else a for a in args]) for op, args in program]
def run(program, trace=False, max_steps=10000):
    stack, calls, out = [], [], []
    pc = steps = 0
    def pop():
        if not stack:
            raise VMError(f"stack underflow at pc={pc}")
        return stack.pop()
    while pc < len(program):
        steps += 1
        if steps > max_steps:
            raise VMError("step limit exceeded")
        op, args = program[pc]
        pc += 1
        if op == "PUSH":
            stack.append(args[0])
        elif op == "POP":
            pop()
        elif op == "DUP":
            v = pop(); stack += [v, v]
        elif op == "SWAP":
            b, a = pop(), pop(); stack += [b, a]
        elif op == "ROT":
            c, b, a = pop(), pop(), pop(); stack += [b, c, a]
        elif op in ("ADD", "SUB", "MUL", "DIV", "MOD", "LT", "EQ"):
            b, a = pop(), pop()
            if op in ("DIV", "MOD") and b == 0:
                raise VMError(f"division by zero at pc={pc - 1}")
            stack.append({"ADD": a + b, "SUB": a - b, "MUL": a * b, "DIV": a // b if b else 0,
                          "MOD": a % b if b else 0, "LT": int(a < b), "EQ": int(a == b)}[op])
        elif op == "JMP":
            pc = args[0]
        elif op == "JZ":
            if pop() == 0:
                pc = args[0]
        elif op == "CALL":
            calls.append(pc)
            pc = args[0]
        elif op == "RET":
            if not calls:
                raise VMError("return with empty call stack")
            pc = calls.pop()
        elif op == "PRINT":
            out.append(pop())
        elif op == "HALT":
            break
        else:
            raise VMError(f"unknown instruction {op!r}")
        if trace:
            print(f"  {op:<6}{str(args):<8}{stack}")
    return out, steps
prog = assemble("""
    push 2
    push 3
    add
    push 4
    mul
    print
    push 17
    push 5
    mod
    print
""")
print(run(prog, trace=True))
sum_squares = assemble("""
    push 0          ; running total
    push 5          ; n
loop:
    dup
    jz end
    dup
    call square     ; total n n*n
    rot             ; n n*n total
    add             ; n total'
    swap            ; total' n
    push 1
    sub
    jmp loop
end:
    pop
    print
    halt
square:
    dup
    mul
    ret
""")
print(run(sum_squares))
countdown = assemble("""
    push 5
top:
    dup
    print
    push 1
    sub
    dup
    jz out
    jmp top
out:
    halt
""")
print(run(countdown))
for src in ["push 1\nadd", "push 1\npush 0\ndiv", "ret", "bogus", "top:\njmp top"]:
    try:
        run(assemble(src))
    except VMError as e:
        print("VMError:", e)
print(len(sum_squares), sum_squares[2:4])
