//! JSON encoding: `encode_basestring(_ascii)` and the `Encoder` type
//! (`make_encoder`), used by `json.JSONEncoder.iterencode(o, _one_shot=True)`
//! when `indent` is None. The encoder writes the whole document into one
//! `String` and returns it as a one-element list of chunks.

use super::tname;
use crate::args::bind;
use crate::object::{new_opaque, with_opaque, NativeData, Payload};
use crate::types::float::float_of;
use crate::types::{add_getset, dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

const HEX: &[u8; 16] = b"0123456789abcdef";

#[inline]
fn push_u(out: &mut String, c: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((c >> shift) & 0xf) as usize] as char);
    }
}

/// The escape of an ASCII byte that needs one (in both modes).
#[inline]
fn push_ascii_escape(out: &mut String, c: u8) {
    match c {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => push_u(out, c as u32),
    }
}

/// `"..."` with every non-printable-ASCII character escaped.
pub fn escape_ascii(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if (b' '..=b'~').contains(&c) && c != b'"' && c != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        if c < 0x80 {
            push_ascii_escape(out, c);
            i += 1;
        } else {
            let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
            let cp = ch as u32;
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                push_u(out, 0xD800 | (v >> 10));
                push_u(out, 0xDC00 | (v & 0x3ff));
            } else {
                push_u(out, cp);
            }
            i += ch.len_utf8();
        }
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// `"..."` escaping only quotes, backslashes and control characters.
pub fn escape_unicode(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let b = s.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        out.push_str(&s[run..i]);
        push_ascii_escape(out, c);
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn str_arg<'a>(args: &'a [Value], kw: &[Value], fname: &str) -> PyResult<&'a str> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{fname}() takes exactly one argument ({} given)", args.len())));
    }
    args[0]
        .as_str()
        .ok_or_else(|| PyErr::type_error(format!("first argument must be a string, not {:.80}", tname(&args[0]))))
}

/// `encode_basestring_ascii(s)`.
pub fn encode_basestring_ascii(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(args, kw, "encode_basestring_ascii")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_ascii(&mut out, s);
    Ok(Value::string(out))
}

/// `encode_basestring(s)`.
pub fn encode_basestring(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(args, kw, "encode_basestring")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_unicode(&mut out, s);
    Ok(Value::string(out))
}

/// Which native escaper the `encoder` argument is, if any.
#[derive(Clone, Copy, PartialEq)]
enum Fast {
    None,
    Ascii,
    Unicode,
}

fn fast_of(f: &Value) -> Fast {
    if let Some(Payload::Native(n)) = f.as_obj().map(|o| &o.payload) {
        if n.func as usize == encode_basestring_ascii as *const () as usize {
            return Fast::Ascii;
        }
        if n.func as usize == encode_basestring as *const () as usize {
            return Fast::Unicode;
        }
    }
    Fast::None
}

#[derive(Clone)]
struct EncoderState {
    markers: Value,
    default: Value,
    encoder: Value,
    indent: Value,
    key_sep: Value,
    item_sep: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    fast: Fast,
}

impl NativeData for EncoderState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.markers);
        f(&self.default);
        f(&self.encoder);
        f(&self.indent);
        f(&self.key_sep);
        f(&self.item_sep);
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        for v in [
            &mut self.markers,
            &mut self.default,
            &mut self.encoder,
            &mut self.indent,
            &mut self.key_sep,
            &mut self.item_sep,
        ] {
            out.push(std::mem::replace(v, Value::NONE));
        }
        self.fast = Fast::None;
    }
}

/// `make_encoder(markers, default, encoder, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`.
pub fn encoder_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [markers, default, encoder, indent, key_sep, item_sep, sort_keys, skipkeys, allow_nan] = if kw.is_empty()
        && args.len() == 10
    {
        std::array::from_fn(|i| Some(args[i + 1].clone()))
    } else {
        bind(
        "make_encoder",
        &args[1..],
        kw,
        &[
            "markers",
            "default",
            "encoder",
            "indent",
            "key_separator",
            "item_separator",
            "sort_keys",
            "skipkeys",
            "allow_nan",
        ],
    )?
    };
    let markers = markers.unwrap_or(Value::NONE);
    if !markers.is_none() && markers.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {:.200}",
            tname(&markers)
        )));
    }
    let key_sep = key_sep.unwrap_or(Value::NONE);
    if key_sep.as_str().is_none() {
        return Err(PyErr::type_error(format!("make_encoder() argument 5 must be str, not {}", tname(&key_sep))));
    }
    let item_sep = item_sep.unwrap_or(Value::NONE);
    if item_sep.as_str().is_none() {
        return Err(PyErr::type_error(format!("make_encoder() argument 6 must be str, not {}", tname(&item_sep))));
    }
    let sort_keys = vm.truthy(&sort_keys.unwrap_or(Value::NONE))?;
    let skipkeys = vm.truthy(&skipkeys.unwrap_or(Value::NONE))?;
    let allow_nan = vm.truthy(&allow_nan.unwrap_or(Value::NONE))?;
    let encoder = encoder.unwrap_or(Value::NONE);
    let fast = fast_of(&encoder);
    let st = EncoderState {
        markers,
        default: default.unwrap_or(Value::NONE),
        encoder,
        indent: indent.unwrap_or(Value::NONE),
        key_sep,
        item_sep,
        sort_keys,
        skipkeys,
        allow_nan,
        fast,
    };
    Ok(new_opaque(&args[0], st))
}

