//! `_codecs`: the codec registry (search functions, the lookup cache, error
//! handlers) and the native codecs that `Lib/encodings/*.py` call.
//!
//! Layout:
//! * registry: `register`, `unregister`, `lookup`, `encode`, `decode`,
//!   `register_error`, `lookup_error`, and [`text_encode`]/[`text_decode`],
//!   used by `str.encode`/`bytes.decode` for codecs they do not know natively;
//! * error handling: [`Dec`]/[`Enc`] run the builtin handlers directly and
//!   call registered handlers with `UnicodeDecodeError`/`UnicodeEncodeError`
//!   objects (the callback protocol: `(replacement, new_position)`);
//! * the codecs: UTF-8/16/32, Latin-1, ASCII, charmap (with `EncodingMap`);
//!   the escape codecs and UTF-7 live in `escapes.rs`.
//!
//! Strings cannot hold lone surrogates in Krait, so `surrogateescape` and
//! `surrogatepass` decoding give U+FFFD where CPython gives a surrogate.

use super::escapes;
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::str_methods::codec::{decode_error, encode_error};
use crate::types::{add_method, add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

// ---------------------------------------------------------------- helpers

pub(crate) fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

fn lookup_err(msg: String) -> PyErr {
    PyErr::new(&types().exc.lookup_error, msg)
}

/// A `str` argument, as text.
pub(crate) fn arg_str(fname: &str, v: &Value, n: usize) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(PyErr::type_error(format!("{fname}() argument {n} must be str, not {}", tname(v)))),
    }
}

/// The `errors` argument: str or None (default "strict").
pub(crate) fn arg_errors(fname: &str, v: &Option<Value>, n: usize) -> PyResult<String> {
    match v {
        None => Ok("strict".into()),
        Some(v) if v.is_none() => Ok("strict".into()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(PyErr::type_error(format!("{fname}() argument {n} must be str or None, not {}", tname(v)))),
        },
    }
}

/// A bytes-like argument (`y*`).
pub(crate) fn arg_buffer(v: &Value) -> PyResult<Vec<u8>> {
    crate::types::bytes::buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v))))
}

/// A bytes-like or str argument (`s*`: str is taken as UTF-8).
pub(crate) fn arg_buffer_or_str(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    arg_buffer(v)
}

fn arg_bool(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

fn arg_int(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.index_value(v),
    }
}

pub(crate) fn pair(a: Value, n: usize) -> Value {
    Value::tuple(vec![a, Value::int(n as i64)])
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `c`.
pub(crate) fn backslash_escape(c: char, out: &mut String) {
    let n = c as u32;
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

// ---------------------------------------------------------------- registry

static SEARCH: GilSlot = GilSlot::new();
static CACHE: GilSlot = GilSlot::new();
static ERRORS: GilSlot = GilSlot::new();
static INIT: GilSlot = GilSlot::new();

fn search_list() -> Value {
    SEARCH.get_or_init(|| Value::list(vec![]))
}

fn cache() -> Value {
    CACHE.get_or_init(dict::new_dict)
}

fn error_registry() -> Value {
    ERRORS.get_or_init(|| {
        let d = dict::new_dict();
        let entries: [(&str, &'static str, crate::object::NativeFn); 8] = [
            ("strict", "strict_errors", strict_errors),
            ("ignore", "ignore_errors", ignore_errors),
            ("replace", "replace_errors", replace_errors),
            ("xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplace_errors),
            ("backslashreplace", "backslashreplace_errors", backslashreplace_errors),
            ("namereplace", "namereplace_errors", namereplace_errors),
            ("surrogateescape", "surrogateescape", surrogateescape_errors),
            ("surrogatepass", "surrogatepass", surrogatepass_errors),
        ];
        for (key, fname, f) in entries {
            let v = crate::types::native_function(fname, f, NativeKind::Function, Value::NULL, None);
            dict::dict_set_str(&d, key, v);
        }
        d
    })
}

/// Import `encodings` once (it registers its search function), as CPython
/// does at start-up.
fn ensure_init(vm: &mut Vm) -> PyResult<()> {
    if INIT.get().is_some() {
        return Ok(());
    }
    INIT.get_or_init(|| Value::TRUE);
    crate::import::import_module(vm, "encodings")?;
    Ok(())
}

/// CPython's name normalisation for the cache and the search functions:
/// lower case, runs of characters other than letters, digits and `.`
/// become one `_` (none at the start).
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `codecs.lookup(encoding)`: the `CodecInfo` for `encoding`.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    ensure_init(vm)?;
    let norm = normalize_encoding(encoding);
    let key = Value::string(norm.clone());
    let c = cache();
    if let Some(v) = dict::dict_get_str(&c, &norm) {
        return Ok(v);
    }
    let funcs: Vec<Value> = search_list().as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    for f in funcs {
        let r = vm.call(&f, &[key.clone()])?;
        if r.is_none() {
            continue;
        }
        let ok = matches!(r.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Tuple(t)) if t.len() == 4);
        if !ok {
            return Err(PyErr::type_error("codec search functions must return 4-tuples"));
        }
        dict::dict_set_str(&c, &norm, r.clone());
        return Ok(r);
    }
    Err(lookup_err(format!("unknown encoding: {encoding}")))
}

fn codec_item(ci: &Value, i: usize) -> Value {
    match ci.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Tuple(t)) => t.get(i).cloned().unwrap_or(Value::NONE),
        _ => Value::NONE,
    }
}

