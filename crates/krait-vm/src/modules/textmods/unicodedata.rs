//! `unicodedata`: the Unicode Character Database 14.0.0 (CPython 3.11's).
//!
//! Properties come from `unicodedata_tables.rs` (generated from CPython's
//! own module by `crates/krait-vm/tools/gen_unicodedata.py`); names from the
//! `unicode_names2` crate, restricted to the characters 14.0.0 names;
//! normalization from `unicode-normalization`. `ucd_3_2_0` (used by IDNA
//! and stringprep) answers from the same data, except that characters
//! assigned after 3.2.0 are unassigned there.

use super::unicodedata_tables as tb;
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_native, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use unicode_normalization::UnicodeNormalization;

pub const UNIDATA_VERSION: &str = "14.0.0";

fn run_value(table: &[u32], c: u32) -> usize {
    let i = table.partition_point(|&e| (e >> 8) <= c);
    if i == 0 {
        0
    } else {
        (table[i - 1] & 0xff) as usize
    }
}

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    let i = table.partition_point(|&(a, _)| a <= c);
    i > 0 && table[i - 1].1 >= c
}

/// Whether `c` is unassigned in the database (`old`: the 3.2.0 one).
fn unassigned(c: char, old: bool) -> bool {
    old && in_ranges(tb::UNASSIGNED_3_2, c as u32)
}

pub fn category(c: char) -> &'static str {
    tb::CATEGORY_NAMES[run_value(tb::CATEGORY, c as u32)]
}

/// The 3.2.0 value of a property where it differs from 14.0.0.
fn old_value(table: &[(u32, u8)], c: char, old: bool) -> Option<usize> {
    if !old {
        return None;
    }
    table.binary_search_by_key(&(c as u32), |e| e.0).ok().map(|i| table[i].1 as usize)
}

fn category_v(c: char, old: bool) -> &'static str {
    if unassigned(c, old) {
        return "Cn";
    }
    match old_value(tb::OLD_CATEGORY, c, old) {
        Some(i) => tb::CATEGORY_NAMES[i],
        None => category(c),
    }
}

/// The character's name in Unicode 14.0.0, as `unicodedata.name` gives it.
pub fn char_name(c: char) -> Option<String> {
    let cp = c as u32;
    if category(c) == "Cn" || (0x17000..=0x187F7).contains(&cp) || (0x18D00..=0x18D08).contains(&cp) {
        return None;
    }
    unicode_names2::name(c).map(|n| n.to_string())
}

/// The character named `name` (aliases accepted), if 14.0.0 has it.
pub fn lookup_name(name: &str, old: bool) -> Option<char> {
    let c = unicode_names2::character(name)?;
    let cp = c as u32;
    if category(c) == "Cn" || unassigned(c, old) || (0x17000..=0x187F7).contains(&cp) || (0x18D00..=0x18D08).contains(&cp) {
        return None;
    }
    Some(c)
}

/// `(value, kind)`: kind 2 decimal, 1 digit, 0 numeric only.
fn numeric_value(c: char) -> Option<(f64, u8)> {
    let cp = c as u32;
    let t = tb::NUMERIC;
    let i = t.partition_point(|e| e.0 <= cp);
    if i == 0 {
        return None;
    }
    let (first, count, num, den, kind) = t[i - 1];
    if cp >= first + count {
        return None;
    }
    let k = (cp - first) as i64;
    Some(((num + k * den as i64) as f64 / den as f64, kind))
}

fn decomposition(c: char) -> &'static str {
    let cp = c as u32;
    match tb::DECOMPOSITION.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => tb::DECOMPOSITION[i].1,
        Err(_) => "",
    }
}

// ---------------------------------------------------------------- arguments

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// A one-character str argument.
fn the_char(fname: &str, v: &Value, numbered: bool) -> PyResult<char> {
    if let Some(s) = v.as_pystr() {
        if s.char_len() == 1 {
            return Ok(s.char_at(0));
        }
    }
    Err(PyErr::type_error(if numbered {
        format!("{fname}() argument 1 must be a unicode character, not {}", tname(v))
    } else {
        format!("{fname}() argument must be a unicode character, not {}", tname(v))
    }))
}

/// Splits a call into (is 3.2.0, args without self) for functions that are
/// both module functions and `UCD` methods.
fn split(args: &[Value], method: bool) -> (bool, &[Value]) {
    if method {
        let old = with_opaque::<Ucd, _>(&args[0], |u| u.old).unwrap_or(false);
        (old, &args[1..])
    } else {
        (false, args)
    }
}

pub struct Ucd {
    old: bool,
}

impl NativeData for Ucd {}

// ---------------------------------------------------------------- the functions

