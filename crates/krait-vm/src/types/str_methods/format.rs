//! `str.format` / `str.format_map` (the replacement-field grammar, with
//! CPython 3.11's parsing order and messages) and `%`-formatting for str and
//! bytes (`percent_core`, driven by `text::printf`).

use super::{slf, tname};
use crate::text::printf::{format_percent_float, format_percent_int, format_percent_text, Count, PercentParser, PercentPiece, PercentSpec};
use crate::text::to_pyerr;
use crate::types::{lookup, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::BigInt;

// ---------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------

/// Where replacement fields take their values from.
struct FmtArgs<'a> {
    pos: &'a [Value],
    /// Keyword arguments (a dict) or the `format_map` mapping.
    kw: Option<Value>,
    /// `format_map`: positional fields are an error.
    is_map: bool,
    /// -1 not decided; 0 manual; 1 automatic.
    auto_state: i8,
    auto_next: usize,
}

fn verr(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// CPython's `get_integer`: all-digit text as a number, None otherwise.
fn parse_decimal(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut v: usize = 0;
    for &c in s {
        // Any Unicode decimal digit counts, as in CPython (`"{٣}"` is index 3).
        let d = match crate::text::strmethods::decimal_value(c) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| verr("Too many decimal digits in format string"))?;
    }
    Ok(Some(v))
}

fn chars_to_string(c: &[char]) -> String {
    c.iter().collect()
}

// ---------------------------------------------------------------------
// The format-string grammar (shared with `_string`)
// ---------------------------------------------------------------------

/// A part of a field name: a decimal index or other text (possibly empty).
pub(crate) enum FieldKey<'a> {
    Index(usize),
    Name(&'a [char]),
}

impl FieldKey<'_> {
    /// As a Python value: an int or a str.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            FieldKey::Index(n) => Value::int(*n as i64),
            FieldKey::Name(s) => Value::string(chars_to_string(s)),
        }
    }
}

fn field_key(s: &[char]) -> PyResult<FieldKey<'_>> {
    Ok(match parse_decimal(s)? {
        Some(n) => FieldKey::Index(n),
        None => FieldKey::Name(s),
    })
}

/// The `.attr` / `[key]` parts after a field name's first part, parsed
/// lazily (as CPython does, so lookups and syntax errors interleave).
/// Items are `(is_attribute, key)`; attributes are always `Name`s.
pub(crate) struct FieldRest<'a> {
    name: &'a [char],
    pos: usize,
}

impl<'a> FieldRest<'a> {
    fn step(&mut self) -> PyResult<(bool, FieldKey<'a>)> {
        let name = self.name;
        let mut i = self.pos;
        let c = name[i];
        i += 1;
        let part = if c == '.' {
            let st = i;
            while i < name.len() && name[i] != '.' && name[i] != '[' {
                i += 1;
            }
            if i == st {
                return Err(verr("Empty attribute in format string"));
            }
            (true, FieldKey::Name(&name[st..i]))
        } else if c == '[' {
            let st = i;
            while i < name.len() && name[i] != ']' {
                i += 1;
            }
            if i >= name.len() {
                return Err(verr("Missing ']' in format string"));
            }
            let keyc = &name[st..i];
            i += 1;
            if keyc.is_empty() {
                return Err(verr("Empty attribute in format string"));
            }
            (false, field_key(keyc)?)
        } else {
            // Only after `]`: reported when this part is reached, i.e.
            // after the previous lookup.
            return Err(verr("Only '.' or '[' may follow ']' in format field specifier"));
        };
        self.pos = i;
        Ok(part)
    }
}

impl<'a> Iterator for FieldRest<'a> {
    type Item = PyResult<(bool, FieldKey<'a>)>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.name.len() {
            return None;
        }
        let r = self.step();
        if r.is_err() {
            self.pos = self.name.len();
        }
        Some(r)
    }
}

/// Split a field name (`0`, `name`, `0.attr[key]`) into its first part
/// and the rest; an empty first part is `Name(&[])`.
pub(crate) fn split_field_name(name: &[char]) -> PyResult<(FieldKey<'_>, FieldRest<'_>)> {
    let mut i = 0;
    while i < name.len() && name[i] != '.' && name[i] != '[' {
        i += 1;
    }
    Ok((field_key(&name[..i])?, FieldRest { name, pos: i }))
}

