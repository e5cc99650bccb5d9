//! `pyexpat`: CPython's interface to the Expat XML parser, over the system
//! libexpat (declared by hand in `ffi.rs`), so parsing, error codes and
//! messages are Expat's own. What it gives: `ParserCreate`, the
//! `xmlparser` type (`Parse`, `ParseFile`, the handler attributes, text
//! buffering, ordered/specified attributes, namespaces, external entity
//! parsers, error positions), `ExpatError`, `ErrorString`, the `errors` and
//! `model` submodules and the version/feature constants. Used by
//! `xml.etree.ElementTree`, `xml.dom.minidom`, `xml.sax`, `plistlib` and
//! `xmlrpc`.

mod ffi;
mod handlers;

use crate::args::bind;
use crate::modules::native::{new_exception, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use ffi::*;
use handlers::{CallCtx, CUR_CTX, NAMES};
use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_void};

static ERROR: GilSlot = GilSlot::new();
static PARSER_TYPE: GilSlot = GilSlot::new();

/// Default size of the character-data buffer (CPython's).
const BUFFER_SIZE: usize = 8192;
/// Largest piece handed to one `XML_Parse` call.
const MAX_CHUNK: usize = 1 << 20;
/// How much `ParseFile` asks `read()` for at a time.
const READ_SIZE: i64 = 2048;

pub(crate) struct ParserState {
    parser: XML_Parser,
    handlers: Vec<Option<Value>>,
    intern: Option<Value>,
    /// Some while `buffer_text` is on: character data not yet delivered.
    buffer: Option<Vec<u8>>,
    buffer_size: usize,
    ordered_attributes: bool,
    specified_attributes: bool,
    namespace_prefixes: bool,
    /// The parser this one was created from (ExternalEntityParserCreate):
    /// expat's child parser uses the parent's data, so the parent must
    /// outlive it. Deliberately not shown to the cycle collector.
    #[allow(dead_code)]
    parent: Option<Value>,
}

impl NativeData for ParserState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        for h in self.handlers.iter().flatten() {
            f(h);
        }
        if let Some(i) = &self.intern {
            f(i);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        for h in self.handlers.iter_mut() {
            if let Some(v) = h.take() {
                out.push(v);
            }
        }
        // SAFETY: the parser is live until Drop.
        unsafe {
            for i in 0..NAMES.len() {
                handlers::set_c_handler(self.parser, i, false);
            }
        }
        if let Some(i) = self.intern.take() {
            out.push(i);
        }
    }
}

impl Drop for ParserState {
    fn drop(&mut self) {
        if !self.parser.is_null() {
            // SAFETY: created by XML_ParserCreate*, freed once.
            unsafe { XML_ParserFree(self.parser) };
            self.parser = std::ptr::null_mut();
        }
        // `parent` is dropped after the child parser is freed.
    }
}

pub(crate) fn pstate<R>(v: &Value, f: impl FnOnce(&mut ParserState) -> R) -> PyResult<R> {
    with_opaque::<ParserState, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'pyexpat.xmlparser' object but received '{}'", tname(v)))
    })
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let e = new_exception(vm, "xml.parsers.expat", "ExpatError", &[]);
    ERROR.get_or_init(|| e)
}

/// The ExpatError for the parser's current error, with code/lineno/offset.
fn set_error(vm: &mut Vm, parser: XML_Parser) -> PyErr {
    // SAFETY: live parser.
    let (code, line, col) =
        unsafe { (XML_GetErrorCode(parser), XML_GetCurrentLineNumber(parser), XML_GetCurrentColumnNumber(parser)) };
    let msg = format!("{}: line {line}, column {col}", error_string(code as i64).unwrap_or_default());
    let cls = error_class(vm);
    let exc = match vm.call(&cls, &[Value::string(msg)]) {
        Ok(e) => e,
        Err(e) => return e,
    };
    for (k, v) in [("code", code as i64), ("offset", col as i64), ("lineno", line as i64)] {
        if let Err(e) = vm.setattr(&exc, &Value::str(k), Value::int(v)) {
            return e;
        }
    }
    PyErr::from_value(exc)
}