/// CPython's `wrap_codec_error`: re-raise a plain exception (no own
/// `__init__`/`__new__`, no attributes) as the same type with a message
/// naming the codec, chained to the original.
fn wrap_error(vm: &mut Vm, e: PyErr, op: &str, encoding: &str) -> PyErr {
    let t = types();
    let exc = e.exc.clone();
    let ty = type_ref(&exc);
    let be = t.exc.base_exception.as_obj().unwrap();
    let same = |name: &str| match (crate::types::lookup(ty, name), crate::types::lookup(be, name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    };
    if !same("__init__") || !same("__new__") {
        return e;
    }
    if let Some(d) = exc.as_obj().and_then(|o| o.dict.borrow().clone()) {
        if d.as_dict().map_or(0, |x| x.borrow().len()) > 0 {
            return e;
        }
    }
    // Only exceptions whose args are () or (str,).
    match vm.getattr_str(&exc, "args").ok().as_ref().and_then(|a| a.as_tuple().map(|t| t.to_vec())) {
        Some(a) if a.is_empty() || (a.len() == 1 && a[0].as_str().is_some()) => {}
        _ => return e,
    }
    let msg = match vm.str_string(&exc) {
        Ok(s) => s,
        Err(_) => return e,
    };
    let tyname = ty.type_name_str();
    let tyname = tyname.rsplit('.').next().unwrap_or("").to_string();
    let Some(cls) = exc.as_obj().map(|o| Value::from_obj(o.ty_obj())) else { return e };
    let new = PyErr::new(&cls, format!("{op} with '{encoding}' codec failed ({tyname}: {msg})"));
    crate::types::exception::set_cause(&new.exc, exc);
    new
}

fn call_codec(vm: &mut Vm, f: &Value, obj: &Value, errors: &str, op: &str, encoding: &str, wrap: bool) -> PyResult<Value> {
    let r = match vm.call(f, &[obj.clone(), Value::str(errors)]) {
        Ok(r) => r,
        Err(e) if wrap => return Err(wrap_error(vm, e, op, encoding)),
        Err(e) => return Err(e),
    };
    match r.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Tuple(t)) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(PyErr::type_error(if op == "encoding" {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// Whether `str.encode`/`bytes.decode` errors with this codec are wrapped
/// (CPython's fast paths, UTF-8/16/32, Latin-1 and ASCII, do not wrap).
fn wraps(encoding: &str) -> bool {
    use crate::types::str_methods::codec::{lookup_codec, Codec};
    !matches!(lookup_codec(encoding), Some(c) if c != Codec::Cp1252)
}

/// The codec for `str.encode`/`bytes.decode`: refuses non-text codecs.
fn text_codec(vm: &mut Vm, encoding: &str, op: &str) -> PyResult<Value> {
    let ci = lookup(vm, encoding)?;
    if crate::types::is_instance(&ci, &types().tuple) {
        if let Some(v) = vm.getattr_opt(&ci, &Value::str("_is_text_encoding"))? {
            if !vm.truthy(&v)? {
                return Err(lookup_err(format!(
                    "'{encoding}' is not a text encoding; use codecs.{op}() to handle arbitrary codecs"
                )));
            }
        }
    }
    Ok(ci)
}

/// `s.encode(encoding, errors)` through the codec registry.
pub fn text_encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let ci = text_codec(vm, encoding, "encode")?;
    let r = call_codec(vm, &codec_item(&ci, 0), &Value::str(s), errors, "encoding", encoding, wraps(encoding))?;
    if let Some(b) = r.as_bytes() {
        return Ok(b.to_vec());
    }
    if let Some(crate::object::Payload::ByteArray(b)) = r.as_obj().map(|o| &o.payload) {
        return Ok(b.borrow().clone());
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        tname(&r)
    )))
}

/// `data.decode(encoding, errors)` through the codec registry.
pub fn text_decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let ci = text_codec(vm, encoding, "decode")?;
    let r = call_codec(vm, &codec_item(&ci, 1), &Value::bytes(data.to_vec()), errors, "decoding", encoding, wraps(encoding))?;
    match r.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(PyErr::type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            tname(&r)
        ))),
    }
}

fn f_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [f] = bind("register", args, kw, &["search_function", "/"])?;
    let f = f.unwrap();
    if !vm.callable(&f) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    let _ = ensure_init(vm);
    if let Some(l) = search_list().as_list() {
        l.borrow_mut().push(f);
    }
    Ok(Value::NONE)
}

fn f_unregister(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [f] = bind("unregister", args, kw, &["search_function", "/"])?;
    let f = f.unwrap();
    if let Some(l) = search_list().as_list() {
        let pos = l.borrow().iter().position(|x| x.is(&f));
        if let Some(p) = pos {
            l.borrow_mut().remove(p);
            if let Some(d) = cache().as_dict() {
                let old = std::mem::take(&mut *d.borrow_mut());
                drop(old);
            }
        }
    }
    Ok(Value::NONE)
}

fn f_lookup(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [e] = bind("lookup", args, kw, &["encoding", "/"])?;
    let e = arg_str("lookup", &e.unwrap(), 1)?;
    lookup(vm, &e)
}

fn encode_decode(vm: &mut Vm, args: &[Value], kw: &[Value], enc: bool) -> PyResult<Value> {
    let name = if enc { "encode" } else { "decode" };
    let [obj, encoding, errors] = bind(name, args, kw, &["obj", "encoding=", "errors="])?;
    let encoding = match &encoding {
        Some(e) => arg_str(name, e, 2)?,
        None => "utf-8".to_string(),
    };
    let errors = match &errors {
        Some(e) => arg_str(name, e, 3)?,
        None => "strict".to_string(),
    };
    let ci = lookup(vm, &encoding)?;
    let f = codec_item(&ci, if enc { 0 } else { 1 });
    call_codec(vm, &f, &obj.unwrap(), &errors, if enc { "encoding" } else { "decoding" }, &encoding, true)
}

