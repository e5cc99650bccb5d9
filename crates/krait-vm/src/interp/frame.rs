//! Frames: one activation of a code object.
//!
//! A frame's memory is one block of `Value` slots: the fast locals (NULL
//! when unbound) followed by the cell objects (cellvars, then freevars from
//! the closure), then the value stack (`max_stack` slots, computed by the
//! compiler). For ordinary calls the block is carved from the thread's
//! contiguous frame arena (`Vm::arena`) by bumping a pointer and released in
//! LIFO order by `Vm::recycle_frame`, so a call allocates nothing. Frames
//! that outlive their call (generators, coroutines) and module/class bodies
//! use a heap block instead (`Frame::new`).
//!
//! Invariants (the only `unsafe` of the interpreter's data path):
//! - slots `0..nfast` are always initialised; slots of the stack part are
//!   initialised exactly up to `stack.len()`;
//! - arena blocks are released in reverse order of creation; a frame that is
//!   not the topmost block when released leaks its slots instead of freeing
//!   them (never a use-after-free);
//! - pushing past the computed maximum is a checked panic, never an overflow.

use crate::interp::VmCode;
use crate::value::Value;
use std::mem::MaybeUninit;
use std::ops::{Deref, DerefMut, Index, IndexMut};
use std::rc::Rc;

/// Number of `Value` slots in each thread's frame arena (8 MiB of address
/// space; pages are only touched when used).
pub const ARENA_SLOTS: usize = 1 << 20;

/// The fast locals and cells of a frame: a fixed-size slice.
pub struct Slots {
    ptr: *mut Value,
    len: usize,
}