fn error_string(code: i64) -> Option<String> {
    if code < i32::MIN as i64 || code > i32::MAX as i64 {
        return None;
    }
    // SAFETY: returns a static string or NULL.
    let p = unsafe { XML_ErrorString(code as c_int) };
    if p.is_null() {
        return None;
    }
    // SAFETY: NUL-terminated static string.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

fn cstring(s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| PyErr::value_error("embedded null character"))
}

/// Feed `data` to expat (in pieces of at most MAX_CHUNK bytes), with the
/// callbacks pointed at this call. Returns expat's status; a handler's
/// exception is returned as the error.
fn feed(vm: &mut Vm, me: &Value, data: &[u8], isfinal: bool) -> PyResult<c_int> {
    let parser = pstate(me, |st| st.parser)?;
    let mut ctx = CallCtx { vm: vm as *mut Vm, me: me.clone(), parser, error: None };
    let ctx_ptr: *mut CallCtx = &mut ctx;
    // SAFETY: `ctx` outlives the XML_Parse calls; the previous user data and
    // context (an enclosing Parse of the same parser) are restored after.
    let rc = unsafe {
        let old_ud = get_user_data(parser);
        XML_SetUserData(parser, ctx_ptr.cast::<c_void>());
        let old_cur = CUR_CTX.with(|c| c.replace(ctx_ptr));
        let mut rc: c_int = XML_STATUS_OK;
        let mut pos = 0usize;
        while data.len() - pos > MAX_CHUNK {
            rc = XML_Parse(parser, data[pos..].as_ptr().cast(), MAX_CHUNK as c_int, 0);
            if rc == XML_STATUS_ERROR {
                break;
            }
            pos += MAX_CHUNK;
        }
        if rc != XML_STATUS_ERROR {
            rc = XML_Parse(parser, data[pos..].as_ptr().cast(), (data.len() - pos) as c_int, isfinal as c_int);
        }
        CUR_CTX.with(|c| c.set(old_cur));
        XML_SetUserData(parser, old_ud);
        rc
    };
    // SAFETY: the callbacks are done with the context.
    if let Some(e) = unsafe { (*ctx_ptr).error.take() } {
        return Err(e);
    }
    if rc == XML_STATUS_ERROR {
        return Err(set_error(vm, parser));
    }
    Ok(rc)
}

// ---------------------------------------------------------------- xmlparser methods

fn x_parse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data, isfinal] = bind("Parse", args, kw, &["self", "data", "isfinal=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let data = data.unwrap_or(Value::NONE);
    let isfinal = match &isfinal {
        Some(v) => {
            if v.is_float() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.truthy(v)?
        }
        None => false,
    };
    let bytes: Vec<u8> = if let Some(s) = data.as_str() {
        let parser = pstate(&me, |st| st.parser)?;
        // SAFETY: live parser; a static NUL-terminated name.
        unsafe { XML_SetEncoding(parser, c"utf-8".as_ptr()) };
        s.as_bytes().to_vec()
    } else {
        match crate::modules::data::bytes_like(&data) {
            Some(b) => b,
            None => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    tname(&data)
                )))
            }
        }
    };
    let rc = feed(vm, &me, &bytes, isfinal)?;
    handlers::flush_buffer(vm, &me)?;
    Ok(Value::int(rc as i64))
}

