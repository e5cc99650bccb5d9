//! `_locale`: the C library's locale support (`setlocale`, `localeconv`,
//! `nl_langinfo`, `strcoll`, `strxfrm`, the gettext family) for `locale.py`.
//!
//! Like CPython at start-up, building the module sets `LC_CTYPE` from the
//! environment when it is still the "C" locale.

use crate::args::bind;
use crate::modules::native::{new_exception, GilSlot};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::{CStr, CString};

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(domain: *const libc::c_char, msgid: *const libc::c_char, category: libc::c_int) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(domain: *const libc::c_char, codeset: *const libc::c_char) -> *mut libc::c_char;
}

static ERROR: GilSlot = GilSlot::new();

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let c = new_exception(vm, "locale", "Error", &[]);
    ERROR.get_or_init(|| c)
}

fn err(vm: &mut Vm, msg: &str) -> PyErr {
    let c = error_class(vm);
    PyErr::new(&c, msg)
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Text from the C library (locale-encoded; taken as UTF-8).
unsafe fn c_text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()).into_owned()
}

fn cstring(s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| PyErr::value_error("embedded null character"))
}

/// The `nl_langinfo` keys (glibc values).
const LANGINFO: &[(&str, i64)] = &[
    ("RADIXCHAR", 65536),
    ("THOUSEP", 65537),
    ("CRNCYSTR", 262159),
    ("CODESET", 14),
    ("D_T_FMT", 131112),
    ("D_FMT", 131113),
    ("T_FMT", 131114),
    ("T_FMT_AMPM", 131115),
    ("AM_STR", 131110),
    ("PM_STR", 131111),
    ("DAY_1", 131079),
    ("DAY_2", 131080),
    ("DAY_3", 131081),
    ("DAY_4", 131082),
    ("DAY_5", 131083),
    ("DAY_6", 131084),
    ("DAY_7", 131085),
    ("ABDAY_1", 131072),
    ("ABDAY_2", 131073),
    ("ABDAY_3", 131074),
    ("ABDAY_4", 131075),
    ("ABDAY_5", 131076),
    ("ABDAY_6", 131077),
    ("ABDAY_7", 131078),
    ("MON_1", 131098),
    ("MON_2", 131099),
    ("MON_3", 131100),
    ("MON_4", 131101),
    ("MON_5", 131102),
    ("MON_6", 131103),
    ("MON_7", 131104),
    ("MON_8", 131105),
    ("MON_9", 131106),
    ("MON_10", 131107),
    ("MON_11", 131108),
    ("MON_12", 131109),
    ("ABMON_1", 131086),
    ("ABMON_2", 131087),
    ("ABMON_3", 131088),
    ("ABMON_4", 131089),
    ("ABMON_5", 131090),
    ("ABMON_6", 131091),
    ("ABMON_7", 131092),
    ("ABMON_8", 131093),
    ("ABMON_9", 131094),
    ("ABMON_10", 131095),
    ("ABMON_11", 131096),
    ("ABMON_12", 131097),
    ("ERA", 131116),
    ("ERA_D_FMT", 131118),
    ("ERA_D_T_FMT", 131120),
    ("ERA_T_FMT", 131121),
    ("ALT_DIGITS", 131119),
    ("YESEXPR", 327680),
    ("NOEXPR", 327681),
    ("_DATE_FMT", 131180),
];

