//! The interpreter.
//!
//! - `VmCode` (here): a compiled `CodeObject` plus its constants and names
//!   turned into runtime values once, when the code is first loaded.
//! - `frame`: a `Frame` holds one activation: fast locals, cells, the value
//!   stack, the instruction pointer and the namespaces.
//! - `eval`: the dispatch loop (one small handler call per instruction).
//! - `call`: calling any callable, and binding arguments to parameters.
//! - `unwind`: exceptions: traceback entries, handler lookup, printing.
//! - `signals`: Ctrl-C and the periodic check.

pub mod attrcache;
pub mod call;
pub mod eval;
pub mod frame;
pub mod frameobj;
pub mod signals;
pub mod suggest;
pub mod unwind;

use crate::value::Value;
use krait_compiler::code::{CodeObject, Constant};
use std::rc::Rc;

pub use frame::Frame;

/// A code object ready to run: the compiler's `CodeObject` with its
/// constants and names as runtime values.
pub struct VmCode {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    /// `co_names` as interned str values (attribute and global lookups).
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    /// `cellvars ++ freevars` names.
    pub cell_names: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub nlocals: usize,
    pub ncells: usize,
    pub nfrees: usize,
    /// One inline-cache word per instruction (used by `LoadGlobal`; see
    /// `eval::load_global`). `u64::MAX` means empty.
    pub caches: Box<[std::cell::Cell<u64>]>,
    /// The attribute instructions' caches (see `attrcache`), one per instruction.
    pub attr_caches: Box<[attrcache::AttrCache]>,
    /// The Python code object wrapping this code, while one is alive (so
    /// `f.__code__ is f.__code__` and `gen.gi_code is f.__code__`).
    pub object: std::cell::RefCell<std::rc::Weak<crate::object::PyObject>>,
}

impl VmCode {
    pub fn new(code: Rc<CodeObject>) -> Rc<VmCode> {
        let consts = code.consts.iter().map(const_value).collect();
        let intern = crate::types::str::intern;
        let names = code.names.iter().map(|n| intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| intern(n)).collect();
        let cell_names = code.cellvars.iter().chain(code.freevars.iter()).map(|n| intern(n)).collect();
        Rc::new(VmCode {
            nlocals: code.varnames.len(),
            ncells: code.cellvars.len(),
            nfrees: code.freevars.len(),
            name: intern(&code.name),
            qualname: Value::str(&code.qualname),
            filename: Value::str(&code.filename),
            caches: (0..code.instrs.len()).map(|_| std::cell::Cell::new(u64::MAX)).collect(),
            attr_caches: attrcache::new_caches(code.instrs.len()),
            object: std::cell::RefCell::new(std::rc::Weak::new()),
            consts,
            names,
            varnames,
            cell_names,
            code,
        })
    }

    /// The code object of `code`: the live one if there is one, else a new one.
    pub fn object(code: &Rc<VmCode>) -> Value {
        if let Some(o) = code.object.borrow().upgrade() {
            return Value::from_obj(o);
        }
        let t = crate::types::types();
        let o = crate::object::PyObject::new(t.code.as_obj().unwrap(), crate::object::Payload::Code(code.clone()));
        *code.object.borrow_mut() = Rc::downgrade(&o);
        Value::from_obj(o)
    }

    /// Source line of instruction `i`.
    pub fn line_of(&self, i: usize) -> u32 {
        self.code.locations.get(i).map(|l| l.line).unwrap_or(self.code.firstlineno)
    }
}

/// Turn a compiler constant into a runtime value.
pub fn const_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::NONE,
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => Value::int(*i),
        Constant::BigInt(b) => Value::bigint(b.clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Complex { real, imag } => Value::complex(*real, *imag),
        Constant::Str(s) => Value::str(s),
        Constant::StrWide(cps) => Value::string(
            cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect(),
        ),
        Constant::Bytes(b) => Value::bytes(b.to_vec()),
        Constant::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        Constant::FrozenSet(items) => crate::types::set::frozenset_from_native(items.iter().map(const_value).collect()),
        Constant::Ellipsis => crate::types::types().ellipsis.clone(),
        Constant::Code(c) => crate::types::function::new_code_object(VmCode::new(c.clone())),
    }
}
