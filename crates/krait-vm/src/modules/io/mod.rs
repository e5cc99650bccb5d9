//! `_io`: raw, buffered and text I/O (`FileIO`, `BytesIO`, `StringIO`,
//! `Buffered*`, `TextIOWrapper`), the classes CPython's `Lib/io.py` builds on.
//!
//! Layout:
//! - `iobase`: `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`:
//!   generic methods written in terms of the Python-level methods of `self`,
//!   so Python subclasses that implement only `read`/`readinto`/`write` work.
//! - `fileio`: `FileIO` over a file descriptor (the syscalls are in `sys_*`
//!   functions at the bottom of that file, so the GIL can be released there).
//! - `bytesio`, `stringio`: in-memory streams (what they share is in `memio`).
//! - `buffered`: `BufferedReader`/`Writer`/`Random`/`RWPair` over any raw
//!   object (native fast path when the raw object is exactly `FileIO`).
//! - `codec`: native utf-8/ascii/latin-1 codecs, the newline decoder and the
//!   `IncrementalNewlineDecoder` class.
//! - `textio`: `TextIOWrapper` over any buffered object.
//! - `open`: `open`, `open_code`, `text_encoding`.
//! - `stdio`: `sys.stdin`/`stdout`/`stderr`, the fast paths `print` uses,
//!   and flushing at exit.
//!
//! Every object registers itself (weakly) when it may hold unwritten data;
//! `stdio::flush_all` flushes the native chains at exit, and dropping the
//! last reference of a native object flushes it (`Drop` of its state).

pub mod buffered;
pub mod bytesio;
pub mod codec;
pub mod fileio;
pub mod iobase;
pub mod memio;
pub mod open;
pub mod stdio;
pub mod stringio;
pub mod textio;

use crate::gil::GilLazy;
use crate::modules::native::GilSlot;
use crate::object::{NativeData, Payload};
use crate::types::module::{new_module, set_attr};
use crate::types::{type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefMut;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["_io"];

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The classes of `_io`, built once.
pub struct IoClasses {
    pub iobase: Value,
    pub rawiobase: Value,
    pub bufferediobase: Value,
    pub textiobase: Value,
    pub fileio: Value,
    pub bytesio: Value,
    pub stringio: Value,
    pub buffered_reader: Value,
    pub buffered_writer: Value,
    pub buffered_random: Value,
    pub buffered_rwpair: Value,
    pub textiowrapper: Value,
    pub nl_decoder: Value,
}

static CLASSES: GilLazy<IoClasses> = GilLazy::new(build_classes);
static UNSUPPORTED: GilSlot = GilSlot::new();

/// A class of `_io`. Concrete classes (`own`) carry native state; the
/// abstract bases keep `object`'s layout so `object.__new__` makes plain
/// instances of their Python subclasses.
fn new_class(name: &str, base: Option<&Value>, own: bool) -> Value {
    let c = crate::modules::native::new_type("_io", name, base);
    if let Some(o) = c.as_obj() {
        let td = o.type_data();
        td.has_instance_dict.set(true);
        if own {
            td.solid_base.set(o as *const crate::object::PyObject);
        } else if let Some(obj) = types().object.as_obj() {
            td.solid_base.set(obj as *const crate::object::PyObject);
        }
    }
    c
}

fn build_classes() -> IoClasses {
    let iobase = new_class("_IOBase", None, false);
    let rawiobase = new_class("_RawIOBase", Some(&iobase), false);
    let bufferediobase = new_class("_BufferedIOBase", Some(&iobase), false);
    let textiobase = new_class("_TextIOBase", Some(&iobase), false);
    let c = IoClasses {
        fileio: new_class("FileIO", Some(&rawiobase), true),
        bytesio: new_class("BytesIO", Some(&bufferediobase), true),
        stringio: new_class("StringIO", Some(&textiobase), true),
        buffered_reader: new_class("BufferedReader", Some(&bufferediobase), true),
        buffered_writer: new_class("BufferedWriter", Some(&bufferediobase), true),
        buffered_random: new_class("BufferedRandom", Some(&bufferediobase), true),
        buffered_rwpair: new_class("BufferedRWPair", Some(&bufferediobase), true),
        textiowrapper: new_class("TextIOWrapper", Some(&textiobase), true),
        nl_decoder: crate::modules::native::new_type("_io", "IncrementalNewlineDecoder", None),
        iobase,
        rawiobase,
        bufferediobase,
        textiobase,
    };
    iobase::init(&c);
    fileio::init(&c);
    bytesio::init(&c);
    stringio::init(&c);
    buffered::init(&c);
    textio::init(&c);
    codec::init(&c);
    c
}

/// Run `f` on the `_io` classes (built on first use).
pub fn with_classes<R>(f: impl FnOnce(&IoClasses) -> R) -> R {
    CLASSES.with(f)
}

/// One class of `_io` (a new handle).
pub fn class(f: fn(&IoClasses) -> &Value) -> Value {
    CLASSES.with(|c| f(c).clone())
}

/// Whether `v`'s type is exactly the class `f` picks.
pub fn is_exact(v: &Value, f: fn(&IoClasses) -> &Value) -> bool {
    let t = type_ref(v) as *const crate::object::PyObject;
    CLASSES.with(|c| f(c).as_obj().map_or(false, |o| std::ptr::eq(o as *const _, t)))
}

/// `io.UnsupportedOperation` (a subclass of OSError and ValueError).
pub fn unsupported_operation(vm: &mut Vm) -> Value {
    if let Some(v) = UNSUPPORTED.get() {
        return v;
    }
    let t = types();
    let cls = crate::modules::native::new_exception(vm, "io", "UnsupportedOperation", &[t.exc.os_error.clone(), t.exc.value_error.clone()]);
    UNSUPPORTED.get_or_init(|| cls)
}

pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = unsupported_operation(vm);
    PyErr::new(&cls, msg)
}

