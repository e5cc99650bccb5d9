//! Code objects to bytes and back: the format of Krait's bytecode cache
//! (`__pycache__/*.krait-311.pyc`) and of `marshal` for code objects.
//!
//! Layout: the tag `KRCO`, the [`fingerprint`] of the compiler that wrote it
//! (8 bytes, little-endian), then the code object. Integers are LEB128
//! varints (signed ones zigzagged), strings are a length and UTF-8 bytes,
//! constants a one-byte tag and their data. [`load_code`] checks every
//! length, index and opcode, so truncated or corrupted input gives an error,
//! never a panic or a code object the VM could misexecute.

use crate::code::{CodeObject, Constant, ExceptionEntry, Location};
use crate::opcodes::{Instr, Op};
use num_bigint::BigInt;
use std::rc::Rc;

const TAG: &[u8; 4] = b"KRCO";

/// Identifies the compiler that produced a blob: the instruction table and
/// the source of the parser and compiler (see build.rs). A blob from any other
/// build is rejected.
pub fn fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: &[u8]| {
        for &x in b {
            h ^= x as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    };
    for op in Op::ALL {
        eat(op.rust_name().as_bytes());
        eat(b";");
    }
    eat(env!("KRAIT_COMPILER_SOURCE_HASH").as_bytes());
    h
}

// ---------------------------------------------------------------- writing

struct W(Vec<u8>);

impl W {
    fn u(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn s(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn names(&mut self, v: &[Rc<str>]) {
        self.u(v.len() as u64);
        for n in v {
            self.s(n);
        }
    }
    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.0.push(0),
            Constant::Bool(b) => self.0.push(if *b { 2 } else { 1 }),
            Constant::Int(i) => {
                self.0.push(3);
                self.i(*i);
            }
            Constant::BigInt(b) => {
                self.0.push(4);
                self.bytes(&b.to_signed_bytes_le());
            }
            Constant::Float(f) => {
                self.0.push(5);
                self.0.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Complex { real, imag } => {
                self.0.push(6);
                self.0.extend_from_slice(&real.to_bits().to_le_bytes());
                self.0.extend_from_slice(&imag.to_bits().to_le_bytes());
            }
            Constant::Str(s) => {
                self.0.push(7);
                self.s(s);
            }
            Constant::StrWide(w) => {
                self.0.push(8);
                self.u(w.len() as u64);
                for &c in w.iter() {
                    self.u(c as u64);
                }
            }
            Constant::Bytes(b) => {
                self.0.push(9);
                self.bytes(b);
            }
            Constant::Tuple(t) | Constant::FrozenSet(t) => {
                self.0.push(if matches!(c, Constant::Tuple(_)) { 10 } else { 11 });
                self.u(t.len() as u64);
                for x in t.iter() {
                    self.constant(x);
                }
            }
            Constant::Ellipsis => self.0.push(12),
            Constant::Code(code) => {
                self.0.push(13);
                self.code(code);
            }
        }
    }
    fn code(&mut self, c: &CodeObject) {
        self.s(&c.name);
        self.s(&c.qualname);
        self.s(&c.filename);
        for v in [c.flags, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.firstlineno, c.max_stack] {
            self.u(v as u64);
        }
        self.u(c.instrs.len() as u64);
        for ins in &c.instrs {
            self.0.push(ins.op as u8);
            self.u(ins.arg as u64);
        }
        // Locations are stored as deltas from the previous one (mostly small).
        let mut prev = Location { line: c.firstlineno, ..Location::default() };
        for l in &c.locations {
            self.i(l.line as i64 - prev.line as i64);
            self.i(l.col as i64 - prev.col as i64);
            self.i(l.end_line as i64 - l.line as i64);
            self.i(l.end_col as i64 - l.col as i64);
            prev = *l;
        }
        self.u(c.consts.len() as u64);
        for k in &c.consts {
            self.constant(k);
        }
        self.names(&c.names);
        self.names(&c.varnames);
        self.names(&c.cellvars);
        self.names(&c.freevars);
        self.u(c.cell2arg.len() as u64);
        for a in &c.cell2arg {
            self.u(a.map_or(0, |x| x as u64 + 1));
        }
        self.u(c.exception_table.len() as u64);
        for e in &c.exception_table {
            self.u(e.start as u64);
            self.u(e.end as u64);
            self.u(e.target as u64);
            self.u(e.depth as u64);
            self.0.push(e.push_lasti as u8);
        }
    }
}

/// Serialize a code object (with its nested code objects).
pub fn dump_code(code: &CodeObject) -> Vec<u8> {
    let mut w = W(Vec::with_capacity(1024));
    w.0.extend_from_slice(TAG);
    w.0.extend_from_slice(&fingerprint().to_le_bytes());
    w.code(code);
    w.0
}

// ---------------------------------------------------------------- reading

struct R<'a> {
    b: &'a [u8],
    pos: usize,
    depth: u32,
}