fn f_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_decode(vm, args, kw, true)
}

fn f_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_decode(vm, args, kw, false)
}

fn f_register_error(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name, handler] = bind("register_error", args, kw, &["errors", "handler", "/"])?;
    let name = arg_str("register_error", &name.unwrap(), 1)?;
    let handler = handler.unwrap();
    if !vm.callable(&handler) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    dict::dict_set_str(&error_registry(), &name, handler);
    Ok(Value::NONE)
}

/// The registered error handler `name`.
pub fn lookup_error(name: &str) -> PyResult<Value> {
    dict::dict_get_str(&error_registry(), name)
        .ok_or_else(|| lookup_err(format!("unknown error handler name '{name}'")))
}

fn f_lookup_error(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = bind("lookup_error", args, kw, &["name", "/"])?;
    let name = arg_str("lookup_error", &name.unwrap(), 1)?;
    lookup_error(&name)
}

// ---------------------------------------------------------------- builtin error handlers (Python-callable)

enum ExcKind {
    Encode,
    Decode,
    Translate,
}

fn exc_kind(vm: &mut Vm, exc: &Value) -> PyResult<ExcKind> {
    let t = types();
    if crate::types::is_instance(exc, &t.exc.unicode_encode_error) {
        return Ok(ExcKind::Encode);
    }
    if crate::types::is_instance(exc, &t.exc.unicode_decode_error) {
        return Ok(ExcKind::Decode);
    }
    let _ = vm;
    if crate::types::is_instance(exc, &t.exc.unicode_translate_error) {
        return Ok(ExcKind::Translate);
    }
    Err(cant_handle(exc))
}

fn cant_handle(exc: &Value) -> PyErr {
    if crate::types::is_instance(exc, &types().exc.base_exception) {
        PyErr::type_error(format!("don't know how to handle {} in error callback", tname(exc)))
    } else {
        PyErr::type_error("codec must pass exception instance")
    }
}

fn exc_range(vm: &mut Vm, exc: &Value) -> PyResult<(usize, usize)> {
    let s = vm.getattr_str(exc, "start")?;
    let e = vm.getattr_str(exc, "end")?;
    let s = vm.index_value(&s)?.max(0) as usize;
    let e = vm.index_value(&e)?.max(0) as usize;
    Ok((s, e))
}

fn exc_chars(vm: &mut Vm, exc: &Value) -> PyResult<Vec<char>> {
    let o = vm.getattr_str(exc, "object")?;
    match o.as_str() {
        Some(s) => Ok(s.chars().collect()),
        None => Err(PyErr::type_error("object attribute must be unicode")),
    }
}

fn one_arg<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    crate::args::check_arity(name, args, kw, 1, 1)?;
    Ok(&args[0])
}

fn strict_errors(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("strict_errors", args, kw)?;
    if crate::types::is_instance(exc, &types().exc.base_exception) {
        Err(PyErr::from_value(exc.clone()))
    } else {
        Err(PyErr::type_error("codec must pass exception instance"))
    }
}

fn ignore_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("ignore_errors", args, kw)?;
    exc_kind(vm, exc)?;
    let (_, end) = exc_range(vm, exc)?;
    Ok(pair(Value::str(""), end))
}

fn replace_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("replace_errors", args, kw)?;
    let k = exc_kind(vm, exc)?;
    let (start, end) = exc_range(vm, exc)?;
    let n = end.saturating_sub(start);
    let s = match k {
        ExcKind::Encode => "?".repeat(n),
        ExcKind::Decode => "\u{FFFD}".to_string(),
        ExcKind::Translate => "\u{FFFD}".repeat(n),
    };
    Ok(pair(Value::string(s), end))
}

fn clamp_range(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    (start.min(end), end)
}

/// An error handler for encoding only: each unencodable character replaced
/// by what `escape` writes.
fn encode_replace(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], escape: fn(char, &mut String)) -> PyResult<Value> {
    let exc = one_arg(name, args, kw)?;
    match exc_kind(vm, exc)? {
        ExcKind::Encode => {}
        _ => return Err(cant_handle(exc)),
    }
    let (start, end) = exc_range(vm, exc)?;
    let chars = exc_chars(vm, exc)?;
    let (a, b) = clamp_range(&chars, start, end);
    let mut s = String::new();
    for &c in &chars[a..b] {
        escape(c, &mut s);
    }
    Ok(pair(Value::string(s), end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_replace(vm, "xmlcharrefreplace_errors", args, kw, |c, s| s.push_str(&format!("&#{};", c as u32)))
}

fn backslashreplace_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("backslashreplace_errors", args, kw)?;
    let k = exc_kind(vm, exc)?;
    let (start, end) = exc_range(vm, exc)?;
    let mut s = String::new();
    if let ExcKind::Decode = k {
        let o = vm.getattr_str(exc, "object")?;
        let b = crate::types::bytes::buffer_bytes(&o)
            .ok_or_else(|| PyErr::type_error("object attribute must be bytes"))?;
        let e = end.min(b.len());
        for &x in &b[start.min(e)..e] {
            s.push_str(&format!("\\x{x:02x}"));
        }
    } else {
        let chars = exc_chars(vm, exc)?;
        let (a, b) = clamp_range(&chars, start, end);
        for &c in &chars[a..b] {
            backslash_escape(c, &mut s);
        }
    }
    Ok(pair(Value::string(s), end))
}

/// `\N{NAME}` for a character with a name, else its backslash escape.
pub(crate) fn name_escape(c: char, out: &mut String) {
    match super::unicodedata::char_name(c) {
        Some(n) => {
            out.push_str("\\N{");
            out.push_str(&n);
            out.push('}');
        }
        None => backslash_escape(c, out),
    }
}

fn namereplace_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_replace(vm, "namereplace_errors", args, kw, name_escape)
}

