//! `marshal`: CPython's marshal format (versions 0-4: type codes, FLAG_REF
//! back-references, 15-bit long digits), so data written by CPython loads
//! here and the reverse. Code objects are Krait's own (`krait_compiler::serialize`)
//! under the private type code 'K', which CPython does not know.

use crate::args::bind;
use crate::object::Payload;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{dict, set, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::collections::HashMap;

const VERSION: i64 = 4;
const MAX_DEPTH: usize = 2000;
const FLAG_REF: u8 = 0x80;

const T_NULL: u8 = b'0';
const T_NONE: u8 = b'N';
const T_FALSE: u8 = b'F';
const T_TRUE: u8 = b'T';
const T_STOPITER: u8 = b'S';
const T_ELLIPSIS: u8 = b'.';
const T_INT: u8 = b'i';
const T_INT64: u8 = b'I';
const T_FLOAT: u8 = b'f';
const T_BINARY_FLOAT: u8 = b'g';
const T_COMPLEX: u8 = b'x';
const T_BINARY_COMPLEX: u8 = b'y';
const T_LONG: u8 = b'l';
const T_STRING: u8 = b's';
const T_INTERNED: u8 = b't';
const T_REF: u8 = b'r';
const T_TUPLE: u8 = b'(';
const T_LIST: u8 = b'[';
const T_DICT: u8 = b'{';
const T_CODE: u8 = b'c';
const T_UNICODE: u8 = b'u';
const T_SET: u8 = b'<';
const T_FROZENSET: u8 = b'>';
const T_ASCII: u8 = b'a';
const T_ASCII_INTERNED: u8 = b'A';
const T_SMALL_TUPLE: u8 = b')';
const T_SHORT_ASCII: u8 = b'z';
const T_SHORT_ASCII_INTERNED: u8 = b'Z';
/// Krait code objects (private).
const T_KRAIT_CODE: u8 = b'K';

// ---------------------------------------------------------------- writing

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Identity (Value bits) -> reference index.
    refs: HashMap<u64, u32>,
    depth: usize,
}

enum WErr {
    Unmarshallable,
    TooDeep,
}

fn exact(v: &Value, ty: &Value) -> bool {
    v.as_obj().map_or(false, |o| std::ptr::eq(o.ty(), ty.as_obj().map_or(std::ptr::null(), |t| t as *const _)))
}

