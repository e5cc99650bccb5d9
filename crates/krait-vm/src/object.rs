//! Heap objects.
//!
//! Every heap object is an `Rc<PyObject>` (aliased [`Obj`]): a type pointer,
//! an optional instance `__dict__`, `__slots__` storage, and a [`Payload`]
//! saying what kind of builtin object it is (its "solid base" in CPython's
//! terms). A user class that subclasses `list` makes objects whose payload is
//! `Payload::List`, so builtin methods work on them unchanged.
//!
//! Invariants:
//! - `ty` holds one strong reference to the type object (released in `Drop`).
//! - Only the thread holding the GIL touches any object (interior mutability is
//!   `Cell`/`RefCell`, never atomics).
//! - Never hold a `RefCell` borrow of a payload across a call that can run
//!   Python code: clone what you need out first.

use crate::value::Value;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub type Obj = Rc<PyObject>;

pub struct PyObject {
    ty: Cell<*const PyObject>,
    /// The instance `__dict__` (a dict object), created on first use.
    pub dict: RefCell<Option<Value>>,
    /// `__slots__` values (NULL where unset); empty for most objects.
    pub slots: RefCell<Box<[Value]>>,
    /// Object flags (see `FLAG_*`).
    pub flags: Cell<u32>,
    /// Position in the cycle collector's list of tracked objects (gc.rs).
    pub gc_index: Cell<usize>,
    pub payload: Payload,
}

/// `__del__` has already run for this object (PEP 442: at most once).
pub const FLAG_FINALIZED: u32 = 1;
/// Weak references to this object exist (see types/weakref.rs).
pub const FLAG_HAS_WEAKREFS: u32 = 2;
/// The object is linked in the cycle collector's list.
pub const FLAG_GC_TRACKED: u32 = 4;

impl PyObject {
    /// Allocate a new object of type `ty`.
    /// Allocate a new object of type `ty`. Every object lives in an `Rc`
    /// allocation, so a borrowed type can be given its extra reference here.
    pub fn new(ty: &PyObject, payload: Payload) -> Obj {
        Self::new_with_slots(ty, payload, 0)
    }

    pub fn new_with_slots(ty: &PyObject, payload: Payload, nslots: usize) -> Obj {
        let tp = ty as *const PyObject;
        // SAFETY: `ty` lives inside an `Rc` allocation (all objects do).
        unsafe { Rc::increment_strong_count(tp) };
        let slots: Box<[Value]> = (0..nslots).map(|_| Value::NULL).collect();
        let o = Rc::new(PyObject {
            ty: Cell::new(tp),
            dict: RefCell::new(None),
            slots: RefCell::new(slots),
            flags: Cell::new(0),
            gc_index: Cell::new(usize::MAX),
            payload,
        });
        crate::gc::track(&o);
        o
    }

    /// An object with no type yet (bootstrap only: `set_ty` must follow).
    pub(crate) fn new_untyped(payload: Payload) -> Obj {
        Rc::new(PyObject {
            ty: Cell::new(std::ptr::null()),
            dict: RefCell::new(None),
            slots: RefCell::new(Box::new([])),
            flags: Cell::new(0),
            gc_index: Cell::new(usize::MAX),
            payload,
        })
    }

    /// Create the `type` type itself, whose type is itself.
    pub(crate) fn new_self_typed(payload: Payload) -> Obj {
        let o = Rc::new(PyObject {
            ty: Cell::new(std::ptr::null()),
            dict: RefCell::new(None),
            slots: RefCell::new(Box::new([])),
            flags: Cell::new(0),
            gc_index: Cell::new(usize::MAX),
            payload,
        });
        // The type of `type` is `type`: an intentional reference cycle (immortal).
        o.ty.set(Rc::into_raw(o.clone()));
        o
    }

    /// The object's type (a type object).
    #[inline]
    pub fn ty(&self) -> &PyObject {
        // SAFETY: `ty` always holds a strong reference to a live type object.
        unsafe { &*self.ty.get() }
    }

    /// A new handle to the object's type.
    pub fn ty_obj(&self) -> Obj {
        let p = self.ty.get();
        // SAFETY: as in `ty`; we add one count for the returned handle.
        unsafe {
            Rc::increment_strong_count(p);
            Rc::from_raw(p)
        }
    }

    /// Change the type (`obj.__class__ = C`): the caller has checked layouts.
    pub fn set_ty(&self, ty: &PyObject) {
        // SAFETY: `ty` lives inside an `Rc` allocation.
        unsafe { Rc::increment_strong_count(ty as *const PyObject) };
        let old = self.ty.replace(ty as *const PyObject);
        if !old.is_null() {
            // SAFETY: `old` was our strong reference.
            unsafe { drop(Rc::from_raw(old)) };
        }
    }

    /// The type's `__name__`.
    pub fn type_name(&self) -> String {
        match &self.ty().payload {
            Payload::Type(t) => t.name.borrow().clone(),
            _ => "?".into(),
        }
    }