fn x_parse_file(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, file] = bind("ParseFile", args, kw, &["self", "file", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let file = file.unwrap_or(Value::NONE);
    let read = match vm.getattr_str(&file, "read") {
        Ok(r) => r,
        Err(e) if e.matches(&types().exc.attribute_error) => {
            return Err(PyErr::type_error("argument must have 'read' attribute"))
        }
        Err(e) => return Err(e),
    };
    let mut rc: c_int;
    loop {
        let chunk = vm.call(&read, &[Value::int(READ_SIZE)])?;
        let is_bytes = crate::types::is_instance(&chunk, &types().bytes) || crate::types::is_instance(&chunk, &types().bytearray);
        let data = if is_bytes { crate::modules::data::bytes_like(&chunk) } else { None };
        let Some(data) = data else {
            return Err(PyErr::type_error(format!("read() did not return a bytes object (type={})", tname(&chunk))));
        };
        if data.len() as i64 > READ_SIZE {
            return Err(PyErr::value_error(format!(
                "read() returned too much data: {READ_SIZE} bytes requested, {} returned",
                data.len()
            )));
        }
        let last = data.is_empty();
        rc = feed(vm, &me, &data, last)?;
        if last {
            break;
        }
    }
    handlers::flush_buffer(vm, &me)?;
    Ok(Value::int(rc as i64))
}

fn x_set_base(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, base] = bind("SetBase", args, kw, &["self", "base", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let base = base.unwrap_or(Value::NONE);
    let Some(s) = base.as_str() else {
        return Err(PyErr::type_error(format!("SetBase() argument must be str, not {}", tname(&base))));
    };
    let c = cstring(s)?;
    let parser = pstate(&me, |st| st.parser)?;
    // SAFETY: expat copies the string.
    if unsafe { XML_SetBase(parser, c.as_ptr()) } == 0 {
        return Err(PyErr::memory_error());
    }
    Ok(Value::NONE)
}

fn x_get_base(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    let parser = pstate(&me, |st| st.parser)?;
    // SAFETY: live parser; the base is a NUL-terminated string or NULL.
    unsafe {
        let p = XML_GetBase(parser);
        if p.is_null() {
            return Ok(Value::NONE);
        }
        Ok(Value::string(CStr::from_ptr(p).to_string_lossy().into_owned()))
    }
}

fn x_get_input_context(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    let parser = pstate(&me, |st| st.parser)?;
    let (mut off, mut size): (c_int, c_int) = (0, 0);
    // SAFETY: live parser; the returned buffer holds `size` bytes.
    unsafe {
        let p = XML_GetInputContext(parser, &mut off, &mut size);
        if p.is_null() || size < off {
            return Ok(Value::NONE);
        }
        let b = std::slice::from_raw_parts((p as *const u8).add(off as usize), (size - off) as usize);
        Ok(Value::bytes(b.to_vec()))
    }
}

fn x_set_param_entity_parsing(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, flag] = bind("SetParamEntityParsing", args, kw, &["self", "flag", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let flag = crate::modules::data::c_int(vm, &flag.unwrap_or(Value::NONE))?;
    let parser = pstate(&me, |st| st.parser)?;
    // SAFETY: live parser.
    Ok(Value::int(unsafe { XML_SetParamEntityParsing(parser, flag) } as i64))
}

fn x_use_foreign_dtd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, flag] = bind("UseForeignDTD", args, kw, &["self", "flag=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let flag = match &flag {
        Some(f) => vm.truthy(f)?,
        None => true,
    };
    let parser = pstate(&me, |st| st.parser)?;
    // SAFETY: live parser.
    let rc = unsafe { XML_UseForeignDTD(parser, flag as XML_Bool) };
    if rc != 0 {
        return Err(set_error(vm, parser));
    }
    Ok(Value::NONE)
}

fn opt_str_arg(fname: &str, what: &str, v: &Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(PyErr::type_error(format!("{fname}() argument '{what}' must be str or None, not {}", tname(v)))),
        },
    }
}