/// Strings CPython would have interned (identifier-like constants).
fn looks_interned(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }
    fn size(&mut self, n: usize) {
        self.u32(n as u32);
    }

    /// Write the type code, handling FLAG_REF. Returns false if a back-reference was written.
    fn start(&mut self, code: u8, v: &Value, shareable: bool) -> bool {
        if self.version >= 3 && shareable {
            let key = v.bits();
            if let Some(&i) = self.refs.get(&key) {
                self.byte(T_REF);
                self.u32(i);
                return false;
            }
            let n = self.refs.len() as u32;
            self.refs.insert(key, n);
            self.byte(code | FLAG_REF);
        } else {
            self.byte(code);
        }
        true
    }

    fn w_long(&mut self, v: &Value, b: &BigInt, shareable: bool) {
        if let Some(i) = b.to_i32() {
            if self.start(T_INT, v, shareable) {
                self.u32(i as u32);
            }
            return;
        }
        if !self.start(T_LONG, v, shareable) {
            return;
        }
        let mut digits: Vec<u16> = Vec::new();
        let mut m = b.abs();
        let mask = BigInt::from(0x7fff);
        while !m.is_zero() {
            digits.push((&m & &mask).to_u16().unwrap_or(0));
            m >>= 15;
        }
        let n = digits.len() as i32;
        self.u32(if b.is_negative() { -n } else { n } as u32);
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn w_float_text(&mut self, x: f64) {
        let s = if x.is_nan() {
            "nan".to_string()
        } else if x.is_infinite() {
            if x > 0.0 { "inf" } else { "-inf" }.to_string()
        } else {
            crate::text::format_spec::format_float_spec(x, ".17g", "float").unwrap_or_else(|_| x.to_string())
        };
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn w_str(&mut self, v: &Value, s: &str, shareable: bool) {
        let interned = crate::types::str::is_interned(v) || looks_interned(s);
        if self.version >= 4 && s.is_ascii() {
            let short = s.len() < 256;
            let code = match (short, interned) {
                (true, true) => T_SHORT_ASCII_INTERNED,
                (true, false) => T_SHORT_ASCII,
                (false, true) => T_ASCII_INTERNED,
                (false, false) => T_ASCII,
            };
            if self.start(code, v, shareable) {
                if short {
                    self.byte(s.len() as u8);
                } else {
                    self.size(s.len());
                }
                self.out.extend_from_slice(s.as_bytes());
            }
            return;
        }
        let code = if interned && self.version >= 3 { T_INTERNED } else { T_UNICODE };
        if self.start(code, v, shareable) {
            self.size(s.len());
            self.out.extend_from_slice(s.as_bytes());
        }
    }

    fn w_object(&mut self, v: &Value) -> Result<(), WErr> {
        if v.is_none() {
            self.byte(T_NONE);
            return Ok(());
        }
        if v.is_bool() {
            self.byte(if v.is_true_singleton() { T_TRUE } else { T_FALSE });
            return Ok(());
        }
        let t = types();
        if v.is(&t.exc.stop_iteration) {
            self.byte(T_STOPITER);
            return Ok(());
        }
        if v.is(&t.ellipsis) {
            self.byte(T_ELLIPSIS);
            return Ok(());
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        let r = self.w_complex_object(v);
        self.depth -= 1;
        r
    }

    fn w_complex_object(&mut self, v: &Value) -> Result<(), WErr> {
        let t = types();
        // Immediates are shared by value (as CPython's cached/constant objects are).
        let shareable = !v.is_ptr() || v.refcount() > 1;
        if let Some(i) = v.as_small_int() {
            self.w_long(v, &BigInt::from(i), true);
            return Ok(());
        }
        if let Some(x) = v.as_float() {
            self.w_float(v, x, true);
            return Ok(());
        }
        let Some(o) = v.as_obj() else { return Err(WErr::Unmarshallable) };
        match &o.payload {
            Payload::Int(b) if exact(v, &t.int) => self.w_long(v, b, shareable),
            Payload::Float(x) if exact(v, &t.float) => self.w_float(v, *x, shareable),
            Payload::Complex(re, im) if exact(v, &t.complex) => {
                if self.version > 1 {
                    if self.start(T_BINARY_COMPLEX, v, shareable) {
                        self.out.extend_from_slice(&re.to_le_bytes());
                        self.out.extend_from_slice(&im.to_le_bytes());
                    }
                } else if self.start(T_COMPLEX, v, shareable) {
                    self.w_float_text(*re);
                    self.w_float_text(*im);
                }
            }
            Payload::Str(s) if exact(v, &t.str) => self.w_str(v, s.as_str(), shareable),
            Payload::Bytes(b) if exact(v, &t.bytes) => {
                if self.start(T_STRING, v, shareable) {
                    self.size(b.len());
                    self.out.extend_from_slice(b);
                }
            }
            Payload::Tuple(items) if exact(v, &t.tuple) => {
                let small = self.version >= 4 && items.len() < 256;
                if self.start(if small { T_SMALL_TUPLE } else { T_TUPLE }, v, shareable) {
                    if small {
                        self.byte(items.len() as u8);
                    } else {
                        self.size(items.len());
                    }
                    for it in items.iter() {
                        self.w_object(it)?;
                    }
                }
            }
            Payload::List(l) if exact(v, &t.list) => {
                if self.start(T_LIST, v, shareable) {
                    // No Python code runs while writing, so the borrow is safe to hold.
                    let items = l.borrow();
                    self.size(items.len());
                    for it in items.iter() {
                        self.w_object(it)?;
                    }
                }
            }
            Payload::Dict(d) if exact(v, &t.dict) => {
                if self.start(T_DICT, v, shareable) {
                    let d = d.borrow();
                    for e in d.iter() {
                        self.w_object(&e.key)?;
                        self.w_object(&e.value)?;
                    }
                    self.byte(T_NULL);
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) if exact(v, &t.set) || exact(v, &t.frozenset) => {
                let frozen = exact(v, &t.frozenset);
                if self.start(if frozen { T_FROZENSET } else { T_SET }, v, shareable) {
                    let Some(tr) = set::tref(v) else { return Err(WErr::Unmarshallable) };
                    // Elements in the order of their own marshalled bytes, so the
                    // output does not depend on hash randomization (bpo-37596).
                    let mut keys: Vec<Value> = Vec::new();
                    tr.with(|d| set::visit_keys(d, &mut |k| keys.push(k.clone())));
                    let mut keyed: Vec<(Vec<u8>, Value)> = Vec::with_capacity(keys.len());
                    for k in keys {
                        let mut sub = Writer { out: Vec::new(), version: self.version, refs: HashMap::new(), depth: self.depth };
                        sub.w_object(&k)?;
                        keyed.push((sub.out, k));
                    }
                    keyed.sort_by(|a, b| a.0.cmp(&b.0));
                    self.size(keyed.len());
                    for (_, k) in &keyed {
                        self.w_object(k)?;
                    }
                }
            }
            Payload::Code(c) => {
                if self.start(T_KRAIT_CODE, v, shareable) {
                    let b = krait_compiler::serialize::dump_code(&c.code);
                    self.size(b.len());
                    self.out.extend_from_slice(&b);
                }
            }
            _ => {
                // Other buffer objects are written as bytes.
                match super::bytes_like(v) {
                    Some(b) => {
                        if self.start(T_STRING, v, shareable) {
                            self.size(b.len());
                            self.out.extend_from_slice(&b);
                        }
                    }
                    None => return Err(WErr::Unmarshallable),
                }
            }
        }
        Ok(())
    }

    fn w_float(&mut self, v: &Value, x: f64, shareable: bool) {
        if self.version > 1 {
            if self.start(T_BINARY_FLOAT, v, shareable) {
                self.out.extend_from_slice(&x.to_le_bytes());
            }
        } else if self.start(T_FLOAT, v, shareable) {
            self.w_float_text(x);
        }
    }
}

/// `marshal.dumps` as a Rust function.
pub fn dumps(v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 };
    match w.w_object(v) {
        Ok(()) => Ok(w.out),
        Err(WErr::Unmarshallable) => Err(PyErr::value_error("unmarshallable object")),
        Err(WErr::TooDeep) => Err(PyErr::value_error("object too deeply nested to marshal")),
    }
}

// ---------------------------------------------------------------- reading

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Value>,
    depth: usize,
    /// Reading from a file object instead of `data` (`marshal.load`).
    file: Option<Value>,
    fbuf: Vec<u8>,
}

fn bad(msg: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({msg})"))
}

fn too_short() -> PyErr {
    PyErr::new(&types().exc.eof_error, "marshal data too short")
}

impl<'a> Reader<'a> {
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        if let Some(f) = self.file.clone() {
            return match self.read_file(vm, &f, n)? {
                Some(b) => Ok(b),
                None => Err(PyErr::new(&types().exc.eof_error, "EOF read where not expected")),
            };
        }
        if self.data.len() - self.pos < n {
            return Err(too_short());
        }
        let b = self.data[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok(b)
    }

    /// Exactly `n` bytes from the file with `readinto` (None at end of file).
    fn read_file(&mut self, vm: &mut Vm, f: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
        let buf = Value::bytearray(vec![0u8; n]);
        let r = vm.call_method(f, "readinto", &[buf.clone()])?;
        let got = if r.is_none() { 0 } else { vm.index_value(&r)? };
        if got > n as i64 {
            return Err(PyErr::value_error(format!(
                "read() returned too much data: {n} bytes requested, {got} returned"
            )));
        }
        if got != n as i64 {
            return Ok(None);
        }
        let b = super::bytes_like(&buf).unwrap_or_default();
        self.fbuf.clear();
        Ok(Some(b))
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        if let Some(f) = self.file.clone() {
            return Ok(self.read_file(vm, &f, 1)?.and_then(|b| b.first().copied()));
        }
        if self.pos < self.data.len() {
            self.pos += 1;
            Ok(Some(self.data[self.pos - 1]))
        } else {
            Ok(None)
        }
    }

    fn u8(&mut self, vm: &mut Vm) -> PyResult<u8> {
        self.byte(vm)?.ok_or_else(too_short)
    }

    fn i32(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.i32(vm)?;
        if n < 0 {
            return Err(bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_text(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.u8(vm)? as usize;
        let b = self.take(vm, n)?;
        let s = String::from_utf8_lossy(&b).into_owned();
        crate::text::numparse::parse_float(&s).map_err(|_| bad("invalid float"))
    }

    /// Reserve a reference slot if `flag` (filled by `set_ref`).
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(Value::NONE);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn set_ref(&mut self, idx: Option<usize>, v: &Value) {
        if let Some(i) = idx {
            if let Some(slot) = self.refs.get_mut(i) {
                *slot = v.clone();
            }
        }
    }

    /// Read one object; None for TYPE_NULL.
    fn r_object(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(code) = self.byte(vm)? else {
            return Err(PyErr::new(&types().exc.eof_error, "EOF read where object expected"));
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(bad("recursion limit exceeded"));
        }
        let r = self.r_body(vm, code);
        self.depth -= 1;
        r
    }

    fn r_value(&mut self, vm: &mut Vm, what: &str) -> PyResult<Value> {
        match self.r_object(vm)? {
            Some(v) => Ok(v),
            None => Err(bad(&format!("NULL object in {what}"))),
        }
    }

    fn r_body(&mut self, vm: &mut Vm, code: u8) -> PyResult<Option<Value>> {
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let t = types();
        let simple = |r: &mut Self, v: Value| -> PyResult<Option<Value>> {
            if flag {
                r.refs.push(v.clone());
            }
            Ok(Some(v))
        };
        match ty {
            T_NULL => Ok(None),
            T_NONE => Ok(Some(Value::NONE)),
            T_TRUE => Ok(Some(Value::TRUE)),
            T_FALSE => Ok(Some(Value::FALSE)),
            T_STOPITER => Ok(Some(t.exc.stop_iteration.clone())),
            T_ELLIPSIS => Ok(Some(t.ellipsis.clone())),
            T_INT => {
                let i = self.i32(vm)?;
                simple(self, Value::int(i as i64))
            }
            T_INT64 => {
                let b = self.take(vm, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                simple(self, Value::int(i64::from_le_bytes(a)))
            }
            T_LONG => {
                let n = self.i32(vm)?;
                if n == i32::MIN {
                    return Err(bad("long size out of range"));
                }
                let cnt = n.unsigned_abs() as usize;
                let mut digits = Vec::with_capacity(cnt);
                for _ in 0..cnt {
                    let b = self.take(vm, 2)?;
                    let d = u16::from_le_bytes([b[0], b[1]]);
                    if d > 0x7fff {
                        return Err(bad("digit out of range in long"));
                    }
                    digits.push(d);
                }
                if digits.last() == Some(&0) {
                    return Err(bad("unnormalized long data"));
                }
                let mut v = BigInt::zero();
                for d in digits.iter().rev() {
                    v = (v << 15) + BigInt::from(*d);
                }
                if n < 0 {
                    v = -v;
                }
                simple(self, Value::bigint(v))
            }
            T_FLOAT => {
                let x = self.float_text(vm)?;
                simple(self, Value::float(x))
            }
            T_BINARY_FLOAT => {
                let x = self.f64(vm)?;
                simple(self, Value::float(x))
            }
            T_COMPLEX => {
                let re = self.float_text(vm)?;
                let im = self.float_text(vm)?;
                simple(self, Value::complex(re, im))
            }
            T_BINARY_COMPLEX => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                simple(self, Value::complex(re, im))
            }
            T_STRING => {
                let n = self.size(vm, "bytes object")?;
                let b = self.take(vm, n)?;
                simple(self, Value::bytes(b))
            }
            T_UNICODE | T_INTERNED => {
                let n = self.size(vm, "string")?;
                let b = self.take(vm, n)?;
                let s = match String::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => {
                        // Lone surrogates are encoded with surrogatepass: decode them leniently.
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    }
                };
                let v = if ty == T_INTERNED { crate::types::str::intern(&s) } else { Value::string(s) };
                simple(self, v)
            }
            T_ASCII | T_ASCII_INTERNED | T_SHORT_ASCII | T_SHORT_ASCII_INTERNED => {
                let n = if ty == T_SHORT_ASCII || ty == T_SHORT_ASCII_INTERNED {
                    self.u8(vm)? as usize
                } else {
                    self.size(vm, "string")?
                };
                let b = self.take(vm, n)?;
                let s: String = b.iter().map(|&c| c as char).collect();
                let v = if ty == T_ASCII_INTERNED || ty == T_SHORT_ASCII_INTERNED {
                    crate::types::str::intern(&s)
                } else {
                    Value::string(s)
                };
                simple(self, v)
            }
            T_TUPLE | T_SMALL_TUPLE => {
                let n = if ty == T_SMALL_TUPLE { self.u8(vm)? as usize } else { self.size(vm, "tuple")? };
                let idx = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.r_value(vm, "tuple")?);
                }
                let v = Value::tuple(items);
                self.set_ref(idx, &v);
                Ok(Some(v))
            }
            T_LIST => {
                let n = self.size(vm, "list")?;
                let v = Value::list(Vec::with_capacity(n.min(1 << 16)));
                if flag {
                    self.refs.push(v.clone());
                }
                for _ in 0..n {
                    let it = self.r_value(vm, "list")?;
                    if let Some(l) = v.as_list() {
                        l.borrow_mut().push(it);
                    }
                }
                Ok(Some(v))
            }
            T_DICT => {
                let d = dict::new_dict();
                if flag {
                    self.refs.push(d.clone());
                }
                loop {
                    let Some(k) = self.r_object(vm)? else { break };
                    let Some(val) = self.r_object(vm)? else { break };
                    dict::dict_set(vm, &d, k, val)?;
                }
                Ok(Some(d))
            }
            T_SET | T_FROZENSET => {
                let n = self.size(vm, "set")?;
                if ty == T_SET {
                    let s = set::new_set(vm, vec![])?;
                    if flag {
                        self.refs.push(s.clone());
                    }
                    for _ in 0..n {
                        let it = self.r_value(vm, "set")?;
                        set::set_add(vm, &s, it)?;
                    }
                    Ok(Some(s))
                } else {
                    let idx = self.reserve(flag);
                    let mut items = Vec::with_capacity(n.min(1 << 16));
                    for _ in 0..n {
                        items.push(self.r_value(vm, "set")?);
                    }
                    let v = set::set_from_iterable(vm, &Value::list(items), true)?;
                    self.set_ref(idx, &v);
                    Ok(Some(v))
                }
            }
            T_REF => {
                let n = self.i32(vm)?;
                if n < 0 || n as usize >= self.refs.len() {
                    return Err(bad("invalid reference"));
                }
                Ok(Some(self.refs[n as usize].clone()))
            }
            T_KRAIT_CODE => {
                let n = self.size(vm, "code")?;
                let b = self.take(vm, n)?;
                let code = krait_compiler::serialize::load_code(&b).map_err(|_| bad("invalid code object"))?;
                let v = crate::types::function::new_code_object(crate::interp::VmCode::new(std::rc::Rc::new(code)));
                simple(self, v)
            }
            T_CODE => Err(PyErr::value_error("bad marshal data (CPython code objects are not supported)")),
            _ => Err(bad("unknown type code")),
        }
    }
}

/// `marshal.loads` as a Rust function.
pub fn loads(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    let mut r = Reader { data, pos: 0, refs: Vec::new(), depth: 0, file: None, fbuf: Vec::new() };
    match r.r_object(vm)? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error("NULL object in marshal data for object")),
    }
}

