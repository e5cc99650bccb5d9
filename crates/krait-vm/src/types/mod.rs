//! The builtin types: one file per type, and the registry [`Types`] that
//! holds every builtin type object for the life of the process.
//!
//! Builtin type objects are created once by [`init_types`] and never freed,
//! so `types()` hands out `&'static` references. Each type file has an
//! `init(t: &Types)` that fills the type's dict with its methods.

/// Define the binary-operator dunders of a numeric type: for each row
/// `(f, rf, "__op__", "__rop__", BinOpKind)` a native `f`/`rf` forwarding to
/// the file's `binop_dunder(args, kw, name, op, reflected)`, and a
/// `register_binops(ty)` that adds them all to the type.
macro_rules! binop_dunders {
    ($(($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                binop_dunder(args, kw, $name, $op, false)
            }
            fn $rf(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                binop_dunder(args, kw, $rname, $op, true)
            }
        )*
        fn register_binops(ty: &Value) {
            $(
                add_method(ty, $name, $f);
                add_method(ty, $rname, $rf);
            )*
        }
    };
}

/// Define the rich-comparison dunders of a numeric type: for each row
/// `(f, "__op__", CmpOpKind)` a native forwarding to the file's
/// `richcmp(args, kw, name, op)`, and `register_cmps(ty)`.
macro_rules! cmp_dunders {
    ($(($f:ident, $name:literal, $op:expr)),* $(,)?) => {
        $(fn $f(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            richcmp(args, kw, $name, $op)
        })*
        fn register_cmps(ty: &Value) {
            $(add_method(ty, $name, $f);)*
        }
    };
}

pub mod bytes;
pub mod complex;
pub mod dict;
pub mod dict_methods;
pub mod exception;
pub mod file;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod int_methods;
pub mod iter;
pub mod list;
pub mod memoryview;
pub mod module;
pub mod object;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod str_methods;
pub mod structseq;
pub mod super_;
pub mod tuple;
pub mod type_;
pub mod weakref;

use crate::object::{NativeFn, NativeFunction, NativeKind, Obj, Payload, PyObject, TypeData};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

/// Every builtin exception type.
pub struct ExcTypes {
    pub base_exception: Value,
    pub base_exception_group: Value,
    pub exception_group: Value,
    pub system_exit: Value,
    pub keyboard_interrupt: Value,
    pub generator_exit: Value,
    pub exception: Value,
    pub stop_iteration: Value,
    pub stop_async_iteration: Value,
    pub arithmetic_error: Value,
    pub floating_point_error: Value,
    pub overflow_error: Value,
    pub zero_division_error: Value,
    pub assertion_error: Value,
    pub attribute_error: Value,
    pub buffer_error: Value,
    pub eof_error: Value,
    pub import_error: Value,
    pub module_not_found_error: Value,
    pub lookup_error: Value,
    pub index_error: Value,
    pub key_error: Value,
    pub memory_error: Value,
    pub name_error: Value,
    pub unbound_local_error: Value,
    pub os_error: Value,
    pub blocking_io_error: Value,
    pub child_process_error: Value,
    pub connection_error: Value,
    pub broken_pipe_error: Value,
    pub connection_aborted_error: Value,
    pub connection_refused_error: Value,
    pub connection_reset_error: Value,
    pub file_exists_error: Value,
    pub file_not_found_error: Value,
    pub interrupted_error: Value,
    pub is_a_directory_error: Value,
    pub not_a_directory_error: Value,
    pub permission_error: Value,
    pub process_lookup_error: Value,
    pub timeout_error: Value,
    pub reference_error: Value,
    pub runtime_error: Value,
    pub not_implemented_error: Value,
    pub recursion_error: Value,
    pub syntax_error: Value,
    pub indentation_error: Value,
    pub tab_error: Value,
    pub system_error: Value,
    pub type_error: Value,
    pub value_error: Value,
    pub unicode_error: Value,
    pub unicode_decode_error: Value,
    pub unicode_encode_error: Value,
    pub unicode_translate_error: Value,
    pub warning: Value,
    pub deprecation_warning: Value,
    pub pending_deprecation_warning: Value,
    pub runtime_warning: Value,
    pub syntax_warning: Value,
    pub user_warning: Value,
    pub future_warning: Value,
    pub import_warning: Value,
    pub unicode_warning: Value,
    pub bytes_warning: Value,
    pub resource_warning: Value,
    pub encoding_warning: Value,
}