fn x_external_entity_parser_create(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, context, encoding] = bind("ExternalEntityParserCreate", args, kw, &["self", "context", "encoding=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let context = match &context {
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(cstring(s)?),
            None => {
                return Err(PyErr::type_error(format!(
                    "ExternalEntityParserCreate() argument 1 must be str or None, not {}",
                    tname(v)
                )))
            }
        },
        None => None,
    };
    let encoding = match &encoding {
        Some(v) => match v.as_str() {
            Some(s) => Some(cstring(s)?),
            None => {
                return Err(PyErr::type_error(format!(
                    "ExternalEntityParserCreate() argument 2 must be str, not {}",
                    tname(v)
                )))
            }
        },
        None => None,
    };
    let cls = crate::types::type_of(&me);
    let (parser, handlers, intern, buffered, buffer_size, ordered, specified, ns) = pstate(&me, |st| {
        (
            st.parser,
            st.handlers.clone(),
            st.intern.clone(),
            st.buffer.is_some(),
            st.buffer_size,
            st.ordered_attributes,
            st.specified_attributes,
            st.namespace_prefixes,
        )
    })?;
    // SAFETY: live parent parser; strings NUL-terminated (or NULL).
    let child = unsafe {
        XML_ExternalEntityParserCreate(
            parser,
            context.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            encoding.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if child.is_null() {
        return Err(PyErr::memory_error());
    }
    // SAFETY: the new parser is live; install the callbacks of the handlers it inherits.
    unsafe {
        XML_SetUserData(child, std::ptr::null_mut());
        for (i, h) in handlers.iter().enumerate() {
            if h.is_some() {
                handlers::set_c_handler(child, i, true);
            }
        }
    }
    let _ = vm;
    Ok(new_opaque(
        &cls,
        ParserState {
            parser: child,
            handlers,
            intern,
            buffer: if buffered { Some(Vec::new()) } else { None },
            buffer_size,
            ordered_attributes: ordered,
            specified_attributes: specified,
            namespace_prefixes: ns,
            parent: Some(me.clone()),
        },
    ))
}

// ---------------------------------------------------------------- attributes

macro_rules! handler_attrs {
    ($( $idx:literal => $get:ident, $set:ident );* $(;)?) => {
        $(
            fn $get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let me = args.first().cloned().unwrap_or(Value::NONE);
                Ok(pstate(&me, |st| st.handlers[$idx].clone())?.unwrap_or(Value::NONE))
            }
            fn $set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                set_handler(vm, args, $idx)
            }
        )*
        const HANDLER_FNS: &[(crate::object::NativeFn, crate::object::NativeFn)] = &[$(($get, $set)),*];
    };
}

handler_attrs! {
    0 => h_get0, h_set0; 1 => h_get1, h_set1; 2 => h_get2, h_set2; 3 => h_get3, h_set3;
    4 => h_get4, h_set4; 5 => h_get5, h_set5; 6 => h_get6, h_set6; 7 => h_get7, h_set7;
    8 => h_get8, h_set8; 9 => h_get9, h_set9; 10 => h_get10, h_set10; 11 => h_get11, h_set11;
    12 => h_get12, h_set12; 13 => h_get13, h_set13; 14 => h_get14, h_set14; 15 => h_get15, h_set15;
    16 => h_get16, h_set16; 17 => h_get17, h_set17; 18 => h_get18, h_set18; 19 => h_get19, h_set19;
    20 => h_get20, h_set20; 21 => h_get21, h_set21;
}

fn set_handler(vm: &mut Vm, args: &[Value], idx: usize) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    let v = value_of(args)?;
    if idx == handlers::CHARACTER_DATA {
        handlers::flush_buffer(vm, &me)?;
    }
    let new = if v.is_none() { None } else { Some(v) };
    let on = new.is_some();
    let old = pstate(&me, |st| {
        // SAFETY: live parser.
        unsafe { handlers::set_c_handler(st.parser, idx, on) };
        std::mem::replace(&mut st.handlers[idx], new)
    })?;
    drop(old);
    Ok(Value::NONE)
}

fn me_of(args: &[Value]) -> Value {
    args.first().cloned().unwrap_or(Value::NONE)
}

/// The value being set; a deletion (NULL) raises CPython's RuntimeError.
fn value_of(args: &[Value]) -> PyResult<Value> {
    match args.get(1) {
        Some(v) if !v.is_null() => Ok(v.clone()),
        _ => Err(PyErr::runtime_error("Cannot delete attribute")),
    }
}

