//! The C callbacks installed in an expat parser, one per Python handler
//! attribute, and the table that maps attribute names to them.
//!
//! A callback only runs inside `Parse`/`ParseFile`, which points the
//! parser's user data at a [`CallCtx`] on its stack: the callback reaches the
//! interpreter and the parser object through it. A Python exception in a
//! handler is recorded there; then, as CPython does, every handler of the
//! parser is removed (so expat finishes the current buffer silently) and the
//! exception is raised when `Parse` returns. A C callback never unwinds: a
//! Rust panic becomes that recorded exception too.

use super::ffi::*;
use super::{pstate, ParserState};
use crate::types::dict;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};

/// What a callback needs, alive for the duration of one `XML_Parse` call.
pub(crate) struct CallCtx {
    pub vm: *mut Vm,
    pub me: Value,
    pub parser: XML_Parser,
    pub error: Option<PyErr>,
}

pub(crate) const START_ELEMENT: usize = 0;
pub(crate) const CHARACTER_DATA: usize = 3;
pub(crate) const EXTERNAL_ENTITY_REF: usize = 14;

/// Python attribute names, in CPython's order.
pub(crate) const NAMES: [&str; 22] = [
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

/// Install (or remove) the C callback for handler `idx`.
///
/// # Safety
/// `p` must be a live parser.
pub(crate) unsafe fn set_c_handler(p: XML_Parser, idx: usize, on: bool) {
    macro_rules! set {
        ($f:ident, $cb:expr) => {
            $f(p, if on { Some($cb) } else { None })
        };
    }
    match idx {
        0 => set!(XML_SetStartElementHandler, start_element),
        1 => set!(XML_SetEndElementHandler, end_element),
        2 => set!(XML_SetProcessingInstructionHandler, processing_instruction),
        3 => set!(XML_SetCharacterDataHandler, character_data),
        4 => set!(XML_SetUnparsedEntityDeclHandler, unparsed_entity_decl),
        5 => set!(XML_SetNotationDeclHandler, notation_decl),
        6 => set!(XML_SetStartNamespaceDeclHandler, start_namespace_decl),
        7 => set!(XML_SetEndNamespaceDeclHandler, end_namespace_decl),
        8 => set!(XML_SetCommentHandler, comment),
        9 => set!(XML_SetStartCdataSectionHandler, start_cdata),
        10 => set!(XML_SetEndCdataSectionHandler, end_cdata),
        11 => set!(XML_SetDefaultHandler, default_handler),
        12 => set!(XML_SetDefaultHandlerExpand, default_handler_expand),
        13 => set!(XML_SetNotStandaloneHandler, not_standalone),
        14 => set!(XML_SetExternalEntityRefHandler, external_entity_ref),
        15 => set!(XML_SetStartDoctypeDeclHandler, start_doctype_decl),
        16 => set!(XML_SetEndDoctypeDeclHandler, end_doctype_decl),
        17 => set!(XML_SetEntityDeclHandler, entity_decl),
        18 => set!(XML_SetXmlDeclHandler, xml_decl),
        19 => set!(XML_SetElementDeclHandler, element_decl),
        20 => set!(XML_SetAttlistDeclHandler, attlist_decl),
        21 => set!(XML_SetSkippedEntityHandler, skipped_entity),
        _ => {}
    }
}

// ---------------------------------------------------------------- plumbing

/// Run `f` with the interpreter and the parser object of the context `ud`,
/// unless an earlier handler already failed. Returns `f`'s value, or None.
unsafe fn run<R>(ud: *mut c_void, f: impl FnOnce(&mut Vm, &Value) -> PyResult<R>) -> Option<R> {
    let c = ud as *mut CallCtx;
    if c.is_null() || (*c).error.is_some() {
        return None;
    }
    let vm_ptr = (*c).vm;
    let me = (*c).me.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *vm_ptr, &me)));
    match r {
        Ok(Ok(v)) => Some(v),
        Ok(Err(e)) => {
            flag_error(&mut *vm_ptr, c, e);
            None
        }
        Err(_) => {
            flag_error(&mut *vm_ptr, c, crate::error::panic_to_pyerr("pyexpat handler"));
            None
        }
    }
}