type Res<T> = Result<T, String>;

fn bad<T>(what: &str) -> Res<T> {
    Err(format!("bad code data ({what})"))
}

impl<'a> R<'a> {
    fn byte(&mut self) -> Res<u8> {
        let Some(&b) = self.b.get(self.pos) else { return bad("truncated") };
        self.pos += 1;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> Res<&'a [u8]> {
        if self.b.len() - self.pos < n {
            return bad("truncated");
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u(&mut self) -> Res<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        bad("varint")
    }
    fn u32(&mut self) -> Res<u32> {
        u32::try_from(self.u()?).or_else(|_| bad("range"))
    }
    fn i(&mut self) -> Res<i64> {
        let v = self.u()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    fn len(&mut self) -> Res<usize> {
        let n = self.u()? as usize;
        // Every item takes at least one byte: a larger count is corrupt.
        if n > self.b.len() - self.pos {
            return bad("length");
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Res<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    fn s(&mut self) -> Res<Rc<str>> {
        let b = self.bytes()?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Rc::from(s)),
            Err(_) => bad("utf-8"),
        }
    }
    fn names(&mut self) -> Res<Vec<Rc<str>>> {
        let n = self.len()?;
        (0..n).map(|_| self.s()).collect()
    }
    fn f64(&mut self) -> Res<f64> {
        let b = self.take(8)?;
        Ok(f64::from_bits(u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))))
    }
    fn constant(&mut self) -> Res<Constant> {
        Ok(match self.byte()? {
            0 => Constant::None,
            1 => Constant::Bool(false),
            2 => Constant::Bool(true),
            3 => Constant::Int(self.i()?),
            4 => Constant::BigInt(BigInt::from_signed_bytes_le(self.bytes()?)),
            5 => Constant::Float(self.f64()?),
            6 => {
                let real = self.f64()?;
                let imag = self.f64()?;
                Constant::Complex { real, imag }
            }
            7 => Constant::Str(self.s()?),
            8 => {
                let n = self.len()?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let c = self.u32()?;
                    if c > 0x10ffff {
                        return bad("code point");
                    }
                    v.push(c);
                }
                Constant::StrWide(Rc::from(v))
            }
            9 => Constant::Bytes(Rc::from(self.bytes()?)),
            t @ (10 | 11) => {
                let n = self.len()?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.nested(|r| r.constant())?);
                }
                if t == 10 {
                    Constant::Tuple(Rc::from(v))
                } else {
                    Constant::FrozenSet(Rc::from(v))
                }
            }
            12 => Constant::Ellipsis,
            13 => Constant::Code(Rc::new(self.nested(|r| r.code())?)),
            _ => return bad("constant tag"),
        })
    }
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        if self.depth > 200 {
            return bad("nesting");
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }
    fn code(&mut self) -> Res<CodeObject> {
        let name = self.s()?;
        let qualname = self.s()?;
        let filename = self.s()?;
        let flags = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let firstlineno = self.u32()?;
        let max_stack = self.u32()?;
        let n = self.len()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.byte()? as usize;
            let Some(&op) = Op::ALL.get(op) else { return bad("opcode") };
            let arg = self.u32()?;
            instrs.push(Instr { op, arg });
        }
        let mut locations = Vec::with_capacity(n);
        let mut prev = Location { line: firstlineno, ..Location::default() };
        let add = |base: u32, d: i64| -> Res<u32> { u32::try_from(base as i64 + d).or_else(|_| bad("location")) };
        for _ in 0..n {
            let line = add(prev.line, self.i()?)?;
            let col = add(prev.col, self.i()?)?;
            let end_line = add(line, self.i()?)?;
            let end_col = add(col, self.i()?)?;
            prev = Location { line, col, end_line, end_col };
            locations.push(prev);
        }
        let nc = self.len()?;
        let mut consts = Vec::with_capacity(nc);
        for _ in 0..nc {
            consts.push(self.constant()?);
        }
        let names = self.names()?;
        let varnames = self.names()?;
        let cellvars = self.names()?;
        let freevars = self.names()?;
        let n2 = self.len()?;
        let mut cell2arg = Vec::with_capacity(n2);
        for _ in 0..n2 {
            let a = self.u32()?;
            cell2arg.push(if a == 0 { None } else { Some(a - 1) });
        }
        let ne = self.len()?;
        let mut exception_table = Vec::with_capacity(ne);
        for _ in 0..ne {
            let start = self.u32()?;
            let end = self.u32()?;
            let target = self.u32()?;
            let depth = self.u32()?;
            let push_lasti = self.byte()? != 0;
            if start > end || end as usize > n || target as usize >= n.max(1) {
                return bad("exception table");
            }
            exception_table.push(ExceptionEntry { start, end, target, depth, push_lasti });
        }
        let code = CodeObject {
            name,
            qualname,
            filename,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            firstlineno,
            instrs,
            locations,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            exception_table,
            max_stack,
        };
        validate(&code)?;
        Ok(code)
    }
}