fn f_setlocale(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cat, loc] = bind("setlocale", args, kw, &["category", "locale=", "/"])?;
    let cat = cat.unwrap();
    if !cat.is_int() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(&cat))));
    }
    let cat = vm.index_value(&cat)? as libc::c_int;
    let loc = match &loc {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(cstring(s)?),
            None => {
                return Err(PyErr::type_error(format!(
                    "setlocale() argument 2 must be str or None, not {}",
                    tname(v)
                )))
            }
        },
    };
    // SAFETY: plain libc calls with valid C strings; the result is copied.
    let r = unsafe { libc::setlocale(cat, loc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if r.is_null() {
        return Err(err(vm, if loc.is_some() { "unsupported locale setting" } else { "locale query failed" }));
    }
    Ok(Value::string(unsafe { c_text(r) }))
}

/// `localeconv()`'s grouping lists: the bytes up to and including a 0 or CHAR_MAX.
unsafe fn grouping(p: *const libc::c_char) -> Value {
    let mut out = Vec::new();
    if p.is_null() || *p == 0 {
        return Value::list(out);
    }
    let mut i = 0;
    loop {
        let b = *p.add(i) as u8;
        out.push(Value::int(b as i64));
        if b == 0 || b == 127 || b == 255 {
            break;
        }
        i += 1;
    }
    Value::list(out)
}

fn f_localeconv(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("localeconv", args, kw, 0, 0)?;
    let d = dict::new_dict();
    // SAFETY: localeconv returns a pointer to static storage, read at once.
    unsafe {
        let l = libc::localeconv();
        if l.is_null() {
            return Ok(d);
        }
        let l = &*l;
        let s = |k: &str, p: *const libc::c_char| dict::dict_set_str(&d, k, Value::string(c_text(p)));
        let n = |k: &str, c: libc::c_char| dict::dict_set_str(&d, k, Value::int(c as u8 as i64));
        s("int_curr_symbol", l.int_curr_symbol);
        s("currency_symbol", l.currency_symbol);
        s("mon_decimal_point", l.mon_decimal_point);
        s("mon_thousands_sep", l.mon_thousands_sep);
        dict::dict_set_str(&d, "mon_grouping", grouping(l.mon_grouping));
        s("positive_sign", l.positive_sign);
        s("negative_sign", l.negative_sign);
        n("int_frac_digits", l.int_frac_digits);
        n("frac_digits", l.frac_digits);
        n("p_cs_precedes", l.p_cs_precedes);
        n("p_sep_by_space", l.p_sep_by_space);
        n("n_cs_precedes", l.n_cs_precedes);
        n("n_sep_by_space", l.n_sep_by_space);
        n("p_sign_posn", l.p_sign_posn);
        n("n_sign_posn", l.n_sign_posn);
        s("decimal_point", l.decimal_point);
        s("thousands_sep", l.thousands_sep);
        dict::dict_set_str(&d, "grouping", grouping(l.grouping));
    }
    Ok(d)
}

fn wide(s: &str) -> PyResult<Vec<libc::wchar_t>> {
    if s.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let mut v: Vec<libc::wchar_t> = s.chars().map(|c| c as u32 as libc::wchar_t).collect();
    v.push(0);
    Ok(v)
}

fn f_strcoll(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a, b] = bind("strcoll", args, kw, &["os1", "os2", "/"])?;
    let (a, b) = (a.unwrap(), b.unwrap());
    let Some(sa) = a.as_str() else {
        return Err(PyErr::type_error(format!("strcoll() argument 1 must be str, not {}", tname(&a))));
    };
    let Some(sb) = b.as_str() else {
        return Err(PyErr::type_error(format!("strcoll() argument 2 must be str, not {}", tname(&b))));
    };
    let (wa, wb) = (wide(sa)?, wide(sb)?);
    // SAFETY: both buffers are NUL-terminated wide strings.
    let r = unsafe { wcscoll(wa.as_ptr(), wb.as_ptr()) };
    Ok(Value::int(r as i64))
}

fn f_strxfrm(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a] = bind("strxfrm", args, kw, &["string", "/"])?;
    let a = a.unwrap();
    let Some(s) = a.as_str() else {
        return Err(PyErr::type_error(format!("strxfrm() argument must be str, not {}", tname(&a))));
    };
    let w = wide(s)?;
    // SAFETY: first call measures, the second fills a buffer of that size + 1.
    let out = unsafe {
        let n = wcsxfrm(std::ptr::null_mut(), w.as_ptr(), 0);
        let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
        wcsxfrm(buf.as_mut_ptr(), w.as_ptr(), n + 1);
        buf.truncate(n);
        buf
    };
    let s: String = out.iter().map(|&c| char::from_u32(c as u32).unwrap_or('\u{FFFD}')).collect();
    Ok(Value::string(s))
}

fn f_nl_langinfo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [k] = bind("nl_langinfo", args, kw, &["key", "/"])?;
    let k = k.unwrap();
    if !k.is_int() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(&k))));
    }
    let key = vm.index_value(&k)?;
    if !LANGINFO.iter().any(|&(_, v)| v == key) {
        return Err(PyErr::value_error("unsupported langinfo constant"));
    }
    // SAFETY: a known nl_item; the result is copied at once.
    let r = unsafe { c_text(libc::nl_langinfo(key as libc::nl_item)) };
    Ok(Value::string(r))
}

/// The locale encoding (`nl_langinfo(CODESET)`, UTF-8 when empty).
pub fn locale_encoding() -> String {
    // SAFETY: CODESET is valid; the result is copied at once.
    let r = unsafe { c_text(libc::nl_langinfo(libc::CODESET)) };
    if r.is_empty() {
        "UTF-8".to_string()
    } else {
        r
    }
}

fn f_getencoding(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getencoding", args, kw, 0, 0)?;
    Ok(Value::string(locale_encoding()))
}

