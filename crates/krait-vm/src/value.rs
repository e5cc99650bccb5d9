//! `Value`: every Python value in one 64-bit word (NaN-boxing).
//!
//! Layout of the 64 bits:
//! - a float is stored as itself, except NaNs, which are heap floats
//!   (`Payload::Float`) so that each NaN is its own object as in CPython;
//! - `0xFFF9` + 48-bit signed payload: a small int (|n| < 2^47);
//! - `0xFFFA` + payload: `None` (0), the internal `NULL` marker (1),
//!   `False` (2), `True` (3);
//! - `0xFFFC` + 48-bit pointer: a heap object (`Rc<PyObject>` turned raw).
//!
//! Reference counting is Rust's: cloning a heap `Value` increments the
//! object's `Rc` count and dropping it decrements. Immediates are never
//! counted. Counts are not atomic; only the GIL holder touches objects, which
//! is why `Value` may be sent between threads (`unsafe impl Send`).
//!
//! Freeing is guarded against deep recursion (a list nested a million levels
//! must not overflow the Rust stack): see [`release`].

use crate::object::{Obj, PyObject};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << 48) - 1;
const TAG_INT: u64 = 0xFFF9;
const TAG_SPECIAL: u64 = 0xFFFA;
const TAG_PTR: u64 = 0xFFFC;
const FIRST_BOXED: u64 = 0xFFF9 << TAG_SHIFT;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Smallest and largest ints stored immediately.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

#[repr(transparent)]
pub struct Value(u64);

// SAFETY: objects are only touched by the thread holding the GIL.
unsafe impl Send for Value {}

impl Value {
    pub const NONE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 0);
    /// Internal marker: an empty local, the "no method" slot of a call. Never visible to Python.
    pub const NULL: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 1);
    pub const FALSE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 2);
    pub const TRUE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 3);

    #[inline]
    pub fn bits(&self) -> u64 {
        self.0
    }

    #[inline]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline]
    pub fn float(x: f64) -> Value {
        if x.is_nan() {
            return Value::nan(x);
        }
        Value(x.to_bits())
    }

    /// A NaN is a heap float: each NaN result is a distinct object, as in
    /// CPython (`[nan] == [nan]` is False for two NaNs, True for one), and
    /// its sign and payload bits survive.
    #[cold]
    fn nan(x: f64) -> Value {
        if !crate::types::types_ready() {
            return Value(CANONICAL_NAN);
        }
        Value::from_obj(crate::object::PyObject::new(
            crate::types::types().float.as_obj().unwrap(),
            crate::object::Payload::Float(x),
        ))
    }

    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A small int. The caller guarantees `SMALL_INT_MIN <= n <= SMALL_INT_MAX`;
    /// use `Value::int` (types/int.rs) for any i64.
    #[inline]
    pub fn small_int(n: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&n));
        Value((TAG_INT << TAG_SHIFT) | (n as u64 & PAYLOAD_MASK))
    }

    #[inline]
    pub fn is_float(&self) -> bool {
        self.0 < FIRST_BOXED
    }
    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline]
    pub fn is_ptr(&self) -> bool {
        self.tag() == TAG_PTR
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline]
    pub fn is_null(&self) -> bool {
        self.0 == Value::NULL.0
    }
    #[inline]
    pub fn is_bool(&self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }
    #[inline]
    pub fn is_true_singleton(&self) -> bool {
        self.0 == Value::TRUE.0
    }

    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }
    #[inline]
    pub fn float_unchecked(&self) -> f64 {
        f64::from_bits(self.0)
    }
    /// The value of a small int (bools are not small ints here).
    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_unchecked())
        } else {
            None
        }
    }
    #[inline]
    pub fn small_int_unchecked(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    /// Wrap a heap object, taking over its reference.
    #[inline]
    pub fn from_obj(o: Obj) -> Value {
        let p = Rc::into_raw(o) as u64;
        debug_assert!(p & !PAYLOAD_MASK == 0, "pointer above 48 bits");
        Value((TAG_PTR << TAG_SHIFT) | p)
    }

    #[inline]
    fn ptr(&self) -> *const PyObject {
        (self.0 & PAYLOAD_MASK) as *const PyObject
    }

    /// The object's address (48 bits) of a heap value; 0 for immediates.
    #[inline]
    pub fn addr(&self) -> u64 {
        if self.is_ptr() {
            self.0 & PAYLOAD_MASK
        } else {
            0
        }
    }

    /// A new reference to the heap object at `addr` (from [`Value::addr`]).
    ///
    /// # Safety
    /// The object must be alive: something else holds a reference to it.
    #[inline]
    pub unsafe fn clone_from_addr(addr: u64) -> Value {
        let v = std::mem::ManuallyDrop::new(Value((TAG_PTR << TAG_SHIFT) | addr));
        (*v).clone()
    }

    /// Borrow the heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&PyObject> {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged Value owns one reference, so the object is alive.
            Some(unsafe { &*self.ptr() })
        } else {
            None
        }
    }

    /// A new owning handle to the heap object, if this is one.
    pub fn to_obj(&self) -> Option<Obj> {
        if self.is_ptr() {
            // SAFETY: as in `as_obj`; we add one to the count for the new handle.
            unsafe {
                Rc::increment_strong_count(self.ptr());
                Some(Rc::from_raw(self.ptr()))
            }
        } else {
            None
        }
    }

    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Identity for `id()`: the object address, or a value derived from the bits.
    pub fn id(&self) -> i64 {
        if self.is_ptr() {
            self.ptr() as i64
        } else {
            (self.0 >> 1) as i64 & i64::MAX
        }
    }

    /// Reference count of a heap object (immediates report 1).
    pub fn refcount(&self) -> usize {
        if self.is_ptr() {
            // SAFETY: alive as in `as_obj`.
            unsafe {
                let rc = std::mem::ManuallyDrop::new(Rc::from_raw(self.ptr()));
                Rc::strong_count(&rc)
            }
        } else {
            1
        }
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if self.is_ptr() {
            // SAFETY: we hold a reference, so the count is at least one.
            unsafe { Rc::increment_strong_count(self.ptr()) };
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: this Value owned exactly one reference.
            let rc = unsafe { Rc::from_raw(self.ptr()) };
            if Rc::strong_count(&rc) == 1 {
                release(rc);
            } else {
                drop(rc);
            }
        }
    }
}