fn surrogateescape_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("surrogateescape", args, kw)?;
    match exc_kind(vm, exc)? {
        ExcKind::Decode => {
            let (start, end) = exc_range(vm, exc)?;
            let o = vm.getattr_str(exc, "object")?;
            let b = crate::types::bytes::buffer_bytes(&o).unwrap_or_default();
            let e = end.min(b.len());
            let bytes = &b[start.min(e)..e];
            if bytes.iter().any(|&x| x < 128) || bytes.is_empty() {
                return Err(PyErr::from_value(exc.clone()));
            }
            Ok(pair(Value::string("\u{FFFD}".repeat(bytes.len())), end))
        }
        ExcKind::Encode => Err(PyErr::from_value(exc.clone())),
        ExcKind::Translate => Err(cant_handle(exc)),
    }
}

fn surrogatepass_errors(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = one_arg("surrogatepass", args, kw)?;
    match exc_kind(vm, exc)? {
        ExcKind::Translate => Err(cant_handle(exc)),
        _ => Err(PyErr::from_value(exc.clone())),
    }
}

// ---------------------------------------------------------------- error-handling contexts

#[derive(Clone, Copy, PartialEq, Eq)]
enum Eh {
    Strict,
    Ignore,
    Replace,
    Backslash,
    XmlRef,
    Name,
    SurEsc,
    SurPass,
    Other,
}

fn eh_kind(e: &str) -> Eh {
    match e {
        "strict" => Eh::Strict,
        "ignore" => Eh::Ignore,
        "replace" => Eh::Replace,
        "backslashreplace" => Eh::Backslash,
        "xmlcharrefreplace" => Eh::XmlRef,
        "namereplace" => Eh::Name,
        "surrogateescape" => Eh::SurEsc,
        "surrogatepass" => Eh::SurPass,
        _ => Eh::Other,
    }
}

