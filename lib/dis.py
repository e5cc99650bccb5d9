"""Disassembler of Krait bytecode.

Krait's instructions are its own (see crates/krait-compiler/src/opcodes.rs),
laid out like CPython 3.11's: `dis.dis(f)` prints them in CPython's format.
The rest of this module gives the names other stdlib modules use from `dis`
(`inspect`, `modulefinder`, `pdb`...) their Krait meaning: offsets are two
bytes per instruction, as in `co_code`, `co_lines()` and `tb_lasti`.
"""

import collections as _collections
import sys as _sys

from _krait_dis import code_info as _code_info, instructions as _instructions, opnames as _opnames
from _krait_dis import dis as _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "COMPILER_FLAG_NAMES", "opname", "opmap", "HAVE_ARGUMENT", "EXTENDED_ARG",
           "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree"]

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

opname = _opnames()
opmap = {name: i for i, name in enumerate(opname)}
HAVE_ARGUMENT = 0          # every Krait instruction has an operand slot
EXTENDED_ARG = -1          # Krait operands are 32 bits: no EXTENDED_ARG
hasconst = [opmap[n] for n in ("LOAD_CONST", "RETURN_CONST", "KW_NAMES") if n in opmap]
hasname = [i for i, n in enumerate(opname) if n.endswith(("_NAME", "_ATTR", "_GLOBAL", "_METHOD")) or n in ("IMPORT_NAME", "IMPORT_FROM")]
hasjrel = [i for i, n in enumerate(opname) if "JUMP" in n or n in ("FOR_ITER", "SEND")]
hasjabs = []
haslocal = [i for i, n in enumerate(opname) if n.endswith("_FAST")]
hascompare = [opmap[n] for n in ("COMPARE_OP",) if n in opmap]
hasfree = [i for i, n in enumerate(opname) if n.endswith(("_DEREF", "_CLOSURE"))]

Positions = _collections.namedtuple("Positions", "lineno end_lineno col_offset end_col_offset",
                                    defaults=[None] * 4)
_Instruction = _collections.namedtuple(
    "Instruction",
    "opname opcode arg argval argrepr offset starts_line is_jump_target positions",
    defaults=[None])


class Instruction(_Instruction):
    """One Krait instruction (`argval` is the raw operand)."""


def _get_code(x):
    x = getattr(x, "__func__", x)
    x = getattr(x, "__code__", x)
    x = getattr(x, "gi_code", x)
    x = getattr(x, "cr_code", x)
    if isinstance(x, str):
        x = compile(x, "<disassembly>", "exec")
    return x


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Print the disassembly of a function, method, class, code object or source string."""
    if x is None:
        return distb(file=file)
    if file is None:
        _dis(x)
    else:
        import io, contextlib
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            _dis(x)
        file.write(buf.getvalue())


disassemble = disco = dis


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    if tb is None:
        try:
            tb = _sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    dis(tb.tb_frame.f_code, file=file)


def code_info(x):
    return _code_info(_get_code(x))


def show_code(co, *, file=None):
    print(code_info(co), file=file)


def findlinestarts(code):
    """(offset, lineno) for each instruction that starts a new line."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def findlabels(code):
    return sorted({ins.arg * 2 for ins in get_instructions(code) if ins.opcode in hasjrel})


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    code = _get_code(x)
    labels = set(findlabels(code)) if not isinstance(x, Instruction) else set()
    starts = dict(findlinestarts(code))
    for name, op, arg, offset, line in _instructions(code):
        yield Instruction(name, op, arg, arg, "", offset, starts.get(offset),
                          offset in labels, Positions(line, line))


class Bytecode:
    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = _get_code(x)
        self.first_line = self.codeobj.co_firstlineno if first_line is None else first_line
        self.current_offset = current_offset

    def __iter__(self):
        return get_instructions(self.codeobj)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.codeobj)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        import io, contextlib
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            _dis(self.codeobj)
        return buf.getvalue()


def _find_imports(co):
    return iter(())


def _find_store_names(co):
    return iter(())


def _test():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    dis(compile(source, args.infile.name, "exec"))


if __name__ == "__main__":
    _test()