fn do_name(_vm: &mut Vm, args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, args) = split(args, method);
    let [c, default] = bind("name", args, kw, &["chr", "default=", "/"])?;
    let c = the_char("name", &c.unwrap(), true)?;
    let n = if unassigned(c, old) { None } else { char_name(c) };
    match (n, default) {
        (Some(n), _) => Ok(Value::string(n)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error("no such name")),
    }
}

fn do_lookup(_vm: &mut Vm, args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, args) = split(args, method);
    let [name] = bind("lookup", args, kw, &["name", "/"])?;
    let name = name.unwrap();
    let text = if let Some(s) = name.as_str() {
        s.to_string()
    } else if let Some(b) = crate::types::bytes::buffer_bytes(&name) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        return Err(PyErr::type_error(format!("lookup() argument must be str, not {}", tname(&name))));
    };
    if text.len() > 256 {
        return Err(PyErr::key_error(Value::str("name too long")));
    }
    match lookup_name(&text, old) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(PyErr::key_error(Value::string(format!("undefined character name '{text}'")))),
    }
}

fn do_numeric(_vm: &mut Vm, args: &[Value], kw: &[Value], method: bool, which: u8) -> PyResult<Value> {
    let (old, args) = split(args, method);
    let fname = ["numeric", "digit", "decimal"][which as usize];
    let [c, default] = bind(fname, args, kw, &["chr", "default=", "/"])?;
    let c = the_char(fname, &c.unwrap(), true)?;
    let v = if unassigned(c, old) {
        None
    } else if let Some(i) = old.then(|| tb::OLD_NUMERIC.binary_search_by_key(&(c as u32), |e| e.0).ok()).flatten() {
        let (_, num, den, kind) = tb::OLD_NUMERIC[i];
        (kind != 255).then(|| (num as f64 / den as f64, kind))
    } else {
        numeric_value(c)
    };
    match v {
        Some((x, kind)) if kind >= which => Ok(if which == 0 { Value::float(x) } else { Value::int(x as i64) }),
        _ => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(
                ["not a numeric character", "not a digit", "not a decimal"][which as usize],
            )),
        },
    }
}

fn one_char(fname: &str, args: &[Value], kw: &[Value], method: bool) -> PyResult<(bool, char)> {
    let (old, args) = split(args, method);
    crate::args::check_arity(fname, args, kw, 1, 1)?;
    Ok((old, the_char(fname, &args[0], false)?))
}

fn do_category(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("category", args, kw, method)?;
    Ok(Value::str(category_v(c, old)))
}

fn do_bidirectional(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("bidirectional", args, kw, method)?;
    if unassigned(c, old) {
        return Ok(Value::str(""));
    }
    let i = old_value(tb::OLD_BIDI, c, old).unwrap_or_else(|| run_value(tb::BIDI, c as u32));
    Ok(Value::str(tb::BIDI_NAMES[i]))
}

fn do_combining(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("combining", args, kw, method)?;
    if unassigned(c, old) {
        return Ok(Value::int(0));
    }
    Ok(Value::int(tb::COMBINING_VALUES[run_value(tb::COMBINING, c as u32)] as i64))
}

fn do_eaw(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("east_asian_width", args, kw, method)?;
    if unassigned(c, old) {
        return Ok(Value::str("N"));
    }
    let i = old_value(tb::OLD_EAW, c, old).unwrap_or_else(|| run_value(tb::EAW, c as u32));
    Ok(Value::str(tb::EAW_NAMES[i]))
}

fn do_mirrored(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("mirrored", args, kw, method)?;
    if unassigned(c, old) {
        return Ok(Value::int(0));
    }
    let v = old_value(tb::OLD_MIRRORED, c, old).unwrap_or_else(|| in_ranges(tb::MIRRORED, c as u32) as usize);
    Ok(Value::int(v as i64))
}

fn do_decomposition(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (old, c) = one_char("decomposition", args, kw, method)?;
    if unassigned(c, old) {
        return Ok(Value::str(""));
    }
    Ok(Value::str(decomposition(c)))
}

fn norm_args(fname: &str, args: &[Value], kw: &[Value], method: bool) -> PyResult<(String, Value)> {
    let (_, args) = split(args, method);
    let [form, s] = bind(fname, args, kw, &["form", "unistr", "/"])?;
    let form = form.unwrap();
    let s = s.unwrap();
    let Some(f) = form.as_str() else {
        return Err(PyErr::type_error(format!("{fname}() argument 1 must be str, not {}", tname(&form))));
    };
    if s.as_pystr().is_none() {
        return Err(PyErr::type_error(format!("{fname}() argument 2 must be str, not {}", tname(&s))));
    }
    if !matches!(f, "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(PyErr::value_error("invalid normalization form"));
    }
    Ok((f.to_string(), s))
}