fn new_pos(pos: i64, len: usize) -> PyResult<usize> {
    let p = if pos < 0 { pos + len as i64 } else { pos };
    if p < 0 || p > len as i64 {
        return Err(PyErr::index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok(p as usize)
}

/// Decoding state: the input and the error policy.
pub(crate) struct Dec<'a> {
    pub enc: &'a str,
    pub errors: &'a str,
    pub data: &'a [u8],
    kind: Eh,
}

impl<'a> Dec<'a> {
    pub fn new(enc: &'a str, errors: &'a str, data: &'a [u8]) -> Dec<'a> {
        Dec { enc, errors, data, kind: eh_kind(errors) }
    }

    /// Handle undecodable `data[start..end]`: push the replacement to
    /// `out` and return where decoding resumes.
    pub fn error(&mut self, vm: &mut Vm, out: &mut String, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        match self.kind {
            Eh::Strict | Eh::SurPass => Err(decode_error(self.enc, self.data, start, end, reason)),
            Eh::Ignore => Ok(end),
            Eh::Replace => {
                out.push('\u{FFFD}');
                Ok(end)
            }
            Eh::Backslash => {
                for &b in &self.data[start..end.min(self.data.len())] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            Eh::SurEsc => {
                let bytes = &self.data[start..end.min(self.data.len())];
                if bytes.is_empty() || bytes.iter().any(|&b| b < 128) {
                    return Err(decode_error(self.enc, self.data, start, end, reason));
                }
                for _ in bytes {
                    out.push('\u{FFFD}');
                }
                Ok(end)
            }
            Eh::XmlRef | Eh::Name => Err(PyErr::type_error("don't know how to handle UnicodeDecodeError in error callback")),
            Eh::Other => {
                let handler = lookup_error(self.errors)?;
                let exc = decode_error(self.enc, self.data, start, end, reason).exc;
                let r = vm.call(&handler, &[exc])?;
                let bad = || PyErr::type_error("decoding error handler must return (str, int) tuple");
                let (rep, pos) = match r.as_obj().map(|o| &o.payload) {
                    Some(crate::object::Payload::Tuple(t)) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                    _ => return Err(bad()),
                };
                let Some(s) = rep.as_str() else { return Err(bad()) };
                if !pos.is_int() {
                    return Err(bad());
                }
                out.push_str(s);
                let p = vm.index_value(&pos)?;
                new_pos(p, self.data.len())
            }
        }
    }
}

/// An encoding error's replacement.
pub(crate) enum Rep {
    Bytes(Vec<u8>),
    Str(Vec<char>),
}

/// Encoding state: the input and the error policy.
pub(crate) struct Enc<'a> {
    pub enc: &'a str,
    pub errors: &'a str,
    pub s: &'a str,
    pub chars: &'a [char],
    kind: Eh,
}

impl<'a> Enc<'a> {
    pub fn new(enc: &'a str, errors: &'a str, s: &'a str, chars: &'a [char]) -> Enc<'a> {
        Enc { enc, errors, s, chars, kind: eh_kind(errors) }
    }

    pub fn fail(&self, start: usize, end: usize, reason: &str) -> PyErr {
        encode_error(self.enc, self.s, start, end, reason)
    }

    /// Handle unencodable `chars[start..end]`: the replacement and where
    /// encoding resumes.
    pub fn error(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<(Rep, usize)> {
        let seg = &self.chars[start..end.min(self.chars.len())];
        let str_rep = |f: &dyn Fn(char, &mut String)| {
            let mut s = String::new();
            for &c in seg {
                f(c, &mut s);
            }
            Rep::Str(s.chars().collect())
        };
        Ok(match self.kind {
            Eh::Strict | Eh::SurEsc | Eh::SurPass => return Err(self.fail(start, end, reason)),
            Eh::Ignore => (Rep::Bytes(vec![]), end),
            Eh::Replace => (Rep::Str(vec!['?'; seg.len()]), end),
            Eh::Backslash => (str_rep(&|c, s| backslash_escape(c, s)), end),
            Eh::XmlRef => (str_rep(&|c, s| s.push_str(&format!("&#{};", c as u32))), end),
            Eh::Name => (str_rep(&|c, s| name_escape(c, s)), end),
            Eh::Other => {
                let handler = lookup_error(self.errors)?;
                let exc = self.fail(start, end, reason).exc;
                let r = vm.call(&handler, &[exc])?;
                let bad = || PyErr::type_error("encoding error handler must return (str/bytes, int) tuple");
                let (rep, pos) = match r.as_obj().map(|o| &o.payload) {
                    Some(crate::object::Payload::Tuple(t)) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                    _ => return Err(bad()),
                };
                if !pos.is_int() {
                    return Err(bad());
                }
                let rep = if let Some(s) = rep.as_str() {
                    Rep::Str(s.chars().collect())
                } else if let Some(b) = rep.as_bytes() {
                    Rep::Bytes(b.to_vec())
                } else {
                    return Err(bad());
                };
                let p = vm.index_value(&pos)?;
                (rep, new_pos(p, self.chars.len())?)
            }
        })
    }
}

/// Encode with a per-character mapper (`map` appends the bytes of a
/// character and returns true, or returns false when it has none),
/// collecting runs of unencodable characters for the error handler.
pub(crate) fn encode_with(
    vm: &mut Vm,
    e: &mut Enc,
    out: &mut Vec<u8>,
    map: &mut dyn FnMut(&mut Vm, char, &mut Vec<u8>) -> PyResult<bool>,
    reason: &str,
) -> PyResult<()> {
    let n = e.chars.len();
    let mut i = 0;
    let mut scratch = Vec::new();
    while i < n {
        let c = e.chars[i];
        if map(vm, c, out)? {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < n {
            scratch.clear();
            if map(vm, e.chars[end], &mut scratch)? {
                break;
            }
            end += 1;
        }
        let (rep, pos) = e.error(vm, start, end, reason)?;
        match rep {
            Rep::Bytes(b) => out.extend_from_slice(&b),
            Rep::Str(cs) => {
                for c in cs {
                    if !map(vm, c, out)? {
                        return Err(e.fail(start, end, reason));
                    }
                }
            }
        }
        i = pos;
    }
    Ok(())
}

// ---------------------------------------------------------------- UTF-8

pub(crate) fn utf8_decode(vm: &mut Vm, d: &mut Dec, final_: bool) -> PyResult<(String, usize)> {
    let data = d.data;
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok((s.to_string(), data.len()));
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                pos = data.len();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + valid]).unwrap_or(""));
                let bad = pos + valid;
                match e.error_len() {
                    Some(n) => {
                        let b0 = data[bad];
                        let reason = if (0x80..=0xC1).contains(&b0) || b0 >= 0xF5 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        pos = d.error(vm, &mut out, bad, bad + n, reason)?;
                    }
                    None => {
                        if !final_ {
                            return Ok((out, bad));
                        }
                        pos = d.error(vm, &mut out, bad, data.len(), "unexpected end of data")?;
                    }
                }
            }
        }
    }
    Ok((out, pos))
}

fn utf_8_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("utf_8_encode", args, kw, &["str", "errors=", "/"])?;
    let s = s.unwrap();
    let text = arg_str("utf_8_encode", &s, 1)?;
    arg_errors("utf_8_encode", &errors, 2)?;
    let n = s.as_pystr().map_or(0, |p| p.char_len());
    Ok(pair(Value::bytes(text.into_bytes()), n))
}

fn utf_8_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors, final_] = bind("utf_8_decode", args, kw, &["data", "errors=", "final=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors("utf_8_decode", &errors, 2)?;
    let final_ = arg_bool(vm, &final_, false)?;
    let mut d = Dec::new("utf-8", &errors, &data);
    let (s, n) = utf8_decode(vm, &mut d, final_)?;
    Ok(pair(Value::string(s), n))
}

// ---------------------------------------------------------------- Latin-1, ASCII

fn latin_1_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("latin_1_encode", args, kw, &["str", "errors=", "/"])?;
    let text = arg_str("latin_1_encode", &s.unwrap(), 1)?;
    let errors = arg_errors("latin_1_encode", &errors, 2)?;
    encode_narrow(vm, "latin-1", &errors, &text, 256)
}

/// Encode one byte a character for the characters below `limit` (256 for
/// latin-1, 128 for ascii), the others through the error handler.
fn encode_narrow(vm: &mut Vm, encoding: &str, errors: &str, text: &str, limit: u32) -> PyResult<Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut e = Enc::new(encoding, errors, text, &chars);
    let reason = format!("ordinal not in range({limit})");
    encode_with(
        vm,
        &mut e,
        &mut out,
        &mut |_, c, o| {
            if (c as u32) < limit {
                o.push(c as u32 as u8);
                Ok(true)
            } else {
                Ok(false)
            }
        },
        &reason,
    )?;
    Ok(pair(Value::bytes(out), chars.len()))
}