/// Record `e` and remove every handler of the parser (CPython's rule).
unsafe fn flag_error(_vm: &mut Vm, c: *mut CallCtx, e: PyErr) {
    if (*c).error.is_none() {
        (*c).error = Some(e);
    }
    let me = (*c).me.clone();
    let old = clear_all_handlers(&me);
    drop(old);
    // As CPython: stop the parse (it then reports "parsing aborted" to any
    // later Parse call on this parser).
    XML_StopParser((*c).parser, 0);
}

/// Drop all Python handlers of `me` and their C callbacks; an external entity
/// reference then fails. Returns the old handlers (drop them outside borrows).
pub(crate) fn clear_all_handlers(me: &Value) -> Vec<Option<Value>> {
    pstate(me, |st: &mut ParserState| {
        let old = std::mem::replace(&mut st.handlers, vec![None; NAMES.len()]);
        if let Some(b) = &mut st.buffer {
            b.clear();
        }
        // SAFETY: the parser is live while its object is.
        unsafe {
            for i in 0..NAMES.len() {
                set_c_handler(st.parser, i, false);
            }
            XML_SetExternalEntityRefHandler(st.parser, Some(error_external_entity_ref));
        }
        old
    })
    .unwrap_or_default()
}

unsafe extern "C" fn error_external_entity_ref(
    _p: XML_Parser,
    _c: *const XML_Char,
    _b: *const XML_Char,
    _s: *const XML_Char,
    _pub: *const XML_Char,
) -> c_int {
    0
}

fn handler(me: &Value, idx: usize) -> Option<Value> {
    pstate(me, |st| st.handlers.get(idx).cloned().flatten()).ok().flatten()
}

/// A NUL-terminated UTF-8 string from expat (None for NULL).
unsafe fn conv(p: *const c_char) -> Value {
    if p.is_null() {
        return Value::NONE;
    }
    Value::string(CStr::from_ptr(p).to_string_lossy().into_owned())
}

unsafe fn conv_len(p: *const c_char, len: c_int) -> Value {
    if p.is_null() {
        return Value::NONE;
    }
    let b = std::slice::from_raw_parts(p as *const u8, len.max(0) as usize);
    Value::string(String::from_utf8_lossy(b).into_owned())
}

/// A name, through the parser's intern dict (None for NULL).
unsafe fn intern(vm: &mut Vm, me: &Value, p: *const c_char) -> PyResult<Value> {
    let s = conv(p);
    if s.is_none() {
        return Ok(s);
    }
    let d = pstate(me, |st| st.intern.clone())?;
    match d {
        Some(d) => match dict::dict_get(vm, &d, &s)? {
            Some(v) => Ok(v),
            None => {
                dict::dict_set(vm, &d, s.clone(), s.clone())?;
                Ok(s)
            }
        },
        None => Ok(s),
    }
}

/// Pass buffered character data to the CharacterDataHandler.
pub(crate) fn flush_buffer(vm: &mut Vm, me: &Value) -> PyResult<()> {
    let pending = pstate(me, |st| match &mut st.buffer {
        Some(b) if !b.is_empty() => Some(std::mem::take(b)),
        _ => None,
    })?;
    if let Some(data) = pending {
        if let Some(h) = handler(me, CHARACTER_DATA) {
            let s = Value::string(String::from_utf8_lossy(&data).into_owned());
            vm.call(&h, &[s])?;
        }
    }
    Ok(())
}

/// The common shape: flush buffered text, then call handler `idx` with the
/// arguments `args` builds.
unsafe fn call_simple(ud: *mut c_void, idx: usize, args: impl FnOnce(&mut Vm, &Value) -> PyResult<Vec<Value>>) -> Option<Value> {
    run(ud, |vm, me| {
        flush_buffer(vm, me)?;
        let Some(h) = handler(me, idx) else { return Ok(Value::NONE) };
        let a = args(vm, me)?;
        vm.call(&h, &a)
    })
}