/// A replacement field `{name!conversion:spec}`.
pub(crate) struct FormatField<'a> {
    pub name: &'a [char],
    pub conversion: Option<char>,
    /// Empty when absent.
    pub spec: &'a [char],
    /// The spec holds nested `{...}` fields.
    pub spec_nested: bool,
}

/// The pieces of a format string, parsed lazily: each is literal text
/// (`{{`/`}}` unescaped: a literal ends after an escaped brace) and the
/// replacement field that follows it, if any. After an error, it ends.
pub(crate) struct FormatPieces<'a> {
    fmt: &'a [char],
    pos: usize,
}

pub(crate) fn format_pieces(fmt: &[char]) -> FormatPieces<'_> {
    FormatPieces { fmt, pos: 0 }
}

impl<'a> FormatPieces<'a> {
    fn step(&mut self) -> PyResult<(&'a [char], Option<FormatField<'a>>)> {
        let fmt = self.fmt;
        let n = fmt.len();
        let mut pos = self.pos;
        // Literal text up to a brace.
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < n {
            c = fmt[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if markup && c == '}' && (at_end || fmt[pos] != '}') {
            return Err(verr("Single '}' encountered in format string"));
        }
        if markup && at_end && c == '{' {
            return Err(verr("Single '{' encountered in format string"));
        }
        if markup {
            if fmt[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = &fmt[start..start + len];
        if !markup {
            self.pos = pos;
            return Ok((literal, None));
        }
        // The field: name, then `!conversion` and/or `:spec`.
        let name_start = pos;
        let mut c = '\0';
        while pos < n {
            c = fmt[pos];
            pos += 1;
            match c {
                '{' => return Err(verr("unexpected '{' in field name")),
                '[' => {
                    while pos < n && fmt[pos] != ']' {
                        pos += 1;
                    }
                    c = '\0';
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => {
                    c = '\0';
                    continue;
                }
            }
        }
        let name_end = if matches!(c, '}' | ':' | '!') { pos - 1 } else { pos };
        let name = &fmt[name_start..name_end];
        let mut conversion: Option<char> = None;
        let mut spec: &[char] = &[];
        let mut spec_nested = false;
        if c == '!' || c == ':' {
            let mut spec_follows = true;
            if c == '!' {
                if pos >= n {
                    return Err(verr("end of string while looking for conversion specifier"));
                }
                // A NUL conversion character means "none", as in CPython.
                conversion = Some(fmt[pos]).filter(|&c| c != '\0');
                pos += 1;
                if pos < n {
                    let c2 = fmt[pos];
                    pos += 1;
                    if c2 == '}' {
                        spec_follows = false;
                    } else if c2 != ':' {
                        return Err(verr("expected ':' after conversion specifier"));
                    }
                }
            }
            if spec_follows {
                let sstart = pos;
                let mut count = 1;
                let mut closed = false;
                while pos < n {
                    let ch = fmt[pos];
                    pos += 1;
                    if ch == '{' {
                        spec_nested = true;
                        count += 1;
                    } else if ch == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = &fmt[sstart..pos - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(verr("unmatched '{' in format spec"));
                }
            }
        } else if c != '}' {
            return Err(verr("expected '}' before end of string"));
        }
        self.pos = pos;
        Ok((literal, Some(FormatField { name, conversion, spec, spec_nested })))
    }
}

impl<'a> Iterator for FormatPieces<'a> {
    type Item = PyResult<(&'a [char], Option<FormatField<'a>>)>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.fmt.len() {
            return None;
        }
        let r = self.step();
        if r.is_err() {
            self.pos = self.fmt.len();
        }
        Some(r)
    }
}

// ---------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------

/// Resolve a field name (`0`, `name`, `0.attr[key]`, empty = automatic).
fn get_field(vm: &mut Vm, name: &[char], fa: &mut FmtArgs) -> PyResult<Value> {
    let (first, rest) = split_field_name(name)?;
    let mut obj = match first {
        FieldKey::Name(s) if !s.is_empty() => {
            let key = Value::string(chars_to_string(s));
            match &fa.kw {
                None => return Err(PyErr::key_error(key)),
                Some(d) => {
                    if !fa.is_map {
                        match crate::types::dict::dict_get(vm, d, &key)? {
                            Some(v) => v,
                            None => return Err(PyErr::key_error(key)),
                        }
                    } else {
                        let d = d.clone();
                        vm.getitem(&d, &key)?
                    }
                }
            }
        }
        first => {
            let idx = match first {
                FieldKey::Index(n) => {
                    if fa.auto_state == 1 {
                        return Err(verr("cannot switch from automatic field numbering to manual field specification"));
                    }
                    fa.auto_state = 0;
                    n
                }
                FieldKey::Name(_) => {
                    if fa.auto_state == 0 {
                        return Err(verr("cannot switch from manual field specification to automatic field numbering"));
                    }
                    fa.auto_state = 1;
                    let n = fa.auto_next;
                    fa.auto_next += 1;
                    n
                }
            };
            if fa.is_map {
                return Err(verr("Format string contains positional fields"));
            }
            match fa.pos.get(idx) {
                Some(v) => v.clone(),
                None => {
                    return Err(PyErr::index_error(format!(
                        "Replacement index {idx} out of range for positional args tuple"
                    )))
                }
            }
        }
    };
    // The rest: `.attr` and `[key]` parts.
    for part in rest {
        let (is_attr, key) = part?;
        obj = if is_attr { vm.getattr(&obj, &key.to_value())? } else { vm.getitem(&obj, &key.to_value())? };
    }
    Ok(obj)
}

/// Format `fmt` (as chars) into `out`; `depth` limits nested specs.
fn vformat(vm: &mut Vm, fmt: &[char], fa: &mut FmtArgs, depth: i32, out: &mut String) -> PyResult<()> {
    if depth <= 0 {
        return Err(verr("Max string recursion exceeded"));
    }
    for piece in format_pieces(fmt) {
        let (literal, field) = piece?;
        out.extend(literal);
        let Some(FormatField { name, conversion, spec, spec_nested }) = field else {
            continue;
        };
        // Render.
        let obj = get_field(vm, name, fa)?;
        let obj = match conversion {
            None => obj,
            Some('r') => vm.repr(&obj)?,
            Some('s') => vm.str(&obj)?,
            Some('a') => crate::builtins::ascii_of(vm, &obj)?,
            Some(x) => {
                let shown = if (x as u32) > 32 && (x as u32) < 127 {
                    x.to_string()
                } else {
                    format!("\\x{:x}", x as u32)
                };
                return Err(verr(&format!("Unknown conversion specifier {shown}")));
            }
        };
        let spec_s: String = if spec_nested {
            let mut s = String::new();
            vformat(vm, spec, fa, depth - 1, &mut s)?;
            s
        } else {
            spec.iter().collect()
        };
        if spec_s.is_empty() {
            if let Some(s) = obj.as_pystr_exact() {
                out.push_str(s.as_str());
                continue;
            }
            if let Some(i) = obj.as_small_int() {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
                continue;
            }
        }
        let r = vm.format(&obj, &spec_s)?;
        out.push_str(r.as_str().unwrap_or(""));
    }
    Ok(())
}

/// `fmt.format(*args, **kwargs)` on Rust text.
pub fn format_with(vm: &mut Vm, fmt: &str, pos: &[Value], kw: Option<Value>, is_map: bool) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut fa = FmtArgs { pos, kw, is_map, auto_state: -1, auto_next: 0 };
    let mut out = String::with_capacity(fmt.len() + 16);
    vformat(vm, &chars, &mut fa, 2, &mut out)?;
    Ok(out)
}

pub fn str_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "format")?;
    let npos = args.len() - kw.len();
    if npos == 0 {
        return Err(PyErr::type_error("unbound method str.format() needs an argument"));
    }
    let kwd = if kw.is_empty() {
        None
    } else {
        let d = crate::types::dict::new_dict();
        for (k, v) in kw.iter().zip(&args[npos..]) {
            crate::types::dict::dict_set(vm, &d, k.clone(), v.clone())?;
        }
        Some(d)
    };
    let fmt = s.as_str().to_string();
    let out = format_with(vm, &fmt, &args[1..npos], kwd, false)?;
    Ok(Value::string(out))
}

pub fn str_format_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "format_map")?;
    crate::args::check_arity("format_map", &args[1..], kw, 1, 1)?;
    let fmt = s.as_str().to_string();
    let out = format_with(vm, &fmt, &[], Some(args[1].clone()), true)?;
    Ok(Value::string(out))
}