/// `unicodedata.normalize(form, s)` for a valid form.
pub fn normalize_str(form: &str, s: &str) -> String {
    match form {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        _ => s.nfkd().collect(),
    }
}

fn do_normalize(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (form, s) = norm_args("normalize", args, kw, method)?;
    let text = s.as_str().unwrap_or("");
    if text.is_ascii() {
        return Ok(Value::str(text));
    }
    let r = normalize_str(&form, text);
    if r == text {
        return Ok(s);
    }
    Ok(Value::string(r))
}

fn do_is_normalized(args: &[Value], kw: &[Value], method: bool) -> PyResult<Value> {
    let (form, s) = norm_args("is_normalized", args, kw, method)?;
    let text = s.as_str().unwrap_or("");
    Ok(Value::bool(text.is_ascii() || normalize_str(&form, text) == text))
}

macro_rules! pair_fns {
    ($($f:ident, $m:ident => $body:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let _ = &vm;
                let g: fn(&mut Vm, &[Value], &[Value], bool) -> PyResult<Value> = $body;
                g(vm, args, kw, false)
            }
            fn $m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let g: fn(&mut Vm, &[Value], &[Value], bool) -> PyResult<Value> = $body;
                g(vm, args, kw, true)
            }
        )*
    };
}

pair_fns! {
    f_name, m_name => |vm, a, k, m| do_name(vm, a, k, m);
    f_lookup, m_lookup => |vm, a, k, m| do_lookup(vm, a, k, m);
    f_decimal, m_decimal => |vm, a, k, m| do_numeric(vm, a, k, m, 2);
    f_digit, m_digit => |vm, a, k, m| do_numeric(vm, a, k, m, 1);
    f_numeric, m_numeric => |vm, a, k, m| do_numeric(vm, a, k, m, 0);
    f_category, m_category => |_, a, k, m| do_category(a, k, m);
    f_bidirectional, m_bidirectional => |_, a, k, m| do_bidirectional(a, k, m);
    f_combining, m_combining => |_, a, k, m| do_combining(a, k, m);
    f_east_asian_width, m_east_asian_width => |_, a, k, m| do_eaw(a, k, m);
    f_mirrored, m_mirrored => |_, a, k, m| do_mirrored(a, k, m);
    f_decomposition, m_decomposition => |_, a, k, m| do_decomposition(a, k, m);
    f_normalize, m_normalize => |_, a, k, m| do_normalize(a, k, m);
    f_is_normalized, m_is_normalized => |_, a, k, m| do_is_normalized(a, k, m);
}

static UCD_TYPE: GilSlot = GilSlot::new();

fn ucd_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'unicodedata.UCD' instances"))
}

fn ucd_type() -> Value {
    UCD_TYPE.get_or_init(|| {
        let t = new_type("unicodedata", "UCD", None);
        add_native(&t, "__new__", ucd_new, NativeKind::StaticMethod);
        let ms: &[(&'static str, crate::object::NativeFn)] = &[
            ("name", m_name),
            ("lookup", m_lookup),
            ("decimal", m_decimal),
            ("digit", m_digit),
            ("numeric", m_numeric),
            ("category", m_category),
            ("bidirectional", m_bidirectional),
            ("combining", m_combining),
            ("east_asian_width", m_east_asian_width),
            ("mirrored", m_mirrored),
            ("decomposition", m_decomposition),
            ("normalize", m_normalize),
            ("is_normalized", m_is_normalized),
        ];
        for (n, f) in ms {
            crate::types::add_method(&t, n, *f);
        }
        t
    })
}

fn ucd_version(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = with_opaque::<Ucd, _>(&args[0], |u| u.old).unwrap_or(false);
    Ok(Value::str(if old { "3.2.0" } else { UNIDATA_VERSION }))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("unicodedata");
    let fs: &[(&'static str, crate::object::NativeFn)] = &[
        ("name", f_name),
        ("lookup", f_lookup),
        ("decimal", f_decimal),
        ("digit", f_digit),
        ("numeric", f_numeric),
        ("category", f_category),
        ("bidirectional", f_bidirectional),
        ("combining", f_combining),
        ("east_asian_width", f_east_asian_width),
        ("mirrored", f_mirrored),
        ("decomposition", f_decomposition),
        ("normalize", f_normalize),
        ("is_normalized", f_is_normalized),
    ];
    for (n, f) in fs {
        add_function(&m, n, *f);
    }
    let t = ucd_type();
    crate::types::add_getset(&t, "unidata_version", ucd_version, None);
    let _ = add_attr;
    set_attr(&m, "UCD", t.clone());
    set_attr(&m, "ucd_3_2_0", new_opaque(&t, Ucd { old: true }));
    set_attr(&m, "unidata_version", Value::str(UNIDATA_VERSION));
    m
}