fn a_error_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pstate(&me_of(args), |st| st.parser)?;
    // SAFETY: live parser.
    Ok(Value::int(unsafe { XML_GetErrorCode(p) } as i64))
}
fn a_line(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pstate(&me_of(args), |st| st.parser)?;
    // SAFETY: live parser.
    Ok(Value::int(unsafe { XML_GetCurrentLineNumber(p) } as i64))
}
fn a_column(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pstate(&me_of(args), |st| st.parser)?;
    // SAFETY: live parser.
    Ok(Value::int(unsafe { XML_GetCurrentColumnNumber(p) } as i64))
}
fn a_byte_index(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pstate(&me_of(args), |st| st.parser)?;
    // SAFETY: live parser.
    Ok(Value::int(unsafe { XML_GetCurrentByteIndex(p) }))
}

fn a_buffer_text(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(pstate(&me_of(args), |st| st.buffer.is_some())?))
}
fn a_set_buffer_text(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = me_of(args);
    let on = vm.truthy(&value_of(args)?)?;
    if on {
        pstate(&me, |st| {
            if st.buffer.is_none() {
                st.buffer = Some(Vec::new());
            }
        })?;
    } else {
        handlers::flush_buffer(vm, &me)?;
        pstate(&me, |st| st.buffer = None)?;
    }
    Ok(Value::NONE)
}
fn a_buffer_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pstate(&me_of(args), |st| st.buffer_size)? as i64))
}
fn a_set_buffer_size(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = me_of(args);
    let v = value_of(args)?;
    if !v.is_int() {
        return Err(PyErr::type_error("buffer_size must be an integer"));
    }
    let n = match v.as_i64() {
        Some(n) if n <= i32::MAX as i64 => n,
        _ => return Err(PyErr::value_error("buffer_size must not be greater than 2147483647")),
    };
    if n <= 0 {
        return Err(PyErr::value_error("buffer_size must be greater than zero"));
    }
    handlers::flush_buffer(vm, &me)?;
    pstate(&me, |st| st.buffer_size = n as usize)?;
    Ok(Value::NONE)
}
fn a_buffer_used(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pstate(&me_of(args), |st| st.buffer.as_ref().map_or(0, |b| b.len()))? as i64))
}
fn a_ordered(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(pstate(&me_of(args), |st| st.ordered_attributes)?))
}
fn a_set_ordered(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let on = vm.truthy(&value_of(args)?)?;
    pstate(&me_of(args), |st| st.ordered_attributes = on)?;
    Ok(Value::NONE)
}
fn a_specified(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(pstate(&me_of(args), |st| st.specified_attributes)?))
}
fn a_set_specified(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let on = vm.truthy(&value_of(args)?)?;
    pstate(&me_of(args), |st| st.specified_attributes = on)?;
    Ok(Value::NONE)
}
fn a_ns_prefixes(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(pstate(&me_of(args), |st| st.namespace_prefixes)?))
}
fn a_set_ns_prefixes(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let on = vm.truthy(&value_of(args)?)?;
    pstate(&me_of(args), |st| {
        st.namespace_prefixes = on;
        // SAFETY: live parser.
        unsafe { XML_SetReturnNSTriplet(st.parser, on as c_int) };
    })?;
    Ok(Value::NONE)
}
fn a_intern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(pstate(&me_of(args), |st| st.intern.clone())?.unwrap_or(Value::NONE))
}
fn readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn no_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'pyexpat.xmlparser' instances"))
}