// ---------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------

/// The arguments of a `%` operation and the position in them.
struct PctArgs {
    args: Value,
    /// Number of positional args, or -1 for a single non-tuple argument.
    arglen: i64,
    idx: i64,
}

impl PctArgs {
    fn next(&mut self) -> PyResult<Value> {
        if self.idx < self.arglen {
            self.idx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            let t = self.args.as_tuple().unwrap_or(&[]);
            return Ok(t.get((self.idx - 1) as usize).cloned().unwrap_or(Value::NONE));
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

fn star_value(v: &Value) -> PyResult<BigInt> {
    if v.is_int() {
        return Ok(v.to_bigint().unwrap_or_default());
    }
    Err(PyErr::type_error("* wants int"))
}

/// The int to format for `%d %i %u %o %x %X`.
fn percent_int_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        if !type_ref(v).type_data().heap || lookup(type_ref(v), "__index__").is_none() {
            return Ok(b);
        }
    }
    let ty = type_ref(v);
    let is_num = crate::types::float::float_of(v).is_some()
        || lookup(ty, "__index__").is_some()
        || lookup(ty, "__int__").is_some()
        || lookup(ty, "__float__").is_some();
    if matches!(conv, 'o' | 'x' | 'X') {
        if lookup(ty, "__index__").is_some() && crate::types::float::float_of(v).is_none() {
            let r = vm.call_special(v, "__index__", &[])?.unwrap_or(Value::NONE);
            return r.to_bigint().ok_or_else(|| {
                PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r)))
            });
        }
        return Err(PyErr::type_error(format!(
            "%{conv} format: an integer is required, not {}",
            tname(v)
        )));
    }
    if !is_num {
        return Err(PyErr::type_error(format!(
            "%{conv} format: a real number is required, not {}",
            tname(v)
        )));
    }
    if let Some(f) = crate::types::float::float_of(v) {
        if lookup(ty, "__int__").is_none() || !ty.type_data().heap {
            let r = crate::types::int_methods::float_to_int(f)?;
            return Ok(r.to_bigint().unwrap_or_default());
        }
    }
    let r = vm.call(&types().int, &[v.clone()])?;
    Ok(r.to_bigint().unwrap_or_default())
}

