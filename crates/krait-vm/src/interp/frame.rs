//! Frames: one activation of a code object.
//!
//! `fast` holds the fast locals (NULL when unbound) followed by the cell
//! objects (cellvars, then freevars taken from the closure); `stack` is the
//! value stack. A plain call keeps its `Frame` on the Rust stack; generators
//! box theirs and resume it later.

use crate::interp::VmCode;
use crate::value::Value;
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<VmCode>,
    pub fast: Vec<Value>,
    pub stack: Vec<Value>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Index of the instruction being executed (for tracebacks and lasti).
    pub lasti: usize,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping for module and class bodies (NULL in functions).
    pub locals: Value,
    /// The function being run (NULL for module code), for `super()` and names.
    pub func: Value,
}

thread_local! {
    /// Recycled (locals, stack) vector pairs: calls are frequent, and this
    /// keeps them away from the allocator.
    static POOL: std::cell::RefCell<Vec<(Vec<Value>, Vec<Value>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn take_pair(nfast: usize, nstack: usize) -> (Vec<Value>, Vec<Value>) {
    let p = POOL.try_with(|p| p.borrow_mut().pop()).ok().flatten();
    match p {
        Some((mut a, mut b)) => {
            a.reserve(nfast);
            b.reserve(nstack);
            (a, b)
        }
        None => (Vec::with_capacity(nfast.max(8)), Vec::with_capacity(nstack.max(8))),
    }
}

fn give_pair(mut a: Vec<Value>, mut b: Vec<Value>) {
    a.clear();
    b.clear();
    if a.capacity() <= 256 && b.capacity() <= 256 {
        let _ = POOL.try_with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 256 {
                p.push((a, b));
            }
        });
    }
}

impl Frame {
    pub fn new(code: Rc<VmCode>, globals: Value, builtins: Value, locals: Value) -> Frame {
        let n = code.nlocals + code.ncells + code.nfrees;
        let (mut fast, stack) = take_pair(n, code.code.max_stack as usize + 2);
        fast.resize(n, Value::NULL);
        Frame { code, fast, stack, pc: 0, lasti: 0, globals, builtins, locals, func: Value::NULL }
    }

    /// Current source line.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti)
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        give_pair(std::mem::take(&mut self.fast), std::mem::take(&mut self.stack));
    }
}