/// Check every operand that indexes a table or jumps stays in range.
fn validate(c: &CodeObject) -> Res<()> {
    use crate::opcodes::ArgKind as K;
    let n = c.instrs.len();
    let nlocals = c.varnames.len();
    let ncells = c.cellvars.len() + c.freevars.len();
    if c.total_args() as usize > nlocals || c.cell2arg.len() != c.cellvars.len() {
        return bad("arguments");
    }
    if c.cell2arg.iter().flatten().any(|&a| a as usize >= nlocals) {
        return bad("cell2arg");
    }
    for ins in &c.instrs {
        let a = ins.arg as usize;
        let ok = match ins.op.arg_kind() {
            K::Const => a < c.consts.len(),
            K::Name => a < c.names.len(),
            K::Local => a < nlocals,
            K::Cell => a < ncells,
            K::Jump => a <= n,
            K::BinOp => a < 26,
            K::CmpOp => a < crate::opcodes::CmpOpKind::ALL.len(),
            K::None | K::Count => true,
        };
        if !ok {
            return bad("operand");
        }
    }
    Ok(())
}

/// Deserialize what [`dump_code`] wrote (by this very build of the compiler).
pub fn load_code(b: &[u8]) -> Result<CodeObject, String> {
    if b.len() < 12 || &b[..4] != TAG {
        return bad("tag");
    }
    if b[4..12] != fingerprint().to_le_bytes() {
        return Err("code data from another Krait build".into());
    }
    let mut r = R { b, pos: 12, depth: 0 };
    let c = r.code()?;
    if r.pos != b.len() {
        return bad("trailing data");
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CodeObject {
        let src = "def f(a, *b, c=1, **d):\n    x = [i for i in b if i]\n    try:\n        return a + 10**30 + 1.5j\n    except E as e:\n        return (b'x', 'y', ..., frozenset())\nclass C: pass\n";
        let m = krait_parser::parse(src, "<t>", krait_parser::Mode::Exec).unwrap();
        (*crate::compile(&m, "<t>", krait_parser::Mode::Exec).unwrap()).clone()
    }

    #[test]
    fn round_trip() {
        let c = sample();
        assert_eq!(load_code(&dump_code(&c)).unwrap(), c);
    }

    /// Truncation and byte flips give errors or valid code, never a panic.
    #[test]
    fn corrupt_input_is_an_error() {
        let blob = dump_code(&sample());
        for n in 0..blob.len() {
            assert!(load_code(&blob[..n]).is_err());
        }
        let mut seed: u32 = 12345;
        for _ in 0..20000 {
            let mut b = blob.clone();
            seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
            let i = 12 + (seed as usize >> 8) % (b.len() - 12);
            b[i] ^= 1 << (seed % 8);
            let _ = load_code(&b);
        }
    }
}