pub fn closed_file() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

pub fn uninitialized() -> PyErr {
    PyErr::value_error("I/O operation on uninitialized object")
}

pub fn os_err(e: std::io::Error) -> PyErr {
    crate::error::io_error(&e, None)
}

pub fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Mutably borrow the native state `T` of `v` (an instance of an `_io` class
/// or of a Python subclass of one).
pub fn state<'a, T: NativeData>(v: &'a Value, cls: &str) -> PyResult<RefMut<'a, T>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => {
            let r = b.try_borrow_mut().map_err(|_| PyErr::runtime_error(format!("reentrant call inside <_io.{cls}>")))?;
            RefMut::filter_map(r, |b| b.downcast_mut::<T>()).map_err(|_| wrong_self(v, cls))
        }
        _ => Err(wrong_self(v, cls)),
    }
}

/// Whether `v` carries native state `T`.
pub fn has_state<T: NativeData>(v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.try_borrow().map_or(false, |b| b.is::<T>()),
        _ => false,
    }
}

fn wrong_self(v: &Value, cls: &str) -> PyErr {
    PyErr::type_error(format!("descriptor '{cls}' for '_io.{cls}' objects doesn't apply to a '{}' object", tname(v)))
}

/// `self` of a method (args[0]).
pub fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Value> {
    args.first().ok_or_else(|| PyErr::type_error(format!("unbound method {name}() needs an argument")))
}

/// A size argument: int, None or absent (-1 for "all").
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_none() => Ok(-1),
        Some(v) => {
            if v.is_float() || (!v.is_int() && crate::types::lookup(type_ref(v), "__index__").is_none()) {
                return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", tname(v))));
            }
            vm.index_value(v)
        }
    }
}

/// An integer argument (no floats), as `seek` positions are.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_float() || (!v.is_int() && crate::types::lookup(type_ref(v), "__index__").is_none()) {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v))));
    }
    vm.index_value(v)
}

/// The bytes of a bytes-like argument.
pub fn bytes_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Some(b) = crate::types::bytes::buffer_cow(v) {
        return Ok(b);
    }
    // Other buffer objects (array.array, ...): their bytes.
    if v.as_str().is_none() && crate::types::lookup(type_ref(v), "tobytes").is_some() {
        let b = vm.call_method(v, "tobytes", &[])?;
        if let Some(x) = b.as_bytes() {
            return Ok(std::borrow::Cow::Owned(x.to_vec()));
        }
    }
    Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v))))
}

/// A bytes-like result of a Python-level call (read1(), readall(), ...).
pub fn bytes_result(vm: &mut Vm, v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = crate::types::bytes::buffer_bytes(v) {
        return Some(b);
    }
    if v.as_str().is_some() || v.is_none() {
        return None;
    }
    let b = vm.call_method(v, "tobytes", &[]).ok()?;
    b.as_bytes().map(|x| x.to_vec())
}

/// Length of a writable buffer (`readinto` targets).
pub fn writable_len(vm: &mut Vm, b: &Value, meth: &str) -> PyResult<usize> {
    match b.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(x)) => Ok(x.borrow().len()),
        Some(Payload::MemoryView(m)) => {
            let m = m.borrow();
            if m.released {
                return Err(PyErr::value_error("operation forbidden on released memoryview object"));
            }
            if !matches!(m.obj.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_))) {
                return Err(PyErr::type_error(format!("{meth}() argument must be read-write bytes-like object, not memoryview")));
            }
            Ok(m.len)
        }
        Some(Payload::Bytes(_)) | None => Err(PyErr::type_error(format!(
            "{meth}() argument must be read-write bytes-like object, not {}",
            tname(b)
        ))),
        Some(Payload::Str(_)) => Err(PyErr::type_error(format!(
            "{meth}() argument must be read-write bytes-like object, not {}",
            tname(b)
        ))),
        _ => {
            // Another writable buffer (array.array, ...): ask for its byte size.
            if let Ok(nb) = vm.getattr_str(b, "nbytes") {
                return Ok(vm.index_value(&nb)?.max(0) as usize);
            }
            let n = vm.len(b)?;
            let item = match vm.getattr_str(b, "itemsize") {
                Ok(i) => vm.index_value(&i)?.max(1) as usize,
                Err(_) => 1,
            };
            Ok(n * item)
        }
    }
}