// ---------------------------------------------------------------- callbacks

unsafe extern "C" fn start_element(ud: *mut c_void, name: *const XML_Char, atts: *mut *const XML_Char) {
    run(ud, |vm, me| {
        flush_buffer(vm, me)?;
        let Some(h) = handler(me, START_ELEMENT) else { return Ok(()) };
        let (ordered, specified, parser) = pstate(me, |st| (st.ordered_attributes, st.specified_attributes, st.parser))?;
        let n = intern(vm, me, name)?;
        let max = if specified {
            XML_GetSpecifiedAttributeCount(parser).max(0) as usize
        } else {
            let mut k = 0usize;
            while !atts.is_null() && !(*atts.add(k)).is_null() {
                k += 2;
            }
            k
        };
        let container = if ordered {
            let mut items = Vec::with_capacity(max);
            let mut i = 0;
            while i + 1 < max + 1 && i < max {
                items.push(intern(vm, me, *atts.add(i))?);
                items.push(conv(*atts.add(i + 1)));
                i += 2;
            }
            Value::list(items)
        } else {
            let d = dict::new_dict();
            let mut i = 0;
            while i < max {
                let k = intern(vm, me, *atts.add(i))?;
                dict::dict_set(vm, &d, k, conv(*atts.add(i + 1)))?;
                i += 2;
            }
            d
        };
        vm.call(&h, &[n, container])?;
        Ok(())
    });
}

unsafe extern "C" fn end_element(ud: *mut c_void, name: *const XML_Char) {
    call_simple(ud, 1, |vm, me| Ok(vec![intern(vm, me, name)?]));
}

unsafe extern "C" fn processing_instruction(ud: *mut c_void, target: *const XML_Char, data: *const XML_Char) {
    call_simple(ud, 2, |vm, me| Ok(vec![intern(vm, me, target)?, conv(data)]));
}

unsafe extern "C" fn character_data(ud: *mut c_void, s: *const XML_Char, len: c_int) {
    run(ud, |vm, me| {
        let bytes = std::slice::from_raw_parts(s as *const u8, len.max(0) as usize);
        let (buffered, size, used) =
            pstate(me, |st| (st.buffer.is_some(), st.buffer_size, st.buffer.as_ref().map_or(0, |b| b.len())))?;
        if !buffered {
            if let Some(h) = handler(me, CHARACTER_DATA) {
                vm.call(&h, &[conv_len(s, len)])?;
            }
            return Ok(());
        }
        if used + bytes.len() > size {
            flush_buffer(vm, me)?;
            if handler(me, CHARACTER_DATA).is_none() {
                return Ok(());
            }
        }
        if bytes.len() > size {
            if let Some(h) = handler(me, CHARACTER_DATA) {
                vm.call(&h, &[conv_len(s, len)])?;
            }
            pstate(me, |st| {
                if let Some(b) = &mut st.buffer {
                    b.clear()
                }
            })?;
        } else {
            pstate(me, |st| {
                if let Some(b) = &mut st.buffer {
                    b.extend_from_slice(bytes)
                }
            })?;
        }
        Ok(())
    });
}

unsafe extern "C" fn unparsed_entity_decl(
    ud: *mut c_void,
    name: *const XML_Char,
    base: *const XML_Char,
    sysid: *const XML_Char,
    pubid: *const XML_Char,
    notation: *const XML_Char,
) {
    call_simple(ud, 4, |vm, me| {
        Ok(vec![intern(vm, me, name)?, intern(vm, me, base)?, intern(vm, me, sysid)?, intern(vm, me, pubid)?, intern(vm, me, notation)?])
    });
}

unsafe extern "C" fn notation_decl(
    ud: *mut c_void,
    name: *const XML_Char,
    base: *const XML_Char,
    sysid: *const XML_Char,
    pubid: *const XML_Char,
) {
    call_simple(ud, 5, |vm, me| Ok(vec![intern(vm, me, name)?, intern(vm, me, base)?, intern(vm, me, sysid)?, intern(vm, me, pubid)?]));
}