fn version_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i64> {
    match v {
        Some(v) => Ok(super::c_int(vm, v)? as i64),
        None => Ok(VERSION),
    }
}

fn m_dumps(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [value, version] = bind("dumps", args, kw, &["value", "version=", "/"])?;
    let version = version_arg(vm, &version)?;
    Ok(Value::bytes(dumps(&value.unwrap_or(Value::NONE), version)?))
}

fn m_loads(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data] = bind("loads", args, kw, &["bytes", "/"])?;
    let data = data.unwrap_or(Value::NONE);
    let b = super::need_bytes(&data)?;
    loads(vm, &b)
}

fn m_dump(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [value, file, version] = bind("dump", args, kw, &["value", "file", "version=", "/"])?;
    let version = version_arg(vm, &version)?;
    let b = dumps(&value.unwrap_or(Value::NONE), version)?;
    vm.call_method(&file.unwrap_or(Value::NONE), "write", &[Value::bytes(b)])?;
    Ok(Value::NONE)
}

fn m_load(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file] = bind("load", args, kw, &["file", "/"])?;
    let file = file.unwrap_or(Value::NONE);
    let mut r = Reader { data: &[], pos: 0, refs: Vec::new(), depth: 0, file: Some(file), fbuf: Vec::new() };
    match r.r_object(vm)? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error("NULL object in marshal data for object")),
    }
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("marshal");
    add_function(&m, "dumps", m_dumps);
    add_function(&m, "loads", m_loads);
    add_function(&m, "dump", m_dump);
    add_function(&m, "load", m_load);
    set_attr(&m, "version", Value::int(VERSION));
    let _ = type_ref(&Value::NONE);
    let _ = Sign::Plus;
    m
}