/// The result of `close()` on a layered stream: the first error raised; when
/// both the flush and the inner close fail, the close's error is raised with
/// the flush's as its context.
pub fn close_outcome<A, B>(flushed: PyResult<A>, closed: PyResult<B>) -> PyResult<Value> {
    match (flushed, closed) {
        (Err(e), Err(e2)) => {
            crate::types::exception::set_context(&e2.exc, e.exc.clone());
            Err(e2)
        }
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e),
        _ => Ok(Value::NONE),
    }
}

/// Copy `data` into the start of the writable buffer `b`.
pub fn fill_writable(vm: &mut Vm, b: &Value, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    match b.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(x)) => {
            let mut x = x.borrow_mut();
            let n = data.len().min(x.len());
            x[..n].copy_from_slice(&data[..n]);
            Ok(())
        }
        Some(Payload::MemoryView(m)) => {
            let (obj, start, len) = {
                let m = m.borrow();
                (m.obj.clone(), m.start, m.len)
            };
            if let Some(Payload::ByteArray(x)) = obj.as_obj().map(|o| &o.payload) {
                let mut x = x.borrow_mut();
                let n = data.len().min(len).min(x.len().saturating_sub(start));
                x[start..start + n].copy_from_slice(&data[..n]);
            }
            Ok(())
        }
        _ => {
            // array.array and the like: rebuild the items from the new bytes.
            if let (Ok(tc), true) = (vm.getattr_str(b, "typecode"), crate::types::lookup(type_ref(b), "tobytes").is_some()) {
                let cur = vm.call_method(b, "tobytes", &[])?;
                let mut all = cur.as_bytes().map(|x| x.to_vec()).unwrap_or_default();
                let n = data.len().min(all.len());
                all[..n].copy_from_slice(&data[..n]);
                let cls = crate::types::type_of(b);
                let fresh = vm.call(&cls, &[tc, Value::bytes(all)])?;
                let sl = Value::slice(Value::NONE, Value::NONE, Value::NONE);
                return vm.setitem(b, &sl, fresh);
            }
            let n = data.len();
            let sl = Value::slice(Value::int(0), Value::int(n as i64), Value::NONE);
            let bytes = Value::bytes(data.to_vec());
            match vm.call(&types().memoryview, &[b.clone()]).and_then(|mv| vm.call_method(&mv, "cast", &[Value::str("B")])) {
                Ok(mv) => vm.setitem(&mv, &sl, bytes),
                Err(_) => vm.setitem(b, &sl, bytes),
            }
        }
    }
}

/// Build the `_io` module.
pub fn make_io(vm: &mut Vm) -> Value {
    let m = new_module("_io");
    set_attr(&m, "DEFAULT_BUFFER_SIZE", Value::int(DEFAULT_BUFFER_SIZE as i64));
    set_attr(&m, "BlockingIOError", types().exc.blocking_io_error.clone());
    set_attr(&m, "UnsupportedOperation", unsupported_operation(vm));
    with_classes(|c| {
        for (n, v) in [
            ("_IOBase", &c.iobase),
            ("_RawIOBase", &c.rawiobase),
            ("_BufferedIOBase", &c.bufferediobase),
            ("_TextIOBase", &c.textiobase),
            ("FileIO", &c.fileio),
            ("BytesIO", &c.bytesio),
            ("StringIO", &c.stringio),
            ("BufferedReader", &c.buffered_reader),
            ("BufferedWriter", &c.buffered_writer),
            ("BufferedRandom", &c.buffered_random),
            ("BufferedRWPair", &c.buffered_rwpair),
            ("TextIOWrapper", &c.textiowrapper),
            ("IncrementalNewlineDecoder", &c.nl_decoder),
        ] {
            set_attr(&m, n, v.clone());
        }
    });
    open::register(vm, &m);
    m
}

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "_io" => make_io(vm),
        _ => new_module(name),
    }
}

/// The class name as CPython's reprs show it (`tp_name`): `_io.FileIO` for
/// the native classes, the plain name for Python subclasses.
pub fn display_name(v: &Value) -> String {
    let t = type_ref(v);
    match t.as_type() {
        Some(td) if !td.heap => format!("_io.{}", td.name.borrow()),
        Some(td) => td.name.borrow().clone(),
        None => "?".into(),
    }
}

/// `warnings.warn(msg, category, stacklevel=2)`.
pub fn warn(vm: &mut Vm, msg: &str, category: &Value) -> PyResult<()> {
    let w = crate::import::import_module(vm, "warnings")?;
    vm.call_method(&w, "warn", &[Value::str(msg), category.clone(), Value::int(2)])?;
    Ok(())
}

/// Arguments `(self, [x], /)` of a hot method: no keyword parsing when
/// called plainly.
pub fn self_opt(name: &str, args: &[Value], kw: &[Value]) -> PyResult<(Value, Option<Value>)> {
    if kw.is_empty() && !args.is_empty() && args.len() <= 2 {
        return Ok((args[0].clone(), args.get(1).cloned()));
    }
    let [s, a] = crate::args::bind(name, args, kw, &["self", "size=", "/"])?;
    Ok((s.unwrap_or(Value::NONE), a))
}