/// The registry of builtin types and singletons.
pub struct Types {
    pub type_: Value,
    pub object: Value,
    pub int: Value,
    pub bool: Value,
    pub float: Value,
    pub complex: Value,
    pub str: Value,
    pub bytes: Value,
    pub bytearray: Value,
    pub list: Value,
    pub tuple: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub range: Value,
    pub slice: Value,
    pub none_type: Value,
    pub not_implemented_type: Value,
    pub ellipsis_type: Value,
    pub function: Value,
    pub builtin_function: Value,
    pub method_descriptor: Value,
    pub classmethod_descriptor: Value,
    pub method: Value,
    pub module: Value,
    pub cell: Value,
    pub code: Value,
    pub generator: Value,
    pub coroutine: Value,
    pub async_generator: Value,
    pub property: Value,
    pub classmethod: Value,
    pub staticmethod: Value,
    pub super_: Value,
    pub traceback: Value,
    pub frame: Value,
    pub weakref: Value,
    pub mappingproxy: Value,
    pub dict_keys: Value,
    pub dict_values: Value,
    pub dict_items: Value,
    pub memoryview: Value,
    pub getset_descriptor: Value,
    pub member_descriptor: Value,
    pub text_io: Value,
    pub buffered_io: Value,
    pub buffered_reader: Value,
    pub buffered_random: Value,
    pub file_io: Value,
    pub opaque: Value,
    // iterators
    pub list_iterator: Value,
    pub list_reverseiterator: Value,
    pub tuple_iterator: Value,
    pub range_iterator: Value,
    pub str_iterator: Value,
    pub bytes_iterator: Value,
    pub set_iterator: Value,
    pub dict_keyiterator: Value,
    pub dict_valueiterator: Value,
    pub dict_itemiterator: Value,
    pub enumerate: Value,
    pub zip: Value,
    pub map: Value,
    pub filter: Value,
    pub reversed: Value,
    pub iterator: Value,
    pub callable_iterator: Value,
    // singletons
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    pub exc: ExcTypes,
}

struct Registry(Types);
// SAFETY: builtin types are immortal and only touched under the GIL.
unsafe impl Sync for Registry {}
unsafe impl Send for Registry {}

static TYPES: OnceLock<Registry> = OnceLock::new();

/// Whether `init_types` has finished.
pub fn types_ready() -> bool {
    TYPES.get().is_some()
}

/// The builtin types. `init_types` must have run (the `Vm` constructor does it).
#[inline]
pub fn types() -> &'static Types {
    &TYPES.get().expect("types not initialised").0
}

/// The type object of any value, borrowed.
#[inline]
pub fn type_ref(v: &Value) -> &PyObject {
    if let Some(o) = v.as_obj() {
        return o.ty();
    }
    let t = types();
    let tv = if v.is_float() {
        &t.float
    } else if v.is_small_int() {
        &t.int
    } else if v.is_bool() {
        &t.bool
    } else {
        &t.none_type
    };
    tv.as_obj().unwrap()
}

/// The type object of any value.
pub fn type_of(v: &Value) -> Value {
    if let Some(o) = v.as_obj() {
        return Value::from_obj(o.ty_obj());
    }
    let t = types();
    if v.is_float() {
        t.float.clone()
    } else if v.is_small_int() {
        t.int.clone()
    } else if v.is_bool() {
        t.bool.clone()
    } else {
        t.none_type.clone()
    }
}

/// `issubclass` on type objects by MRO (no `__subclasscheck__`).
pub fn is_subtype(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a.as_obj().and_then(|o| o.as_type()), b.as_obj()) {
        (Some(td), Some(bo)) => td.mro.borrow().iter().any(|m| std::ptr::eq(&**m, bo)),
        _ => false,
    }
}