fn percent_float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_of(v) {
        return Ok(f);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    let ty = type_ref(v);
    if v.is_int() || lookup(ty, "__float__").is_some() || lookup(ty, "__index__").is_some() {
        if v.as_pystr().is_none() {
            return crate::types::float::float_from(vm, v);
        }
    }
    Err(PyErr::type_error(format!("must be real number, not {}", tname(v))))
}

/// Bytes for `%b`/`%s` in bytes formatting.
fn percent_bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::types::bytes::buffer_bytes(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(v, "__bytes__", &[])? {
        if let Some(b) = r.as_bytes() {
            return Ok(b.to_vec());
        }
        return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", tname(&r))));
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        tname(v)
    )))
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

/// The `%` engine. In bytes mode `fmt` holds the format bytes as Latin-1
/// chars and the result is Latin-1 chars too (the caller encodes it back).
pub fn percent_core(vm: &mut Vm, fmt: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
    let is_tuple = args.as_tuple().is_some();
    let (arglen, idx) = if is_tuple { (args.as_tuple().map_or(0, |t| t.len()) as i64, 0) } else { (-1, -2) };
    let is_dict = !is_tuple
        && args.as_pystr().is_none()
        && !(bytes_mode
            && matches!(args.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Bytes(_) | crate::object::Payload::ByteArray(_))))
        && args.is_ptr()
        && lookup(type_ref(args), "__getitem__").is_some();
    let mut pa = PctArgs { args: args.clone(), arglen, idx };
    let mut out = String::with_capacity(fmt.len() + 16);
    for piece in PercentParser::new(fmt) {
        let piece = match piece {
            Ok(p) => p,
            Err(e) => {
                // CPython checks for a mapping as soon as it sees `%(`.
                if e.message() == "incomplete format key" && !is_dict {
                    return Err(PyErr::type_error("format requires a mapping"));
                }
                return Err(to_pyerr(e));
            }
        };
        let mut spec: PercentSpec = match piece {
            PercentPiece::Literal(l) => {
                out.push_str(l);
                continue;
            }
            PercentPiece::Spec(s) => s,
        };
        // A keyed spec takes its value (and any `*` values) from the mapping;
        // as in CPython, positional arguments are not available afterwards.
        if let Some(key) = &spec.key {
            if !is_dict {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            let k = if bytes_mode {
                Value::bytes(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                Value::str(key)
            };
            let v = vm.getitem(args, &k)?;
            pa = PctArgs { args: v, arglen: -1, idx: -2 };
        }
        if spec.width == Count::Star {
            let v = pa.next()?;
            spec.apply_star_width(&star_value(&v)?).map_err(to_pyerr)?;
        }
        if spec.precision == Count::Star {
            let v = pa.next()?;
            spec.apply_star_precision(&star_value(&v)?).map_err(to_pyerr)?;
        }
        let conv = spec.conversion().map_err(to_pyerr)?;
        let v = pa.next()?;
        // Fast paths: plain `%s` of a str, plain `%d` of a small int.
        let plain = spec.width == Count::Absent && spec.precision == Count::Absent && spec.flags == Default::default();
        if plain && !bytes_mode {
            if conv == 's' {
                if let Some(t) = v.as_pystr_exact() {
                    out.push_str(t.as_str());
                    continue;
                }
            }
            if matches!(conv, 'd' | 'i' | 'u' | 's') {
                if let Some(i) = v.as_small_int() {
                    use std::fmt::Write;
                    let _ = write!(out, "{i}");
                    continue;
                }
            }
        }
        let text = match conv {
            's' | 'r' | 'a' | 'b' if bytes_mode => {
                let t = match conv {
                    's' | 'b' => latin1(&percent_bytes_arg(vm, &v)?),
                    _ => crate::builtins::ascii_of(vm, &v)?.as_str().unwrap_or("").to_string(),
                };
                format_percent_text(&t, &spec)
            }
            's' | 'r' | 'a' => {
                let t = match conv {
                    's' => vm.str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => crate::builtins::ascii_of(vm, &v)?,
                };
                format_percent_text(t.as_str().unwrap_or(""), &spec)
            }
            'c' => {
                let ch: char = if bytes_mode {
                    if let Some(i) = v.to_bigint() {
                        match u8::try_from(&i) {
                            Ok(b) => b as char,
                            Err(_) => return Err(PyErr::overflow("%c arg not in range(256)")),
                        }
                    } else {
                        match crate::types::bytes::buffer_bytes(&v) {
                            Some(b) if b.len() == 1 && v.as_pystr().is_none() => b[0] as char,
                            _ => {
                                return Err(PyErr::type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ))
                            }
                        }
                    }
                } else if let Some(s) = v.as_pystr() {
                    if s.char_len() != 1 {
                        return Err(PyErr::type_error("%c requires int or char"));
                    }
                    s.char_at(0)
                } else if v.is_int() || (lookup(type_ref(&v), "__index__").is_some() && crate::types::float::float_of(&v).is_none()) {
                    let i = if v.is_int() { v.to_bigint().unwrap_or_default() } else { BigInt::from(vm.index_value(&v)?) };
                    match u32::try_from(&i).ok().filter(|&c| c < 0x110000) {
                        Some(c) => char::from_u32(c).unwrap_or('\u{FFFD}'),
                        None => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(PyErr::type_error("%c requires int or char"));
                };
                let mut buf = [0u8; 4];
                format_percent_text(ch.encode_utf8(&mut buf), &spec)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let i = percent_int_arg(vm, &v, conv)?;
                format_percent_int(&i, &spec).map_err(to_pyerr)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = percent_float_arg(vm, &v).map_err(|e| {
                    if bytes_mode && e.matches(&types().exc.type_error) && crate::types::float::float_of(&v).is_none() && !v.is_int() {
                        PyErr::type_error(format!("float argument required, not {}", tname(&v)))
                    } else {
                        e
                    }
                })?;
                format_percent_float(f, &spec)
            }
            _ => return Err(to_pyerr(spec.unsupported())),
        };
        out.push_str(&text);
    }
    if pa.idx < pa.arglen && !is_dict {
        return Err(PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    percent_core(vm, fmt, args, false).map(Value::string)
}