fn opt_cstr(fname: &str, v: &Option<Value>, n: usize, none_ok: bool) -> PyResult<Option<CString>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() && none_ok => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(cstring(s)?)),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument {n} must be str{}, not {}",
                if none_ok { " or None" } else { "" },
                tname(v)
            ))),
        },
    }
}

fn ptr(c: &Option<CString>) -> *const libc::c_char {
    c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}

fn f_gettext(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [m] = bind("gettext", args, kw, &["msg", "/"])?;
    let m = opt_cstr("gettext", &m, 1, false)?;
    Ok(Value::string(unsafe { c_text(gettext(ptr(&m))) }))
}

fn f_dgettext(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d, m] = bind("dgettext", args, kw, &["domain", "msg", "/"])?;
    let d = opt_cstr("dgettext", &d, 1, true)?;
    let m = opt_cstr("dgettext", &m, 2, false)?;
    Ok(Value::string(unsafe { c_text(dgettext(ptr(&d), ptr(&m))) }))
}

fn f_dcgettext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d, m, c] = bind("dcgettext", args, kw, &["domain", "msg", "category", "/"])?;
    let d = opt_cstr("dcgettext", &d, 1, true)?;
    let m = opt_cstr("dcgettext", &m, 2, false)?;
    let c = vm.index_value(&c.unwrap())? as libc::c_int;
    Ok(Value::string(unsafe { c_text(dcgettext(ptr(&d), ptr(&m), c)) }))
}

fn f_textdomain(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d] = bind("textdomain", args, kw, &["domain", "/"])?;
    let d = opt_cstr("textdomain", &d, 1, true)?;
    let r = unsafe { textdomain(ptr(&d)) };
    if r.is_null() {
        return Err(crate::error::io_error(&std::io::Error::last_os_error(), None));
    }
    Ok(Value::string(unsafe { c_text(r) }))
}

fn f_bindtextdomain(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d, dir] = bind("bindtextdomain", args, kw, &["domain", "dir", "/"])?;
    let d = opt_cstr("bindtextdomain", &d, 1, false)?;
    let dir = opt_cstr("bindtextdomain", &dir, 2, true)?;
    if d.as_ref().map_or(true, |c| c.as_bytes().is_empty()) {
        return Err(PyErr::value_error("empty string is not a valid domain name"));
    }
    let r = unsafe { bindtextdomain(ptr(&d), ptr(&dir)) };
    if r.is_null() {
        return Err(crate::error::io_error(&std::io::Error::last_os_error(), None));
    }
    Ok(Value::string(unsafe { c_text(r) }))
}

fn f_bind_textdomain_codeset(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d, c] = bind("bind_textdomain_codeset", args, kw, &["domain", "codeset", "/"])?;
    let d = opt_cstr("bind_textdomain_codeset", &d, 1, false)?;
    let c = opt_cstr("bind_textdomain_codeset", &c, 2, true)?;
    let r = unsafe { bind_textdomain_codeset(ptr(&d), ptr(&c)) };
    if r.is_null() {
        return Ok(Value::NONE);
    }
    Ok(Value::string(unsafe { c_text(r) }))
}

pub fn make_module(vm: &mut Vm) -> Value {
    // CPython sets LC_CTYPE from the environment at start-up.
    // SAFETY: querying then setting LC_CTYPE with valid C strings.
    unsafe {
        let cur = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        if !cur.is_null() && CStr::from_ptr(cur).to_bytes() == b"C" {
            libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        }
    }
    let m = new_module("_locale");
    let fs: &[(&'static str, crate::object::NativeFn)] = &[
        ("setlocale", f_setlocale),
        ("localeconv", f_localeconv),
        ("strcoll", f_strcoll),
        ("strxfrm", f_strxfrm),
        ("nl_langinfo", f_nl_langinfo),
        ("getencoding", f_getencoding),
        ("gettext", f_gettext),
        ("dgettext", f_dgettext),
        ("dcgettext", f_dcgettext),
        ("textdomain", f_textdomain),
        ("bindtextdomain", f_bindtextdomain),
        ("bind_textdomain_codeset", f_bind_textdomain_codeset),
    ];
    for (n, f) in fs {
        add_function(&m, n, *f);
    }
    for (n, v) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_TIME", libc::LC_TIME),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("LC_ALL", libc::LC_ALL),
    ] {
        set_attr(&m, n, Value::int(v as i64));
    }
    set_attr(&m, "CHAR_MAX", Value::int(127));
    for &(n, v) in LANGINFO {
        set_attr(&m, n, Value::int(v));
    }
    let e = error_class(vm);
    set_attr(&m, "Error", e);
    let _ = types();
    m
}