/// `is_subtype` on borrowed type objects.
pub fn is_subtype_ref(a: &PyObject, b: &PyObject) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    match a.as_type() {
        Some(td) => td.mro.borrow().iter().any(|m| std::ptr::eq(&**m, b)),
        None => false,
    }
}

/// `isinstance(v, ty)` by MRO (no `__instancecheck__`).
#[inline]
pub fn is_instance(v: &Value, ty: &Value) -> bool {
    let tr = type_ref(v);
    match ty.as_obj() {
        Some(b) => is_subtype_ref(tr, b),
        None => false,
    }
}

/// Find `name` along the MRO of type `ty`, without invoking descriptors.
///
/// Names are usually string literals: a small cache keyed by the literal's
/// address maps them to interned str values (whose hash is cached), so a
/// lookup costs no hashing of the text.
pub fn lookup(ty: &PyObject, name: &str) -> Option<Value> {
    let key = name_value(name);
    lookup_value(ty, &key)
}

/// The interned str for a (usually `'static`) name, cached by address.
pub fn name_value(name: &str) -> Value {
    const N: usize = 256;
    static CACHE: crate::gil::GilLazy<RefCell<Vec<(usize, usize, Value)>>> = crate::gil::GilLazy::new(|| RefCell::new(Vec::new()));
    let addr = name.as_ptr() as usize;
    let slot = (addr >> 3) % N;
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_empty() {
            c.resize_with(N, || (0, 0, Value::NONE));
        }
        let e = &c[slot];
        if e.0 == addr && e.1 == name.len() && e.2.as_str() == Some(name) {
            return e.2.clone();
        }
        let v = crate::types::str::intern(name);
        c[slot] = (addr, name.len(), v.clone());
        v
    })
}

/// Find `name` along the MRO given the name as a str Value (hash cached).
///
/// Results are memoised in a per-thread cache keyed by the type, its version
/// tag and the name (CPython's method cache). A type's tag is a number from a
/// global counter, reset to 0 by `type_::type_modified` whenever the type or
/// an ancestor changes, and given a fresh number at the next lookup; a
/// (type, tag) pair therefore never describes two different states.
pub fn lookup_value(ty: &PyObject, name: &Value) -> Option<Value> {
    let td = ty.as_type()?;
    let version = type_version(td);
    let tp = ty as *const PyObject as usize;
    let np = name.bits() as usize;
    let slot = ((tp >> 4) ^ (np >> 3) ^ (np >> 15)) & (ATTR_CACHE_SIZE - 1);
    let hit = ATTR_CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[slot];
        if e.ty == tp && e.version == version && e.name.is(name) {
            Some(e.value.clone())
        } else {
            None
        }
    });
    if let Some(v) = hit {
        return if v.is_null() { None } else { Some(v) };
    }
    let mut found = None;
    for m in td.mro.borrow().iter() {
        if let Some(v) = dict::dict_get_strvalue(&m.type_data().dict, name) {
            found = Some(v);
            break;
        }
    }
    // Only interned-looking names (exact str) are cached; the entry keeps the
    // name alive so its address cannot be reused while cached.
    if name.as_pystr_exact().is_some() {
        let old = ATTR_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            std::mem::replace(
                &mut c[slot],
                AttrCacheEntry { ty: tp, version, name: name.clone(), value: found.clone().unwrap_or(Value::NULL) },
            )
        });
        drop(old);
    }
    found
}

const ATTR_CACHE_SIZE: usize = 4096;

struct AttrCacheEntry {
    ty: usize,
    version: u64,
    name: Value,
    value: Value,
}

static ATTR_CACHE: crate::gil::GilLazy<RefCell<Vec<AttrCacheEntry>>> = crate::gil::GilLazy::new(|| RefCell::new(
        (0..ATTR_CACHE_SIZE).map(|_| AttrCacheEntry { ty: 0, version: 0, name: Value::NULL, value: Value::NULL }).collect(),
    ));