    /// Data of a type object. Panics if this is not a type (use `as_type`).
    #[inline]
    pub fn type_data(&self) -> &TypeData {
        match &self.payload {
            Payload::Type(t) => t,
            _ => panic!("type_data on a non-type"),
        }
    }

    #[inline]
    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    /// Whether `__del__` or weakref callbacks may need to run before freeing.
    #[inline]
    pub fn needs_finalizer(&self) -> bool {
        let f = self.flags.get();
        if f & FLAG_HAS_WEAKREFS != 0 {
            return true;
        }
        f & FLAG_FINALIZED == 0
            && (self.ty().as_type().map_or(false, |t| t.has_del.get()) || matches!(self.payload, Payload::Generator(_)))
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }
    pub fn set_flag(&self, flag: u32) {
        self.flags.set(self.flags.get() | flag)
    }
    pub fn clear_flag(&self, flag: u32) {
        self.flags.set(self.flags.get() & !flag)
    }
}

impl Drop for PyObject {
    fn drop(&mut self) {
        if self.has_flag(FLAG_GC_TRACKED) {
            crate::gc::untrack(self);
        }
        let p = self.ty.get();
        if !p.is_null() {
            // SAFETY: `ty` holds one strong reference.
            unsafe { drop(Rc::from_raw(p)) };
        }
    }
}

/// Native function signature: positional arguments first, then the values of
/// keyword arguments whose names are in `kwnames` (vectorcall convention).
pub type NativeFn = fn(&mut crate::Vm, &[Value], &[Value]) -> crate::PyResult<Value>;

/// How a native function behaves when found on a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A plain function (module-level builtins).
    Function,
    /// A method: binds the instance as first argument when accessed on one.
    Method,
    /// Binds the class as first argument (`dict.fromkeys`).
    ClassMethod,
    /// Never binds (`__new__`, `str.maketrans`).
    StaticMethod,
}

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// Bound first argument (a module or an instance), or NULL.
    pub bound: Value,
    /// The type that defines it (for methods), for reprs and type checks.
    pub owner: Option<Value>,
    pub doc: Option<&'static str>,
}

/// A function's code (`__code__`), replaceable from Python. Reads deref to
/// the `Rc<VmCode>`; `set` is only called by the `__code__` setter, while no
/// borrow from a call in progress is alive (calls keep their own `Rc`).
pub struct CodeSlot(std::cell::UnsafeCell<Rc<crate::interp::VmCode>>);

impl CodeSlot {
    pub fn new(c: Rc<crate::interp::VmCode>) -> CodeSlot {
        CodeSlot(std::cell::UnsafeCell::new(c))
    }
    pub fn set(&self, c: Rc<crate::interp::VmCode>) {
        // SAFETY: see the type's doc; the GIL holder is the only accessor.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), c) };
        drop(old);
    }
}

impl std::ops::Deref for CodeSlot {
    type Target = Rc<crate::interp::VmCode>;
    fn deref(&self) -> &Rc<crate::interp::VmCode> {
        // SAFETY: see `set`.
        unsafe { &*self.0.get() }
    }
}

pub struct FunctionData {
    pub code: CodeSlot,
    pub globals: Value,
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Value>,
    pub kwdefaults: RefCell<Value>,
    pub closure: Value,
    pub doc: RefCell<Value>,
    pub annotations: RefCell<Value>,
    pub module: RefCell<Value>,
}

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// `__bases__`.
    pub bases: RefCell<Vec<Obj>>,
    /// `__mro__`, starting with the type itself.
    pub mro: RefCell<Vec<Obj>>,
    /// The type's namespace: a dict object.
    pub dict: Value,
    /// The builtin type whose payload instances carry (`object` for plain classes).
    pub solid_base: Cell<*const PyObject>,
    /// Names of `__slots__` defined on this type and its ancestors, in slot order.
    pub slot_names: RefCell<Vec<String>>,
    /// Instances get a `__dict__`.
    pub has_instance_dict: Cell<bool>,
    /// The class defines `__del__` somewhere in its MRO.
    pub has_del: Cell<bool>,
    /// Created by a `class` statement (attributes may be set).
    pub heap: bool,
    /// May be subclassed.
    pub base_ok: bool,
    /// Bumped on every change to this type or an ancestor (attribute caches check it).
    pub version: Cell<u64>,
    /// Cached facts about special attribute methods, valid for `version`
    /// (see `ops::attr::attr_flags`): (version, flags).
    pub attr_flags: Cell<(u64, u8)>,
    /// Weak list of subclasses (for `__subclasses__` and version invalidation).
    pub subclasses: RefCell<Vec<std::rc::Weak<PyObject>>>,
}

