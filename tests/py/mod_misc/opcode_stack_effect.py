import opcode
effects = []
errors = 0
for name, op in sorted(opcode.opmap.items(), key=lambda x: x[1]):
    for jump in (None, True, False):
        for arg in (0, 1, 2, 3, 4, 5, 7, 258):
            try:
                if op >= opcode.HAVE_ARGUMENT:
                    effects.append(opcode.stack_effect(op, arg, jump=jump))
                elif arg == 0:
                    effects.append(opcode.stack_effect(op, jump=jump))
            except ValueError:
                errors += 1
print(len(effects), sum(effects), sum(e * e for e in effects), errors)
print([opcode.stack_effect(opcode.opmap[n], 3) for n in ("BUILD_TUPLE", "BUILD_MAP", "MAKE_FUNCTION", "UNPACK_SEQUENCE", "BUILD_SLICE", "FORMAT_VALUE")])
print(opcode.stack_effect(opcode.opmap["FOR_ITER"], 1, jump=True), opcode.stack_effect(opcode.opmap["FOR_ITER"], 1, jump=False))
for args in [(1, 0), (100,), (3,), (300, 1)]:
    try:
        opcode.stack_effect(*args)
    except ValueError as e:
        print("ValueError:", e)