fn parser_type() -> Value {
    PARSER_TYPE.get_or_init(|| {
        let cls = new_type("pyexpat", "xmlparser", None);
        add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
        add_method(&cls, "Parse", x_parse);
        add_method(&cls, "ParseFile", x_parse_file);
        add_method(&cls, "SetBase", x_set_base);
        add_method(&cls, "GetBase", x_get_base);
        add_method(&cls, "GetInputContext", x_get_input_context);
        add_method(&cls, "ExternalEntityParserCreate", x_external_entity_parser_create);
        add_method(&cls, "SetParamEntityParsing", x_set_param_entity_parsing);
        add_method(&cls, "UseForeignDTD", x_use_foreign_dtd);
        for (i, name) in NAMES.iter().enumerate() {
            let (g, s) = HANDLER_FNS[i];
            add_getset(&cls, name, g, Some(s));
        }
        for name in ["ErrorCode"] {
            add_getset(&cls, name, a_error_code, None);
        }
        for name in ["ErrorLineNumber", "CurrentLineNumber"] {
            add_getset(&cls, name, a_line, None);
        }
        for name in ["ErrorColumnNumber", "CurrentColumnNumber"] {
            add_getset(&cls, name, a_column, None);
        }
        for name in ["ErrorByteIndex", "CurrentByteIndex"] {
            add_getset(&cls, name, a_byte_index, None);
        }
        add_getset(&cls, "buffer_text", a_buffer_text, Some(a_set_buffer_text));
        add_getset(&cls, "buffer_size", a_buffer_size, Some(a_set_buffer_size));
        add_getset(&cls, "buffer_used", a_buffer_used, None);
        add_getset(&cls, "ordered_attributes", a_ordered, Some(a_set_ordered));
        add_getset(&cls, "specified_attributes", a_specified, Some(a_set_specified));
        add_getset(&cls, "namespace_prefixes", a_ns_prefixes, Some(a_set_ns_prefixes));
        add_getset(&cls, "intern", a_intern, Some(readonly));
        cls
    })
}

// ---------------------------------------------------------------- module functions

fn m_parser_create(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [encoding, sep, intern] = bind("ParserCreate", args, kw, &["encoding=", "namespace_separator=", "intern="])?;
    let encoding = opt_str_arg("ParserCreate", "encoding", &encoding)?;
    let sep = opt_str_arg("ParserCreate", "namespace_separator", &sep)?;
    if let Some(s) = &sep {
        if s.len() > 1 {
            return Err(PyErr::value_error("namespace_separator must be at most one character, omitted, or None"));
        }
    }
    let intern = match intern {
        None => Some(dict::new_dict()),
        Some(v) if v.is_none() => None,
        Some(v) if crate::types::is_instance(&v, &types().dict) => Some(v),
        Some(_) => return Err(PyErr::type_error("intern must be a dictionary")),
    };
    let enc = match &encoding {
        Some(e) => Some(cstring(e)?),
        None => None,
    };
    let enc_ptr = enc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: plain constructor calls; the encoding string is copied by expat.
    let parser = unsafe {
        match &sep {
            Some(s) => XML_ParserCreateNS(enc_ptr, s.bytes().next().unwrap_or(0) as std::os::raw::c_char),
            None => XML_ParserCreate(enc_ptr),
        }
    };
    if parser.is_null() {
        return Err(PyErr::memory_error());
    }
    // SAFETY: new live parser.
    unsafe {
        XML_SetUserData(parser, std::ptr::null_mut());
        XML_SetUnknownEncodingHandler(parser, Some(handlers::unknown_encoding), std::ptr::null_mut());
    }
    let _ = vm;
    let cls = parser_type();
    Ok(new_opaque(
        &cls,
        ParserState {
            parser,
            handlers: vec![None; NAMES.len()],
            intern,
            buffer: None,
            buffer_size: BUFFER_SIZE,
            ordered_attributes: false,
            specified_attributes: false,
            namespace_prefixes: false,
            parent: None,
        },
    ))
}

fn m_error_string(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [code] = bind("ErrorString", args, kw, &["code", "/"])?;
    let code = vm.index_value(&code.unwrap_or(Value::NONE))?;
    Ok(error_string(code).map_or(Value::NONE, Value::string))
}