fn state(v: &Value) -> PyResult<EncoderState> {
    with_opaque::<EncoderState, _>(v, |s| s.clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_json.Encoder' object"))
}

macro_rules! encoder_member {
    ($f:ident, $field:ident) => {
        fn $f(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            Ok(state(&args[0])?.$field.clone())
        }
    };
}
encoder_member!(get_markers, markers);
encoder_member!(get_default, default);
encoder_member!(get_encoder, encoder);
encoder_member!(get_indent, indent);
encoder_member!(get_key_sep, key_sep);
encoder_member!(get_item_sep, item_sep);

fn get_sort_keys(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(state(&args[0])?.sort_keys))
}
fn get_skipkeys(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(state(&args[0])?.skipkeys))
}

pub fn add_members(cls: &Value) {
    add_getset(cls, "markers", get_markers, None);
    add_getset(cls, "default", get_default, None);
    add_getset(cls, "encoder", get_encoder, None);
    add_getset(cls, "indent", get_indent, None);
    add_getset(cls, "key_separator", get_key_sep, None);
    add_getset(cls, "item_separator", get_item_sep, None);
    add_getset(cls, "sort_keys", get_sort_keys, None);
    add_getset(cls, "skipkeys", get_skipkeys, None);
}

/// One encoding run.
struct Enc {
    st: EncoderState,
    key_sep: String,
    item_sep: String,
}

fn float_text(allow_nan: bool, x: f64) -> PyResult<Cow<'static, str>> {
    if !x.is_finite() {
        if !allow_nan {
            return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
        }
        return Ok(Cow::Borrowed(if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }));
    }
    Ok(Cow::Owned(crate::text::float_repr::float_repr(x)))
}

use std::borrow::Cow;

fn int_text(v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Int(b)) => crate::text::numparse::int_to_decimal(b).map_err(crate::text::to_pyerr),
        _ => Ok(crate::types::int::int_repr(v)),
    }
}

impl Enc {
    fn encode_obj(&self, vm: &mut Vm, out: &mut String, obj: &Value) -> PyResult<()> {
        if obj.is_none() {
            out.push_str("null");
            return Ok(());
        }
        if obj.is_bool() {
            out.push_str(if obj.is_true_singleton() { "true" } else { "false" });
            return Ok(());
        }
        if let Some(i) = obj.as_small_int() {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
            return Ok(());
        }
        if let Some(x) = obj.as_float() {
            out.push_str(&float_text(self.st.allow_nan, x)?);
            return Ok(());
        }
        let Some(o) = obj.as_obj() else {
            return self.encode_default(vm, out, obj);
        };
        match &o.payload {
            Payload::Str(s) => self.encode_str(vm, out, obj, s.as_str()),
            Payload::Int(_) => {
                out.push_str(&int_text(obj)?);
                Ok(())
            }
            Payload::Float(x) => {
                out.push_str(&float_text(self.st.allow_nan, *x)?);
                Ok(())
            }
            Payload::List(_) | Payload::Tuple(_) => {
                vm.enter_call()?;
                let r = self.encode_list(vm, out, obj);
                vm.leave_call();
                r
            }
            Payload::Dict(_) => {
                vm.enter_call()?;
                let r = self.encode_dict(vm, out, obj);
                vm.leave_call();
                r
            }
            _ => self.encode_default(vm, out, obj),
        }
    }