static NEXT_TYPE_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The type's current version tag (assigning a fresh one if it was reset).
#[inline]
pub fn type_version(td: &TypeData) -> u64 {
    let v = td.version.get();
    if v != 0 {
        return v;
    }
    let n = NEXT_TYPE_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    td.version.set(n);
    n
}

/// Type data for a heap type created outside `type.__new__` (helper classes).
pub fn new_type_data_pub(name: &str, dict: Value, heap: bool) -> Box<TypeData> {
    new_type_data(name, dict, heap, true)
}

fn new_type_data(name: &str, dict: Value, heap: bool, base_ok: bool) -> Box<TypeData> {
    Box::new(TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(Vec::new()),
        mro: RefCell::new(Vec::new()),
        dict,
        solid_base: Cell::new(std::ptr::null()),
        slot_names: RefCell::new(Vec::new()),
        has_instance_dict: Cell::new(false),
        has_del: Cell::new(false),
        heap,
        base_ok,
        version: Cell::new(0),
        attr_flags: Cell::new((0, 0)),
        subclasses: RefCell::new(Vec::new()),
    })
}

/// Create a builtin type object during bootstrap.
fn make_builtin_type(type_type: &Obj, dict_type: &PyObject, name: &str, bases: &[&Value], base_ok: bool) -> Value {
    let dict = dict::new_dict_typed(dict_type);
    let o = PyObject::new(type_type, Payload::Type(new_type_data(name, dict, false, base_ok)));
    setup_hierarchy(&o, bases.iter().map(|b| b.to_obj().unwrap()).collect());
    Value::from_obj(o)
}

/// Set `__bases__`, compute a simple MRO for builtin single-inheritance chains,
/// and inherit the solid base.
fn setup_hierarchy(o: &Obj, bases: Vec<Obj>) {
    let td = o.type_data();
    let mut mro = vec![o.clone()];
    if let Some(b) = bases.first() {
        b.type_data().subclasses.borrow_mut().push(std::rc::Rc::downgrade(o));
        mro.extend(b.type_data().mro.borrow().iter().cloned());
        td.solid_base.set(b.type_data().solid_base.get());
        td.has_instance_dict.set(b.type_data().has_instance_dict.get());
    } else {
        td.solid_base.set(&**o as *const PyObject);
    }
    *td.bases.borrow_mut() = bases;
    *td.mro.borrow_mut() = mro;
}

/// A new builtin-style (static) type for a native module: `module.name`,
/// deriving from `base`, its instances carrying their own payload kind (so
/// its `__new__` decides what they hold, usually `Payload::Opaque`).
/// Attributes cannot be set on it from Python; `base_ok` says whether Python
/// classes may subclass it.
pub fn new_native_type(module: &str, name: &str, base: &Value, base_ok: bool) -> Value {
    let t = types();
    let dict = dict::new_dict();
    dict::dict_set_str(&dict, "__module__", Value::str(module));
    let o = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(new_type_data(name, dict, false, base_ok)));
    setup_hierarchy(&o, vec![base.to_obj().unwrap()]);
    let v = Value::from_obj(o);
    if base.is(&t.object) {
        own_layout(&v);
    }
    v
}

/// Make `ty` its own solid base: instances carry a payload of its own kind.
fn own_layout(ty: &Value) {
    let o = ty.as_obj().unwrap();
    o.type_data().solid_base.set(o as *const PyObject);
}

/// Add a native method to a builtin type's dict.
pub fn add_method(ty: &Value, name: &'static str, func: NativeFn) {
    add_native(ty, name, func, NativeKind::Method);
}

/// Add a native function of the given kind to a type's dict.
pub fn add_native(ty: &Value, name: &'static str, func: NativeFn, kind: NativeKind) {
    let t = types();
    let f = native_function(name, func, kind, Value::NULL, Some(ty.clone()));
    let _ = t; // registry must exist
    dict::dict_set_str(&ty.as_obj().unwrap().type_data().dict, name, f);
    type_::type_modified(ty.as_obj().unwrap());
}