fn latin_1_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors] = bind("latin_1_decode", args, kw, &["data", "errors=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    arg_errors("latin_1_decode", &errors, 2)?;
    let s: String = data.iter().map(|&b| b as char).collect();
    Ok(pair(Value::string(s), data.len()))
}

fn ascii_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("ascii_encode", args, kw, &["str", "errors=", "/"])?;
    let text = arg_str("ascii_encode", &s.unwrap(), 1)?;
    let errors = arg_errors("ascii_encode", &errors, 2)?;
    if text.is_ascii() {
        let n = text.len();
        return Ok(pair(Value::bytes(text.into_bytes()), n));
    }
    encode_narrow(vm, "ascii", &errors, &text, 128)
}

fn ascii_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors] = bind("ascii_decode", args, kw, &["data", "errors=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors("ascii_decode", &errors, 2)?;
    let mut d = Dec::new("ascii", &errors, &data);
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b < 0x80 {
            out.push(b as char);
            i += 1;
        } else {
            i = d.error(vm, &mut out, i, i + 1, "ordinal not in range(128)")?;
        }
    }
    Ok(pair(Value::string(out), data.len()))
}

// ---------------------------------------------------------------- UTF-16

fn utf16_encode_raw(s: &str, bo: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() * 2 + 2);
    let be = bo > 0;
    if bo == 0 {
        v.extend_from_slice(&[0xFF, 0xFE]);
    }
    for u in s.encode_utf16() {
        v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    v
}

fn utf32_encode_raw(s: &str, bo: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() * 4 + 4);
    let be = bo > 0;
    if bo == 0 {
        v.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
    }
    for c in s.chars() {
        let u = c as u32;
        v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    v
}

/// Where decoding starts and the byte order, for byte order `bo` (-1 LE,
/// 1 BE, 0 detect the BOM `le_bom` or its reverse); None when `bo` is 0 and
/// too few bytes have come to tell (unless `final_`).
fn read_bom(data: &[u8], bo: i64, final_: bool, le_bom: &[u8]) -> Option<(usize, i64)> {
    let w = le_bom.len();
    if bo != 0 {
        return Some((0, bo));
    }
    if data.len() < w {
        return final_.then_some((0, 0));
    }
    if data[..w] == *le_bom {
        Some((w, -1))
    } else if data[..w].iter().eq(le_bom.iter().rev()) {
        Some((w, 1))
    } else {
        Some((0, 0))
    }
}

/// Decode UTF-16 with byte order `bo` (-1 LE, 1 BE, 0 detect a BOM).
/// Returns the text, bytes consumed and the byte order found.
pub(crate) fn utf16_decode(vm: &mut Vm, data: &[u8], errors: &str, bo: i64, final_: bool) -> PyResult<(String, usize, i64)> {
    let Some((mut pos, bo)) = read_bom(data, bo, final_, &[0xFF, 0xFE]) else {
        return Ok((String::new(), 0, 0));
    };
    let be = bo > 0;
    let enc = if be { "utf-16-be" } else { "utf-16-le" };
    let mut d = Dec::new(enc, errors, data);
    let unit = |i: usize| -> u16 {
        let b = [data[i], data[i + 1]];
        if be {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    };
    let n = data.len();
    let mut out = String::with_capacity(n / 2);
    while pos < n {
        if pos + 1 >= n {
            if !final_ {
                break;
            }
            pos = d.error(vm, &mut out, pos, n, "truncated data")?;
            continue;
        }
        let u = unit(pos);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            pos = d.error(vm, &mut out, pos, pos + 2, "illegal encoding")?;
            continue;
        }
        if pos + 3 >= n {
            if !final_ {
                break;
            }
            pos = d.error(vm, &mut out, pos, n, "unexpected end of data")?;
            continue;
        }
        let u2 = unit(pos + 2);
        if (0xDC00..0xE000).contains(&u2) {
            let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((u2 as u32) - 0xDC00);
            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
            pos += 4;
        } else {
            pos = d.error(vm, &mut out, pos, pos + 2, "illegal UTF-16 surrogate")?;
        }
    }
    Ok((out, pos, bo))
}

/// Decode UTF-32, as `utf16_decode`.
pub(crate) fn utf32_decode(vm: &mut Vm, data: &[u8], errors: &str, bo: i64, final_: bool) -> PyResult<(String, usize, i64)> {
    let Some((mut pos, bo)) = read_bom(data, bo, final_, &[0xFF, 0xFE, 0, 0]) else {
        return Ok((String::new(), 0, 0));
    };
    let be = bo > 0;
    let enc = if be { "utf-32-be" } else { "utf-32-le" };
    let mut d = Dec::new(enc, errors, data);
    let n = data.len();
    let mut out = String::with_capacity(n / 4);
    while pos < n {
        if pos + 4 > n {
            if !final_ {
                break;
            }
            pos = d.error(vm, &mut out, pos, n, "truncated data")?;
            continue;
        }
        let b = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
        let u = if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
        match char::from_u32(u) {
            Some(c) => {
                out.push(c);
                pos += 4;
            }
            None => {
                let reason = if u < 0x110000 {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                } else {
                    "code point not in range(0x110000)"
                };
                pos = d.error(vm, &mut out, pos, pos + 4, reason)?;
            }
        }
    }
    Ok((out, pos, bo))
}