    fn encode_str(&self, vm: &mut Vm, out: &mut String, obj: &Value, text: &str) -> PyResult<()> {
        match self.st.fast {
            Fast::Ascii => escape_ascii(out, text),
            Fast::Unicode => escape_unicode(out, text),
            Fast::None => {
                let r = vm.call(&self.st.encoder, &[obj.clone()])?;
                match r.as_str() {
                    Some(t) => out.push_str(t),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "encoder() must return a string, not {:.80}",
                            tname(&r)
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    /// Enter `obj` in the markers dict (circular reference check).
    fn mark(&self, vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
        if self.st.markers.is_none() {
            return Ok(None);
        }
        let ident = Value::int(obj.id());
        if dict::dict_get(vm, &self.st.markers, &ident)?.is_some() {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        dict::dict_set(vm, &self.st.markers, ident.clone(), obj.clone())?;
        Ok(Some(ident))
    }

    fn unmark(&self, vm: &mut Vm, ident: Option<Value>) -> PyResult<()> {
        if let Some(ident) = ident {
            if dict::dict_del(vm, &self.st.markers, &ident)?.is_none() {
                return Err(PyErr::key_error(ident));
            }
        }
        Ok(())
    }

    fn encode_list(&self, vm: &mut Vm, out: &mut String, obj: &Value) -> PyResult<()> {
        let Some(o) = obj.as_obj() else { return Ok(()) };
        let item = |i: usize| -> Option<Value> {
            match &o.payload {
                Payload::List(l) => l.borrow().get(i).cloned(),
                Payload::Tuple(t) => t.get(i).cloned(),
                _ => None,
            }
        };
        if item(0).is_none() {
            out.push_str("[]");
            return Ok(());
        }
        let ident = self.mark(vm, obj)?;
        out.push('[');
        let mut i = 0;
        while let Some(v) = item(i) {
            if i > 0 {
                out.push_str(&self.item_sep);
            }
            self.encode_obj(vm, out, &v)?;
            i += 1;
        }
        self.unmark(vm, ident)?;
        out.push(']');
        Ok(())
    }

    fn encode_dict(&self, vm: &mut Vm, out: &mut String, obj: &Value) -> PyResult<()> {
        let Some(cell) = obj.as_dict() else { return Ok(()) };
        if cell.borrow().is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        let ident = self.mark(vm, obj)?;
        out.push('{');
        let exact = obj.as_obj().map_or(false, |o| std::ptr::eq(o.ty(), types().dict.as_obj().unwrap()));
        let mut items: Vec<(Value, Value)> = if exact {
            cell.borrow().items()
        } else {
            let r = vm.call_method(obj, "items", &[])?;
            let list = vm.collect(&r)?;
            let mut v = Vec::with_capacity(list.len());
            for it in list {
                match it.as_tuple() {
                    Some([k, val]) => v.push((k.clone(), val.clone())),
                    _ => return Err(PyErr::value_error("items must return 2-tuples")),
                }
            }
            v
        };
        if self.st.sort_keys {
            if items.iter().all(|(k, _)| k.as_pystr_exact().is_some()) {
                items.sort_by(|a, b| a.0.as_str().unwrap_or("").cmp(b.0.as_str().unwrap_or("")));
            } else {
                let tuples: Vec<Value> = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
                let sorted = crate::types::list::sort_values(vm, tuples, None, false)?;
                items = sorted
                    .into_iter()
                    .filter_map(|t| match t.as_tuple() {
                        Some([k, v]) => Some((k.clone(), v.clone())),
                        _ => None,
                    })
                    .collect();
            }
        }
        let mut first = true;
        for (k, v) in items {
            // The key as text: str keys as they are, others converted.
            let converted: Option<String> = if k.as_pystr().is_some() {
                None
            } else if let Some(x) = float_of(&k) {
                Some(float_text(self.st.allow_nan, x)?.into_owned())
            } else if k.is_bool() || k.is_none() {
                Some(if k.is_none() { "null" } else if k.is_true_singleton() { "true" } else { "false" }.to_string())
            } else if k.is_int() {
                Some(int_text(&k)?)
            } else if self.st.skipkeys {
                continue;
            } else {
                return Err(PyErr::type_error(format!(
                    "keys must be str, int, float, bool or None, not {:.100}",
                    tname(&k)
                )));
            };
            if !first {
                out.push_str(&self.item_sep);
            }
            first = false;
            match converted {
                None => {
                    let text = k.as_str().unwrap_or("");
                    self.encode_str(vm, out, &k, text)?;
                }
                Some(t) => {
                    if self.st.fast == Fast::None {
                        let kv = Value::string(t.clone());
                        self.encode_str(vm, out, &kv, &t)?;
                    } else {
                        self.encode_str(vm, out, &Value::NONE, &t)?;
                    }
                }
            }
            out.push_str(&self.key_sep);
            self.encode_obj(vm, out, &v)?;
        }
        self.unmark(vm, ident)?;
        out.push('}');
        Ok(())
    }

    fn encode_default(&self, vm: &mut Vm, out: &mut String, obj: &Value) -> PyResult<()> {
        let ident = self.mark(vm, obj)?;
        let newobj = vm.call(&self.st.default, &[obj.clone()])?;
        vm.enter_call()?;
        let r = self.encode_obj(vm, out, &newobj);
        vm.leave_call();
        r?;
        self.unmark(vm, ident)
    }
}

/// `encoder(obj, _current_indent_level)` -> [json text].
pub fn encoder_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (obj, level) = if kw.is_empty() && args.len() == 3 {
        (args[1].clone(), args[2].clone())
    } else {
        let [o, l] = bind("_iterencode", &args[1..], kw, &["obj", "_current_indent_level"])?;
        (o.unwrap_or(Value::NONE), l.unwrap_or(Value::NONE))
    };
    vm.index_value(&level)?;
    let st = state(&args[0])?;
    let enc = Enc {
        key_sep: st.key_sep.as_str().unwrap_or("").to_string(),
        item_sep: st.item_sep.as_str().unwrap_or("").to_string(),
        st,
    };
    let mut out = String::new();
    enc.encode_obj(vm, &mut out, &obj)?;
    Ok(Value::list(vec![Value::string(out)]))
}