/// Add an arbitrary attribute to a builtin type's dict.
pub fn add_attr(ty: &Value, name: &str, v: Value) {
    dict::dict_set_str(&ty.as_obj().unwrap().type_data().dict, name, v);
    type_::type_modified(ty.as_obj().unwrap());
}

/// Add a computed attribute (getter, optional setter) to a builtin type.
pub fn add_getset(ty: &Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    let t = types();
    let o = PyObject::new(t.getset_descriptor.as_obj().unwrap(), Payload::GetSet { name, get, set });
    // `__objclass__` / `__name__` for introspection and the descriptor's repr.
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__name__", Value::str(name));
    dict::dict_set_str(&d, "__objclass__", ty.clone());
    *o.dict.borrow_mut() = Some(d);
    dict::dict_set_str(&ty.as_obj().unwrap().type_data().dict, name, Value::from_obj(o));
    type_::type_modified(ty.as_obj().unwrap());
}

/// Build a native function object.
pub fn native_function(
    name: &'static str,
    func: NativeFn,
    kind: NativeKind,
    bound: Value,
    owner: Option<Value>,
) -> Value {
    let t = types();
    let ty = match kind {
        NativeKind::Function => &t.builtin_function,
        NativeKind::ClassMethod => &t.classmethod_descriptor,
        _ => &t.method_descriptor,
    };
    let ty = if !bound.is_null() { &t.builtin_function } else { ty };
    let o = PyObject::new(
        ty.as_obj().unwrap(),
        Payload::Native(Box::new(NativeFunction { name, func, kind, bound, owner, doc: None })),
    );
    Value::from_obj(o)
}