fn utf_encode_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, wide: bool, fixed: Option<i64>) -> PyResult<Value> {
    let (s, errors, bo) = if fixed.is_some() {
        let [s, errors] = bind(name, args, kw, &["str", "errors=", "/"])?;
        (s, errors, fixed.unwrap_or(0))
    } else {
        let [s, errors, bo] = bind(name, args, kw, &["str", "errors=", "byteorder=", "/"])?;
        let bo = arg_int(vm, &bo, 0)?;
        (s, errors, bo)
    };
    let s = s.unwrap();
    let text = arg_str(name, &s, 1)?;
    arg_errors(name, &errors, 2)?;
    let n = s.as_pystr().map_or(0, |p| p.char_len());
    let b = if wide { utf32_encode_raw(&text, bo) } else { utf16_encode_raw(&text, bo) };
    Ok(pair(Value::bytes(b), n))
}

fn utf_decode_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, wide: bool, bo: i64) -> PyResult<Value> {
    let [data, errors, final_] = bind(name, args, kw, &["data", "errors=", "final=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors(name, &errors, 2)?;
    let final_ = arg_bool(vm, &final_, false)?;
    let (s, n, _) = if wide {
        utf32_decode(vm, &data, &errors, bo, final_)?
    } else {
        utf16_decode(vm, &data, &errors, bo, final_)?
    };
    Ok(pair(Value::string(s), n))
}

fn utf_ex_decode(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, wide: bool) -> PyResult<Value> {
    let [data, errors, bo, final_] = bind(name, args, kw, &["data", "errors=", "byteorder=", "final=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors(name, &errors, 2)?;
    let bo = arg_int(vm, &bo, 0)?;
    let final_ = arg_bool(vm, &final_, false)?;
    let (s, n, bo) = if wide {
        utf32_decode(vm, &data, &errors, bo, final_)?
    } else {
        utf16_decode(vm, &data, &errors, bo, final_)?
    };
    Ok(Value::tuple(vec![Value::string(s), Value::int(n as i64), Value::int(bo)]))
}

fn utf_16_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_16_encode", false, None)
}
fn utf_16_le_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_16_le_encode", false, Some(-1))
}
fn utf_16_be_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_16_be_encode", false, Some(1))
}
fn utf_32_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_32_encode", true, None)
}
fn utf_32_le_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_32_le_encode", true, Some(-1))
}
fn utf_32_be_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_encode_common(vm, a, k, "utf_32_be_encode", true, Some(1))
}
fn utf_16_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_16_decode", false, 0)
}
fn utf_16_le_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_16_le_decode", false, -1)
}
fn utf_16_be_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_16_be_decode", false, 1)
}
fn utf_32_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_32_decode", true, 0)
}
fn utf_32_le_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_32_le_decode", true, -1)
}
fn utf_32_be_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_decode_common(vm, a, k, "utf_32_be_decode", true, 1)
}
fn utf_16_ex_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_ex_decode(vm, a, k, "utf_16_ex_decode", false)
}
fn utf_32_ex_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    utf_ex_decode(vm, a, k, "utf_32_ex_decode", true)
}

// ---------------------------------------------------------------- charmap

/// `EncodingMap`: a character -> byte table built by `charmap_build`.
pub struct EncodingMap {
    map: std::collections::HashMap<u32, u8>,
    /// What CPython's `size()` reports (its two-level table's byte size).
    size: usize,
}

impl NativeData for EncodingMap {}

static ENCODING_MAP: GilSlot = GilSlot::new();

fn encoding_map_type() -> Value {
    ENCODING_MAP.get_or_init(|| {
        let t = new_type("builtins", "EncodingMap", None);
        add_method(&t, "size", encoding_map_size);
        t
    })
}

fn encoding_map_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = with_opaque::<EncodingMap, _>(&args[0], |m| m.size).unwrap_or(0);
    Ok(Value::int(n as i64))
}

fn charmap_build(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [table] = bind("charmap_build", args, kw, &["map", "/"])?;
    let table = arg_str("charmap_build", &table.unwrap(), 1)?;
    let chars: Vec<char> = table.chars().take(256).collect();
    // Like CPython: a dict unless the table maps 0 to NUL and stays in the BMP.
    let mut l2 = std::collections::HashSet::new();
    let mut l3 = std::collections::HashSet::new();
    for &c in chars.iter().skip(1).filter(|&&c| c != '\u{FFFE}') {
        l2.insert(c as u32 >> 11);
        l3.insert(c as u32 >> 7);
    }
    let need_dict = chars.first().map_or(true, |&c| c != '\0')
        || chars.iter().skip(1).any(|&c| c == '\0' || (c as u32) > 0xFFFF)
        || l2.len() >= 0xFF
        || l3.len() >= 0xFF;
    let size = 63 + 16 * l2.len() + 128 * l3.len();
    if need_dict {
        let d = dict::new_dict();
        for (i, &c) in chars.iter().enumerate() {
            dict::dict_set(vm, &d, Value::int(c as i64), Value::int(i as i64))?;
        }
        return Ok(d);
    }
    let mut map = std::collections::HashMap::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '\u{FFFE}' {
            map.insert(c as u32, i as u8);
        }
    }
    Ok(new_opaque(&encoding_map_type(), EncodingMap { map, size }))
}

fn is_lookup_error(e: &PyErr) -> bool {
    e.matches(&types().exc.lookup_error)
}