unsafe extern "C" fn start_namespace_decl(ud: *mut c_void, prefix: *const XML_Char, uri: *const XML_Char) {
    call_simple(ud, 6, |vm, me| Ok(vec![intern(vm, me, prefix)?, intern(vm, me, uri)?]));
}

unsafe extern "C" fn end_namespace_decl(ud: *mut c_void, prefix: *const XML_Char) {
    call_simple(ud, 7, |vm, me| Ok(vec![intern(vm, me, prefix)?]));
}

unsafe extern "C" fn comment(ud: *mut c_void, data: *const XML_Char) {
    call_simple(ud, 8, |_vm, _me| Ok(vec![conv(data)]));
}

unsafe extern "C" fn start_cdata(ud: *mut c_void) {
    call_simple(ud, 9, |_vm, _me| Ok(vec![]));
}

unsafe extern "C" fn end_cdata(ud: *mut c_void) {
    call_simple(ud, 10, |_vm, _me| Ok(vec![]));
}

unsafe extern "C" fn default_handler(ud: *mut c_void, s: *const XML_Char, len: c_int) {
    call_simple(ud, 11, |_vm, _me| Ok(vec![conv_len(s, len)]));
}

unsafe extern "C" fn default_handler_expand(ud: *mut c_void, s: *const XML_Char, len: c_int) {
    call_simple(ud, 12, |_vm, _me| Ok(vec![conv_len(s, len)]));
}

/// The int a handler returned (CPython's `PyLong_AsLong` of the result).
fn int_result(vm: &mut Vm, v: &Value) -> PyResult<c_int> {
    let i = vm.index_value(v)?;
    Ok(i as c_int)
}

unsafe extern "C" fn not_standalone(ud: *mut c_void) -> c_int {
    run(ud, |vm, me| {
        flush_buffer(vm, me)?;
        let Some(h) = handler(me, 13) else { return Ok(0) };
        let r = vm.call(&h, &[])?;
        int_result(vm, &r)
    })
    .unwrap_or(0)
}

unsafe extern "C" fn external_entity_ref(
    p: XML_Parser,
    context: *const XML_Char,
    base: *const XML_Char,
    sysid: *const XML_Char,
    pubid: *const XML_Char,
) -> c_int {
    let ud = get_user_data(p);
    run(ud, |vm, me| {
        flush_buffer(vm, me)?;
        let Some(h) = handler(me, EXTERNAL_ENTITY_REF) else { return Ok(0) };
        let args = vec![conv(context), intern(vm, me, base)?, intern(vm, me, sysid)?, intern(vm, me, pubid)?];
        let r = vm.call(&h, &args)?;
        int_result(vm, &r)
    })
    .unwrap_or(0)
}

unsafe extern "C" fn start_doctype_decl(
    ud: *mut c_void,
    name: *const XML_Char,
    sysid: *const XML_Char,
    pubid: *const XML_Char,
    has_internal_subset: c_int,
) {
    call_simple(ud, 15, |vm, me| {
        Ok(vec![intern(vm, me, name)?, intern(vm, me, sysid)?, intern(vm, me, pubid)?, Value::int(has_internal_subset as i64)])
    });
}

unsafe extern "C" fn end_doctype_decl(ud: *mut c_void) {
    call_simple(ud, 16, |_vm, _me| Ok(vec![]));
}

#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn entity_decl(
    ud: *mut c_void,
    name: *const XML_Char,
    is_parameter_entity: c_int,
    value: *const XML_Char,
    value_length: c_int,
    base: *const XML_Char,
    sysid: *const XML_Char,
    pubid: *const XML_Char,
    notation: *const XML_Char,
) {
    call_simple(ud, 17, |vm, me| {
        Ok(vec![
            intern(vm, me, name)?,
            Value::int(is_parameter_entity as i64),
            conv_len(value, value_length),
            intern(vm, me, base)?,
            intern(vm, me, sysid)?,
            intern(vm, me, pubid)?,
            intern(vm, me, notation)?,
        ])
    });
}

