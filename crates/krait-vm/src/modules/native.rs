//! A small toolkit for writing native modules.
//!
//! * [`GilSlot`]: a process-wide slot for a value built once (a module's
//!   classes, its exception types). Shared by all threads: only touched while
//!   holding the GIL, unlike a `thread_local!`, which would give each thread
//!   its own copy of a class.
//! * [`new_type`]: a builtin-style class whose instances carry Rust state
//!   (`object::new_opaque`, `object::with_opaque`, `object::NativeData`).
//! * [`new_exception`]: an exception class of a module (`struct.error`).
//! * [`native_data!`]: `NativeData` (traverse/clear for the cycle collector)
//!   for a struct, from the list of its fields that hold Values.

use crate::types::{dict, types};
use crate::value::Value;
use crate::Vm;
use std::cell::UnsafeCell;
use std::collections::VecDeque;

/// A value built once and shared by every thread of the interpreter.
pub struct GilSlot(UnsafeCell<Option<Value>>);

// SAFETY: a GilSlot is only read or written by the thread holding the GIL
// (every native function runs with `&mut Vm`, the GIL token).
unsafe impl Sync for GilSlot {}

impl GilSlot {
    pub const fn new() -> GilSlot {
        GilSlot(UnsafeCell::new(None))
    }

    /// The value, building it with `f` the first time.
    pub fn get_or_init(&self, f: impl FnOnce() -> Value) -> Value {
        // SAFETY: see the Sync impl; `f` may re-enter only for other slots.
        unsafe {
            if let Some(v) = &*self.0.get() {
                return v.clone();
            }
            let v = f();
            if let Some(old) = &*self.0.get() {
                return old.clone();
            }
            *self.0.get() = Some(v.clone());
            v
        }
    }

    /// The value, if built.
    pub fn get(&self) -> Option<Value> {
        // SAFETY: see the Sync impl.
        unsafe { (*self.0.get()).clone() }
    }
}

impl Default for GilSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// A builtin-style class `module.name` deriving from `object` (or `base`),
/// subclassable from Python. Register `__new__` with
/// `add_native(&cls, "__new__", f, NativeKind::StaticMethod)` and methods with
/// `add_method`.
pub fn new_type(module: &str, name: &str, base: Option<&Value>) -> Value {
    let t = types();
    crate::types::new_native_type(module, name, base.unwrap_or(&t.object), true)
}

/// An exception class `module.name` with the given bases (a heap class, as
/// CPython's module exceptions are).
pub fn new_exception(vm: &mut Vm, module: &str, name: &str, bases: &[Value]) -> Value {
    let t = types();
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__module__", Value::str(module));
    let bases = if bases.is_empty() { vec![t.exc.exception.clone()] } else { bases.to_vec() };
    vm.call(&t.type_, &[Value::str(name), Value::tuple(bases), d]).unwrap_or_else(|_| t.exc.exception.clone())
}

/// Something holding Values: lets `native_data!` implement traverse/clear.
pub trait Visit {
    fn visit(&self, f: &mut dyn FnMut(&Value));
    fn take(&mut self, out: &mut Vec<Value>);
}

impl Visit for Value {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(self)
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(self, Value::NONE));
    }
}

impl<T: Visit> Visit for Option<T> {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(v) = self {
            v.visit(f)
        }
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        if let Some(mut v) = self.take() {
            v.take(out)
        }
    }
}

impl<T: Visit> Visit for Vec<T> {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for v in self {
            v.visit(f)
        }
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        for mut v in self.drain(..) {
            v.take(out)
        }
    }
}

impl Visit for VecDeque<Value> {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for v in self {
            f(v)
        }
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        out.extend(self.drain(..))
    }
}

/// Implement `NativeData` for a struct whose listed fields hold Values.
macro_rules! native_data {
    ($t:ty $(, $f:ident)* $(,)?) => {
        impl crate::object::NativeData for $t {
            #[allow(unused_variables)]
            fn traverse(&self, f: &mut dyn FnMut(&crate::value::Value)) {
                $( crate::modules::native::Visit::visit(&self.$f, f); )*
            }
            #[allow(unused_variables)]
            fn clear(&mut self, out: &mut Vec<crate::value::Value>) {
                $( crate::modules::native::Visit::take(&mut self.$f, out); )*
            }
        }
    };
}
pub(crate) use native_data;