fn charmap_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors, mapping] = bind("charmap_decode", args, kw, &["data", "errors=", "mapping=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors("charmap_decode", &errors, 2)?;
    let mapping = mapping.filter(|m| !m.is_none());
    let Some(mapping) = mapping else {
        let s: String = data.iter().map(|&b| b as char).collect();
        return Ok(pair(Value::string(s), data.len()));
    };
    let mut d = Dec::new("charmap", &errors, &data);
    let mut out = String::with_capacity(data.len());
    const UNDEF: &str = "character maps to <undefined>";
    if let Some(table) = mapping.as_pystr() {
        let tchars: Vec<char> = table.as_str().chars().collect();
        let mut i = 0;
        while i < data.len() {
            let b = data[i] as usize;
            match tchars.get(b) {
                Some(&c) if c != '\u{FFFE}' => {
                    out.push(c);
                    i += 1;
                }
                _ => i = d.error(vm, &mut out, i, i + 1, UNDEF)?,
            }
        }
        return Ok(pair(Value::string(out), data.len()));
    }
    let mut i = 0;
    while i < data.len() {
        let key = Value::int(data[i] as i64);
        let v = match vm.getitem(&mapping, &key) {
            Ok(v) => Some(v),
            Err(e) if is_lookup_error(&e) => None,
            Err(e) => return Err(e),
        };
        let ok = match v {
            None => false,
            Some(v) if v.is_none() => false,
            Some(v) => {
                if v.is_int() {
                    let n = v.as_i64().unwrap_or(-1);
                    if !(0..0x110000).contains(&n) {
                        return Err(PyErr::type_error("character mapping must be in range(0x110000)"));
                    }
                    if n == 0xFFFE {
                        false
                    } else {
                        out.push(char::from_u32(n as u32).unwrap_or('\u{FFFD}'));
                        true
                    }
                } else if let Some(s) = v.as_str() {
                    if s == "\u{FFFE}" {
                        false
                    } else {
                        out.push_str(s);
                        true
                    }
                } else {
                    return Err(PyErr::type_error("character mapping must return integer, None or str"));
                }
            }
        };
        if ok {
            i += 1;
        } else {
            i = d.error(vm, &mut out, i, i + 1, UNDEF)?;
        }
    }
    Ok(pair(Value::string(out), data.len()))
}

fn charmap_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors, mapping] = bind("charmap_encode", args, kw, &["str", "errors=", "mapping=", "/"])?;
    let text = arg_str("charmap_encode", &s.unwrap(), 1)?;
    let errors = arg_errors("charmap_encode", &errors, 2)?;
    let mapping = mapping.filter(|m| !m.is_none());
    let Some(mapping) = mapping else {
        return encode_narrow(vm, "latin-1", &errors, &text, 256);
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut e = Enc::new("charmap", &errors, &text, &chars);
    const UNDEF: &str = "character maps to <undefined>";
    let fast: Option<std::collections::HashMap<u32, u8>> = with_opaque::<EncodingMap, _>(&mapping, |m| m.map.clone());
    if let Some(table) = fast {
        encode_with(
            vm,
            &mut e,
            &mut out,
            &mut |_, c, o| match table.get(&(c as u32)) {
                Some(&b) => {
                    o.push(b);
                    Ok(true)
                }
                None => Ok(false),
            },
            UNDEF,
        )?;
        return Ok(pair(Value::bytes(out), chars.len()));
    }
    encode_with(
        vm,
        &mut e,
        &mut out,
        &mut |vm, c, o| {
            let v = match vm.getitem(&mapping, &Value::int(c as i64)) {
                Ok(v) => v,
                Err(e) if is_lookup_error(&e) => return Ok(false),
                Err(e) => return Err(e),
            };
            if v.is_none() {
                return Ok(false);
            }
            if v.is_int() {
                let n = v.as_i64().unwrap_or(-1);
                if !(0..256).contains(&n) {
                    return Err(PyErr::type_error("character mapping must be in range(256)"));
                }
                o.push(n as u8);
                return Ok(true);
            }
            if let Some(b) = v.as_bytes() {
                o.extend_from_slice(b);
                return Ok(true);
            }
            Err(PyErr::type_error(format!(
                "character mapping must return integer, bytes or None, not {}",
                tname(&v)
            )))
        },
        UNDEF,
    )?;
    Ok(pair(Value::bytes(out), chars.len()))
}

fn readbuffer_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors] = bind("readbuffer_encode", args, kw, &["data", "errors=", "/"])?;
    let data = arg_buffer_or_str(&data.unwrap())?;
    arg_errors("readbuffer_encode", &errors, 2)?;
    let n = data.len();
    Ok(pair(Value::bytes(data), n))
}

// ---------------------------------------------------------------- module

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_codecs");
    set_attr(&m, "__doc__", Value::NONE);
    let fs: &[(&'static str, crate::object::NativeFn)] = &[
        ("register", f_register),
        ("unregister", f_unregister),
        ("lookup", f_lookup),
        ("encode", f_encode),
        ("decode", f_decode),
        ("register_error", f_register_error),
        ("lookup_error", f_lookup_error),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("charmap_build", charmap_build),
        ("charmap_decode", charmap_decode),
        ("charmap_encode", charmap_encode),
        ("readbuffer_encode", readbuffer_encode),
        ("unicode_escape_encode", escapes::unicode_escape_encode),
        ("unicode_escape_decode", escapes::unicode_escape_decode),
        ("raw_unicode_escape_encode", escapes::raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", escapes::raw_unicode_escape_decode),
        ("escape_encode", escapes::escape_encode),
        ("escape_decode", escapes::escape_decode),
        ("utf_7_encode", escapes::utf_7_encode),
        ("utf_7_decode", escapes::utf_7_decode),
    ];
    for (name, f) in fs {
        add_function(&m, name, *f);
    }
    let _ = add_native;
    m
}