unsafe extern "C" fn xml_decl(ud: *mut c_void, version: *const XML_Char, encoding: *const XML_Char, standalone: c_int) {
    call_simple(ud, 18, |_vm, _me| Ok(vec![conv(version), conv(encoding), Value::int(standalone as i64)]));
}

/// An expat content model as CPython's nested tuple.
unsafe fn content_model(m: *const XML_Content) -> Value {
    let m = &*m;
    let mut children = Vec::with_capacity(m.numchildren as usize);
    for i in 0..m.numchildren as usize {
        children.push(content_model(m.children.add(i)));
    }
    Value::tuple(vec![Value::int(m.type_ as i64), Value::int(m.quant as i64), conv(m.name), Value::tuple(children)])
}

unsafe extern "C" fn element_decl(ud: *mut c_void, name: *const XML_Char, model: *mut XML_Content) {
    call_simple(ud, 19, |vm, me| Ok(vec![intern(vm, me, name)?, content_model(model)]));
    let c = ud as *mut CallCtx;
    if !c.is_null() {
        XML_FreeContentModel((*c).parser, model);
    }
}

unsafe extern "C" fn attlist_decl(
    ud: *mut c_void,
    elname: *const XML_Char,
    attname: *const XML_Char,
    att_type: *const XML_Char,
    dflt: *const XML_Char,
    isrequired: c_int,
) {
    call_simple(ud, 20, |vm, me| {
        Ok(vec![intern(vm, me, elname)?, intern(vm, me, attname)?, conv(att_type), conv(dflt), Value::int(isrequired as i64)])
    });
}

unsafe extern "C" fn skipped_entity(ud: *mut c_void, name: *const XML_Char, is_param: c_int) {
    call_simple(ud, 21, |vm, me| Ok(vec![intern(vm, me, name)?, Value::int(is_param as i64)]));
}

thread_local! {
    /// The context of the innermost running Parse on this thread (a raw
    /// pointer, not a Python value), for the unknown-encoding callback, which
    /// expat calls without the parser's user data.
    pub(crate) static CUR_CTX: std::cell::Cell<*mut CallCtx> = const { std::cell::Cell::new(std::ptr::null_mut()) };
}

/// Build a single-byte decoding table for an encoding expat does not know,
/// with Python's codec (`bytes(range(256)).decode(name, "replace")`); a
/// codec error is raised when Parse returns, as in CPython.
pub(crate) unsafe extern "C" fn unknown_encoding(_data: *mut c_void, name: *const XML_Char, info: *mut XML_Encoding) -> c_int {
    let c = CUR_CTX.with(|c| c.get());
    if c.is_null() || name.is_null() || (*c).error.is_some() {
        return XML_STATUS_ERROR;
    }
    let vm_ptr = (*c).vm;
    let name = CStr::from_ptr(name).to_string_lossy().into_owned();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> PyResult<Vec<c_int>> {
        let vm = &mut *vm_ptr;
        let all: Vec<u8> = (0..=255u8).collect();
        let b = Value::bytes(all);
        let s = vm.call_method(&b, "decode", &[Value::string(name.clone()), Value::str("replace")])?;
        let chars: Vec<char> = s.as_str().unwrap_or("").chars().collect();
        if chars.len() != 256 {
            return Err(PyErr::value_error("multi-byte encodings are not supported"));
        }
        Ok(chars.iter().map(|&c| if c == '\u{FFFD}' { -1 } else { c as c_int }).collect())
    }));
    match r {
        Ok(Ok(map)) => {
            let info = &mut *info;
            info.map.copy_from_slice(&map);
            info.data = std::ptr::null_mut();
            info.convert = None;
            info.release = None;
            XML_STATUS_OK
        }
        Ok(Err(e)) => {
            (*c).error = Some(e);
            XML_STATUS_ERROR
        }
        Err(_) => {
            (*c).error = Some(crate::error::panic_to_pyerr("pyexpat encoding"));
            XML_STATUS_ERROR
        }
    }
}