impl PartialEq for Value {
    /// Identity comparison (use the VM's `eq` for Python equality).
    fn eq(&self, other: &Value) -> bool {
        self.0 == other.0
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "{x:?}")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "{i}")
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_null() {
            write!(f, "NULL")
        } else if self.is_bool() {
            write!(f, "{}", if self.is_true_singleton() { "True" } else { "False" })
        } else {
            let o = self.as_obj().unwrap();
            write!(f, "<{} object at {:p}>", o.type_name(), o)
        }
    }
}

static RELEASE_DEPTH: crate::gil::GilCell<Cell<u32>> = crate::gil::GilCell::new(Cell::new(0));
static TRASH: crate::gil::GilCell<RefCell<Vec<Obj>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));
static FINALIZER: crate::gil::GilCell<Cell<Option<fn(&Obj) -> bool>>> = crate::gil::GilCell::new(Cell::new(None));

/// How deep frees may nest on the Rust stack before the rest is deferred.
const MAX_RELEASE_DEPTH: u32 = 64;

/// Install the hook that runs `__del__` and weakref callbacks for an object
/// about to be freed. It returns true if the object was resurrected.
pub fn set_finalizer_hook(hook: fn(&Obj) -> bool) {
    FINALIZER.with(|f| f.set(Some(hook)));
}

/// Free an object whose last reference is `rc`: run its finaliser (which may
/// resurrect it), then drop it, deferring nested frees past a fixed depth to
/// an explicit trash list drained by the outermost call (CPython's trashcan).
fn release(rc: Obj) {
    if rc.needs_finalizer() {
        if let Some(hook) = FINALIZER.with(|f| f.get()) {
            if hook(&rc) {
                return; // resurrected: someone else holds it now
            }
        }
    }
    let depth = RELEASE_DEPTH.with(|d| d.get());
    if depth >= MAX_RELEASE_DEPTH {
        TRASH.with(move |t| t.borrow_mut().push(rc));
        return;
    }
    RELEASE_DEPTH.with(|d| d.set(depth + 1));
    drop(rc);
    if depth == 0 {
        loop {
            let next = TRASH.with(|t| t.borrow_mut().pop());
            match next {
                Some(o) => drop(o),
                None => break,
            }
        }
    }
    RELEASE_DEPTH.with(|d| d.set(depth));
}