/// Create every builtin type and singleton. Idempotent.
pub fn init_types() {
    if TYPES.get().is_some() {
        return;
    }
    // Bootstrap order: `type` (its own type), `object`, then `dict`, whose
    // own dict and the first two types' dicts are re-typed once it exists.
    let type_type = PyObject::new_self_typed(Payload::Type(new_type_data("type", Value::from_obj(PyObject::new_untyped(dict::empty_dict_payload())), false, true)));
    let tdict = type_type.type_data().dict.clone();
    tdict.as_obj().unwrap().set_ty(&type_type);
    let object_t = {
        let d = dict::new_dict_typed(&type_type);
        let o = PyObject::new(&type_type, Payload::Type(new_type_data("object", d, false, true)));
        setup_hierarchy(&o, vec![]);
        Value::from_obj(o)
    };
    setup_hierarchy(&type_type, vec![object_t.to_obj().unwrap()]);
    own_layout(&Value::from_obj(type_type.clone()));
    let type_v = Value::from_obj(type_type.clone());
    let dict_t = make_builtin_type(&type_type, &type_type, "dict", &[&object_t], true);
    own_layout(&dict_t);
    let dict_o = dict_t.as_obj().unwrap();
    for early in [&type_v, &object_t, &dict_t] {
        early.as_obj().unwrap().type_data().dict.as_obj().unwrap().set_ty(dict_o);
    }
    let mk = |name: &str, base: &Value, base_ok: bool| make_builtin_type(&type_type, dict_o, name, &[base], base_ok);
    let mk_own = |name: &str, base: &Value, base_ok: bool| {
        let v = mk(name, base, base_ok);
        own_layout(&v);
        v
    };
    let o = &object_t;
    let int = mk_own("int", o, true);
    let bool_ = mk("bool", &int, false);
    let exc = exception::make_exception_types(&|name, base| mk(name, base, true), o);
    let t = Types {
        type_: type_v.clone(),
        object: object_t.clone(),
        bool: bool_,
        float: mk_own("float", o, true),
        complex: mk_own("complex", o, true),
        str: mk_own("str", o, true),
        bytes: mk_own("bytes", o, true),
        bytearray: mk_own("bytearray", o, true),
        list: mk_own("list", o, true),
        tuple: mk_own("tuple", o, true),
        dict: dict_t.clone(),
        set: mk_own("set", o, true),
        frozenset: mk_own("frozenset", o, true),
        range: mk_own("range", o, false),
        slice: mk_own("slice", o, false),
        none_type: mk("NoneType", o, false),
        not_implemented_type: mk("NotImplementedType", o, false),
        ellipsis_type: mk("ellipsis", o, false),
        function: mk_own("function", o, false),
        builtin_function: mk_own("builtin_function_or_method", o, false),
        method_descriptor: mk_own("method_descriptor", o, false),
        classmethod_descriptor: mk_own("classmethod_descriptor", o, false),
        method: mk_own("method", o, false),
        module: mk_own("module", o, true),
        cell: mk_own("cell", o, false),
        code: mk_own("code", o, false),
        generator: mk_own("generator", o, false),
        coroutine: mk_own("coroutine", o, false),
        async_generator: mk_own("async_generator", o, false),
        property: mk_own("property", o, true),
        classmethod: mk_own("classmethod", o, true),
        staticmethod: mk_own("staticmethod", o, true),
        super_: mk_own("super", o, true),
        traceback: mk_own("traceback", o, false),
        frame: mk_own("frame", o, false),
        weakref: mk_own("weakref", o, true),
        mappingproxy: mk_own("mappingproxy", o, false),
        dict_keys: mk_own("dict_keys", o, false),
        dict_values: mk_own("dict_values", o, false),
        dict_items: mk_own("dict_items", o, false),
        memoryview: mk_own("memoryview", o, false),
        getset_descriptor: mk_own("getset_descriptor", o, false),
        member_descriptor: mk_own("member_descriptor", o, false),
        text_io: mk_own("TextIOWrapper", o, true),
        buffered_io: mk_own("BufferedWriter", o, true),
        buffered_reader: mk_own("BufferedReader", o, true),
        buffered_random: mk_own("BufferedRandom", o, true),
        file_io: mk_own("FileIO", o, true),
        opaque: mk_own("object", o, false),
        list_iterator: mk_own("list_iterator", o, false),
        list_reverseiterator: mk_own("list_reverseiterator", o, false),
        tuple_iterator: mk_own("tuple_iterator", o, false),
        range_iterator: mk_own("range_iterator", o, false),
        str_iterator: mk_own("str_ascii_iterator", o, false),
        bytes_iterator: mk_own("bytes_iterator", o, false),
        set_iterator: mk_own("set_iterator", o, false),
        dict_keyiterator: mk_own("dict_keyiterator", o, false),
        dict_valueiterator: mk_own("dict_valueiterator", o, false),
        dict_itemiterator: mk_own("dict_itemiterator", o, false),
        enumerate: mk_own("enumerate", o, true),
        zip: mk_own("zip", o, true),
        map: mk_own("map", o, true),
        filter: mk_own("filter", o, true),
        reversed: mk_own("reversed", o, true),
        iterator: mk_own("iterator", o, false),
        callable_iterator: mk_own("callable_iterator", o, false),
        int,
        not_implemented: Value::NONE,
        ellipsis: Value::NONE,
        empty_tuple: Value::NONE,
        empty_str: Value::NONE,
        exc,
    };
    let mut t = t;
    t.not_implemented = Value::from_obj(PyObject::new(t.not_implemented_type.as_obj().unwrap(), Payload::Object));
    t.ellipsis = Value::from_obj(PyObject::new(t.ellipsis_type.as_obj().unwrap(), Payload::Object));
    t.empty_tuple = Value::from_obj(PyObject::new(t.tuple.as_obj().unwrap(), Payload::Tuple(Box::new([]))));
    t.empty_str = Value::from_obj(PyObject::new(t.str.as_obj().unwrap(), Payload::Str(str::PyStr::new(""))));
    let _ = TYPES.set(Registry(t));
    let t = types();
    object::init(t);
    type_::init(t);
    int::init(t);
    float::init(t);
    complex::init(t);
    str::init(t);
    bytes::init(t);
    list::init(t);
    tuple::init(t);
    dict::init(t);
    set::init(t);
    range::init(t);
    function::init(t);
    module::init(t);
    exception::init(t);
    iter::init(t);
    generator::init(t);
    super_::init(t);
    file::init(t);
    weakref::init(t);
}