/// The kind-specific part of an object.
pub enum Payload {
    /// A plain instance: all state is in `dict`/`slots`.
    Object,
    /// An int too big to be immediate, or an instance of an int subclass.
    Int(BigInt),
    /// An instance of a float subclass (plain floats are immediates).
    Float(f64),
    /// An instance of a bool-like subclass is impossible; bools are immediate.
    Complex(f64, f64),
    Str(crate::types::str::PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(RefCell<crate::types::dict::DictData>),
    Set(RefCell<crate::types::set::SetData>),
    FrozenSet(crate::types::set::SetData),
    Range { start: Value, stop: Value, step: Value },
    Slice { start: Value, stop: Value, step: Value },
    Type(Box<TypeData>),
    Function(Box<FunctionData>),
    Native(Box<NativeFunction>),
    /// A bound method: `func` called with `self_` prepended.
    Method { func: Value, self_: Value },
    Module(crate::types::module::ModuleData),
    /// A closure cell (NULL when empty).
    Cell(RefCell<Value>),
    Code(Rc<crate::interp::VmCode>),
    Exception(RefCell<crate::types::exception::ExcData>),
    Traceback(crate::types::exception::TracebackData),
    Frame(crate::types::exception::FrameSnapshot),
    Generator(RefCell<crate::types::generator::GenState>),
    /// `property(fget, fset, fdel, doc)`.
    Property(RefCell<[Value; 5]>),
    ClassMethod(RefCell<Value>),
    StaticMethod(RefCell<Value>),
    /// `super(type, obj)`: the start type and the bound object (or type).
    Super { start: Value, obj: Value, obj_type: Value },
    Iter(Box<RefCell<crate::types::iter::IterState>>),
    /// A descriptor for one `__slots__` entry.
    SlotDescriptor { name: String, index: usize },
    /// A read-only/computed attribute of a builtin type (`int.real`).
    GetSet { name: &'static str, get: NativeFn, set: Option<NativeFn> },
    File(Box<RefCell<crate::types::file::FileData>>),
    WeakRef(crate::types::weakref::WeakRefData),
    /// A `mappingproxy` over a type's dict.
    MappingProxy(Value),
    /// A dict view: 0 keys, 1 values, 2 items.
    DictView { dict: Value, kind: u8 },
    MemoryView(RefCell<crate::types::bytes::MemoryViewData>),
    /// Anything else a native module needs: keeps a Rust value (see [`NativeData`]).
    Opaque(RefCell<Box<dyn NativeData>>),
}

/// State a native module keeps inside an object (`Payload::Opaque`).
///
/// Types whose state holds `Value`s implement `traverse` and `clear` so the
/// cycle collector can see and break cycles through them; plain data needs
/// only `impl NativeData for T {}`. Downcast with `downcast_ref`/`downcast_mut`.
pub trait NativeData: std::any::Any {
    /// Call `f` on every Value held.
    fn traverse(&self, _f: &mut dyn FnMut(&Value)) {}
    /// Move every held Value into `out` (the collector drops them later).
    fn clear(&mut self, _out: &mut Vec<Value>) {}
}

impl dyn NativeData {
    pub fn downcast_ref<T: std::any::Any>(&self) -> Option<&T> {
        (self as &dyn std::any::Any).downcast_ref::<T>()
    }
    pub fn downcast_mut<T: std::any::Any>(&mut self) -> Option<&mut T> {
        (self as &mut dyn std::any::Any).downcast_mut::<T>()
    }
    pub fn is<T: std::any::Any>(&self) -> bool {
        (self as &dyn std::any::Any).is::<T>()
    }
}

/// A new object of class `cls` carrying native state `data`.
pub fn new_opaque<T: NativeData>(cls: &Value, data: T) -> Value {
    match cls.as_obj() {
        Some(c) => {
            // Python subclasses may declare `__slots__`: give them storage.
            let nslots = c.as_type().map_or(0, |td| td.slot_names.borrow().len());
            Value::from_obj(PyObject::new_with_slots(c, Payload::Opaque(RefCell::new(Box::new(data))), nslots))
        }
        None => Value::NONE,
    }
}

/// Borrow the native state of `v` as a `T`, if it has one, and run `f` on it.
pub fn with_opaque<T: NativeData, R>(v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => {
            let mut b = b.try_borrow_mut().ok()?;
            b.downcast_mut::<T>().map(f)
        }
        _ => None,
    }
}

impl Payload {
    /// Whether objects of this kind can hold references to other objects
    /// (and so must be tracked by the cycle collector).
    pub fn is_container(&self) -> bool {
        !matches!(
            self,
            Payload::Int(_)
                | Payload::Float(_)
                | Payload::Complex(..)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Native(_)
                | Payload::GetSet { .. }
                | Payload::SlotDescriptor { .. }
        )
    }
}

#[cfg(test)]
mod size_tests {
    /// Every object pays for the largest payload: keep big ones boxed.
    #[test]
    fn objects_stay_small() {
        assert!(std::mem::size_of::<super::Payload>() <= 80, "box the new large Payload variant");
        assert!(std::mem::size_of::<super::PyObject>() <= 160);
    }
}