impl Deref for Slots {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        // SAFETY: `ptr..ptr+len` are initialised slots owned by this frame.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl DerefMut for Slots {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`, and the frame is borrowed mutably.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

/// The value stack of a frame: a `Vec`-like stack of fixed capacity.
pub struct ValueStack {
    ptr: *mut Value,
    len: usize,
    cap: usize,
}

impl ValueStack {
    #[inline]
    pub fn push(&mut self, v: Value) {
        assert!(self.len < self.cap, "value stack overflow (compiler max_stack too small)");
        // SAFETY: slot `len` is within capacity and uninitialised.
        unsafe { self.ptr.add(self.len).write(v) };
        self.len += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: slot `len` was initialised; ownership moves out.
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn as_slice(&self) -> &[Value] {
        // SAFETY: `0..len` are initialised.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    #[inline]
    fn as_mut_slice(&mut self) -> &mut [Value] {
        // SAFETY: `0..len` are initialised.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    #[inline]
    pub fn last(&self) -> Option<&Value> {
        self.as_slice().last()
    }

    #[inline]
    pub fn last_mut(&mut self) -> Option<&mut Value> {
        self.as_mut_slice().last_mut()
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.as_slice().get(i)
    }

    pub fn swap(&mut self, a: usize, b: usize) {
        self.as_mut_slice().swap(a, b)
    }

    /// Drop everything above `n`.
    pub fn truncate(&mut self, n: usize) {
        while self.len > n {
            drop(self.pop());
        }
    }

    /// Move the top `dst.len()` items into `dst` (in order), popping them.
    #[inline]
    pub fn move_top_into(&mut self, dst: &mut [Value]) {
        let n = dst.len();
        assert!(n <= self.len, "stack underflow");
        self.len -= n;
        for (i, d) in dst.iter_mut().enumerate() {
            // SAFETY: slots `len..len+n` were initialised and are now past
            // the top, so each is moved out exactly once.
            *d = unsafe { self.ptr.add(self.len + i).read() };
        }
    }

    /// Move out the items from `at` to the top.
    pub fn split_off(&mut self, at: usize) -> Vec<Value> {
        assert!(at <= self.len, "split_off past the stack top");
        let n = self.len - at;
        let mut out = Vec::with_capacity(n);
        // SAFETY: slots `at..len` are initialised; they are moved out and the
        // length is lowered so they are not dropped again.
        unsafe {
            std::ptr::copy_nonoverlapping(self.ptr.add(at), out.as_mut_ptr(), n);
            out.set_len(n);
        }
        self.len = at;
        out
    }

    pub fn extend<I: IntoIterator<Item = Value>>(&mut self, items: I) {
        for v in items {
            self.push(v);
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.as_slice().iter()
    }
}

impl Index<usize> for ValueStack {
    type Output = Value;
    #[inline]
    fn index(&self, i: usize) -> &Value {
        &self.as_slice()[i]
    }
}

impl IndexMut<usize> for ValueStack {
    #[inline]
    fn index_mut(&mut self, i: usize) -> &mut Value {
        &mut self.as_mut_slice()[i]
    }
}

impl<'a> Index<std::ops::RangeFrom<usize>> for ValueStack {
    type Output = [Value];
    #[inline]
    fn index(&self, r: std::ops::RangeFrom<usize>) -> &[Value] {
        &self.as_slice()[r]
    }
}

impl Deref for ValueStack {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        self.as_slice()
    }
}

/// Where a frame's slots live.
enum Mem {
    /// Slots `mark..mark+size` of the thread's arena.
    Arena { mark: usize, size: usize },
    /// A heap block owned by the frame.
    Heap(#[allow(dead_code)] Box<[MaybeUninit<Value>]>),
}

pub struct Frame {
    pub code: Rc<VmCode>,
    pub fast: Slots,
    pub stack: ValueStack,
    mem: Mem,
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
    /// The function being run (NULL for module code).
    pub func: Value,
    /// How many `except`/`finally` handlers are running in this frame
    /// (PushExcInfo minus PopExcept): a generator suspended with a nonzero
    /// depth keeps its own handled exception.
    pub exc_depth: u32,
    /// In a running generator: the exception its resumer was handling (the
    /// one current again once the generator's own handlers are done);
    /// NULL in other frames.
    pub caller_exc: Value,
    /// The Python frame object of this activation, NULL until asked for
    /// (see `frameobj`).
    pub obj: std::cell::Cell<Value>,
}

fn sizes(code: &VmCode) -> (usize, usize) {
    (code.nlocals + code.ncells + code.nfrees, code.code.max_stack as usize + 4)
}

impl Frame {
    #[inline(always)]
    fn build(code: Rc<VmCode>, base: *mut Value, nfast: usize, cap: usize, mem: Mem, globals: Value, builtins: Value, locals: Value) -> Frame {
        for i in 0..nfast {
            // SAFETY: the block has room for `nfast + cap` slots.
            unsafe { base.add(i).write(Value::NULL) };
        }
        // SAFETY: as above.
        let sp = unsafe { base.add(nfast) };
        Frame {
            code,
            fast: Slots { ptr: base, len: nfast },
            stack: ValueStack { ptr: sp, len: 0, cap },
            mem,
            pc: 0,
            lasti: 0,
            reraise_lasti: None,
            globals,
            builtins,
            locals,
            func: Value::NULL,
            exc_depth: 0,
            caller_exc: Value::NULL,
            obj: std::cell::Cell::new(Value::NULL),
        }
    }

    /// A frame in the thread's arena (released by `Vm::recycle_frame`);
    /// falls back to the heap when the arena is full.
    #[inline(always)]
    pub fn new_in(vm: &mut crate::Vm, code: Rc<VmCode>, globals: Value, builtins: Value, locals: Value) -> Frame {
        let (nfast, cap) = sizes(&code);
        let size = nfast + cap;
        let mark = vm.arena_top;
        if mark + size > vm.arena.len() {
            return Frame::new(code, globals, builtins, locals);
        }
        vm.arena_top = mark + size;
        // SAFETY: `mark..mark+size` is within the arena and unused.
        let base = unsafe { (vm.arena.as_mut_ptr() as *mut Value).add(mark) };
        Frame::build(code, base, nfast, cap, Mem::Arena { mark, size }, globals, builtins, locals)
    }

    /// A frame with its own heap block (generators, module and class bodies).
    pub fn new(code: Rc<VmCode>, globals: Value, builtins: Value, locals: Value) -> Frame {
        let (nfast, cap) = sizes(&code);
        let mut block: Box<[MaybeUninit<Value>]> = (0..nfast + cap).map(|_| MaybeUninit::uninit()).collect();
        let base = block.as_mut_ptr() as *mut Value;
        Frame::build(code, base, nfast, cap, Mem::Heap(block), globals, builtins, locals)
    }

    /// Whether the frame lives in the arena (and so must not outlive its call).
    pub fn in_arena(&self) -> bool {
        matches!(self.mem, Mem::Arena { .. })
    }

    /// Drop every live value of the frame's slots.
    fn release_values(&mut self) {
        if self.has_object() {
            self.detach(Value::NULL);
        }
        self.stack.truncate(0);
        let n = self.fast.len;
        self.fast.len = 0;
        for i in 0..n {
            // SAFETY: fast slots were initialised; the length is already 0,
            // so a re-entrant drop cannot see them twice.
            unsafe { drop(self.fast.ptr.add(i).read()) };
        }
    }

    /// Current source line.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti)
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        // Arena frames dropped without `recycle_frame` only leak their slots.
        self.release_values();
    }
}

impl crate::Vm {
    /// The frame arena of a new thread.
    pub fn new_arena() -> Box<[MaybeUninit<Value>]> {
        let mut v: Vec<MaybeUninit<Value>> = Vec::with_capacity(ARENA_SLOTS);
        // SAFETY: MaybeUninit needs no initialisation.
        unsafe { v.set_len(ARENA_SLOTS) };
        v.into_boxed_slice()
    }

    /// Release a finished frame's values and arena block (freed in LIFO
    /// order); the `Frame` itself is then dropped by the caller, cheaply.
    #[inline]
    pub fn recycle_frame(&mut self, f: &mut Frame) {
        if f.object_shared() {
            // The caller's frame object becomes `f_back` of a frame object
            // that outlives the call.
            let back = match self.frames.last() {
                // SAFETY: frames listed in `vm.frames` are running.
                Some(&p) => unsafe { &*p }.object(),
                None => Value::NONE,
            };
            f.detach(back);
        }
        f.release_values();
        if let Mem::Arena { mark, size } = f.mem {
            if mark + size == self.arena_top {
                self.arena_top = mark;
            }
        }
    }
}