/// The XML_ERROR_* names, by code (1-based).
const ERROR_NAMES: [&str; 43] = [
    "NO_MEMORY",
    "SYNTAX",
    "NO_ELEMENTS",
    "INVALID_TOKEN",
    "UNCLOSED_TOKEN",
    "PARTIAL_CHAR",
    "TAG_MISMATCH",
    "DUPLICATE_ATTRIBUTE",
    "JUNK_AFTER_DOC_ELEMENT",
    "PARAM_ENTITY_REF",
    "UNDEFINED_ENTITY",
    "RECURSIVE_ENTITY_REF",
    "ASYNC_ENTITY",
    "BAD_CHAR_REF",
    "BINARY_ENTITY_REF",
    "ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "MISPLACED_XML_PI",
    "UNKNOWN_ENCODING",
    "INCORRECT_ENCODING",
    "UNCLOSED_CDATA_SECTION",
    "EXTERNAL_ENTITY_HANDLING",
    "NOT_STANDALONE",
    "UNEXPECTED_STATE",
    "ENTITY_DECLARED_IN_PE",
    "FEATURE_REQUIRES_XML_DTD",
    "CANT_CHANGE_FEATURE_ONCE_PARSING",
    "UNBOUND_PREFIX",
    "UNDECLARING_PREFIX",
    "INCOMPLETE_PE",
    "XML_DECL",
    "TEXT_DECL",
    "PUBLICID",
    "SUSPENDED",
    "NOT_SUSPENDED",
    "ABORTED",
    "FINISHED",
    "SUSPEND_PE",
    "RESERVED_PREFIX_XML",
    "RESERVED_PREFIX_XMLNS",
    "RESERVED_NAMESPACE_URI",
    "INVALID_ARGUMENT",
    "NO_BUFFER",
    "AMPLIFICATION_LIMIT_BREACH",
];

fn errors_module(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("pyexpat.errors");
    set_attr(&m, "__doc__", Value::str("Constants used to describe error conditions."));
    let codes = dict::new_dict();
    let messages = dict::new_dict();
    for (i, name) in ERROR_NAMES.iter().enumerate() {
        let code = i as i64 + 1;
        let msg = Value::string(error_string(code).unwrap_or_default());
        set_attr(&m, &format!("XML_ERROR_{name}"), msg.clone());
        dict::dict_set(vm, &codes, msg.clone(), Value::int(code))?;
        dict::dict_set(vm, &messages, Value::int(code), msg)?;
    }
    set_attr(&m, "codes", codes);
    set_attr(&m, "messages", messages);
    Ok(m)
}

fn model_module() -> Value {
    let m = new_module("pyexpat.model");
    set_attr(&m, "__doc__", Value::str("Constants used to interpret content model information."));
    for (n, v) in [
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ] {
        set_attr(&m, n, Value::int(v));
    }
    m
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("pyexpat");
    set_attr(&m, "__doc__", Value::str("Python wrapper for Expat parser."));
    let e = error_class(vm);
    set_attr(&m, "ExpatError", e.clone());
    set_attr(&m, "error", e);
    set_attr(&m, "XMLParserType", parser_type());
    add_function(&m, "ParserCreate", m_parser_create);
    add_function(&m, "ErrorString", m_error_string);
    // SAFETY: static data from libexpat.
    let (version, info, features) = unsafe {
        let v = CStr::from_ptr(XML_ExpatVersion()).to_string_lossy().into_owned();
        let i = XML_ExpatVersionInfo();
        let mut feats = Vec::new();
        let mut p = XML_GetFeatureList();
        while !p.is_null() && (*p).feature != 0 {
            let name = CStr::from_ptr((*p).name).to_string_lossy().into_owned();
            feats.push(Value::tuple(vec![Value::string(name), Value::int((*p).value as i64)]));
            p = p.add(1);
        }
        (v, i, feats)
    };
    set_attr(&m, "EXPAT_VERSION", Value::string(version));
    set_attr(
        &m,
        "version_info",
        Value::tuple(vec![Value::int(info.major as i64), Value::int(info.minor as i64), Value::int(info.micro as i64)]),
    );
    set_attr(&m, "features", Value::list(features));
    set_attr(&m, "native_encoding", Value::str("UTF-8"));
    set_attr(&m, "XML_PARAM_ENTITY_PARSING_NEVER", Value::int(0));
    set_attr(&m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", Value::int(1));
    set_attr(&m, "XML_PARAM_ENTITY_PARSING_ALWAYS", Value::int(2));
    let errors = errors_module(vm).unwrap_or_else(|_| new_module("pyexpat.errors"));
    let model = model_module();
    dict::dict_set_str(&vm.modules, "pyexpat.errors", errors.clone());
    dict::dict_set_str(&vm.modules, "pyexpat.model", model.clone());
    set_attr(&m, "errors", errors);
    set_attr(&m, "model", model);
    m
}
