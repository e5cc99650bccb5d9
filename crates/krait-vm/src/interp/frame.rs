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
    /// Set by `Reraise`: where the re-raised exception originally happened.
    pub reraise_lasti: Option<usize>,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping for module and class bodies (NULL in functions).
    pub locals: Value,
    /// The function being run (NULL for module code), for `super()` and names.
    pub func: Value,
}

impl Frame {
    /// A frame whose vectors come from the VM's pool (see `Vm::recycle_frame`).
    pub fn new_in(vm: &mut crate::Vm, code: Rc<VmCode>, globals: Value, builtins: Value, locals: Value) -> Frame {
        let n = code.nlocals + code.ncells + code.nfrees;
        let need = code.code.max_stack as usize + 2;
        let (mut fast, stack) = match vm.frame_pool.pop() {
            Some((mut a, mut b)) => {
                a.reserve(n);
                b.reserve(need);
                (a, b)
            }
            None => (Vec::with_capacity(n.max(8)), Vec::with_capacity(need.max(8))),
        };
        fast.resize(n, Value::NULL);
        Frame { code, fast, stack, pc: 0, lasti: 0, reraise_lasti: None, globals, builtins, locals, func: Value::NULL }
    }

    pub fn new(code: Rc<VmCode>, globals: Value, builtins: Value, locals: Value) -> Frame {
        let n = code.nlocals + code.ncells + code.nfrees;
        let mut fast = Vec::with_capacity(n);
        fast.resize(n, Value::NULL);
        let stack = Vec::with_capacity(code.code.max_stack as usize + 2);
        Frame { code, fast, stack, pc: 0, lasti: 0, reraise_lasti: None, globals, builtins, locals, func: Value::NULL }
    }

    /// Current source line.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti)
    }
}

impl crate::Vm {
    /// Give a finished frame's vectors back to the pool.
    #[inline]
    pub fn recycle_frame(&mut self, mut f: Frame) {
        let mut a = std::mem::take(&mut f.fast);
        let mut b = std::mem::take(&mut f.stack);
        drop(f);
        a.clear();
        b.clear();
        if self.frame_pool.len() < 256 && a.capacity() <= 256 && b.capacity() <= 256 {
            self.frame_pool.push((a, b));
        }
    }
}
