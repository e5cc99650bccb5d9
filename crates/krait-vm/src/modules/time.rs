//! The `time` module: clocks, sleeping, and calendar conversions through
//! the C library (`gmtime_r`, `localtime_r`, `mktime`, `strftime`), as
//! CPython does.

use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::ffi::CString;

extern "C" {
    fn tzset();
}

static STRUCT_TIME: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));

const FIELDS: [&str; 9] = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(id, &mut ts) };
    (ts.tv_sec as i64, ts.tv_nsec as i64)
}

fn secs(id: libc::clockid_t) -> Value {
    let (s, n) = clock(id);
    Value::float(s as f64 + n as f64 * 1e-9)
}

fn nanos(id: libc::clockid_t) -> Value {
    let (s, n) = clock(id);
    Value::int(s * 1_000_000_000 + n)
}

fn t_time(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_REALTIME))
}
fn t_time_ns(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_REALTIME))
}
fn t_monotonic(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_MONOTONIC))
}
fn t_monotonic_ns(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_MONOTONIC))
}
fn t_process_time(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_PROCESS_CPUTIME_ID))
}
fn t_process_time_ns(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_PROCESS_CPUTIME_ID))
}
fn t_thread_time(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_THREAD_CPUTIME_ID))
}
fn t_thread_time_ns(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_THREAD_CPUTIME_ID))
}

/// A number of seconds from an int or float argument.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_i64() {
        return Ok(i as f64);
    }
    if let Some(crate::object::Payload::Float(f)) = v.as_obj().map(|o| &o.payload) {
        return Ok(*f);
    }
    if v.is_int() {
        return Err(PyErr::overflow("timestamp too large to convert to C _PyTime_t"));
    }
    if crate::types::lookup(type_ref(v), "__float__").is_some() {
        let r = vm.call_method(v, "__float__", &[])?;
        if let Some(f) = r.as_float() {
            return Ok(f);
        }
    }
    if crate::types::lookup(type_ref(v), "__index__").is_some() {
        return Ok(vm.index_value(v)? as f64);
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_ref(v).type_name_str()
    )))
}

fn t_sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("sleep", args, kw, 1, 1)?;
    let s = seconds_arg(vm, &args[0])?;
    if s.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if !s.is_finite() || s > 1e15 {
        return Err(PyErr::overflow("timestamp too large to convert to C _PyTime_t"));
    }
    if s == 0.0 {
        // sleep(0): let the other threads run.
        crate::gil::yield_now(vm);
        return Ok(Value::NONE);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(s);
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            break;
        }
        let left = (deadline - now).min(std::time::Duration::from_millis(50));
        crate::gil::allow_threads(vm, || std::thread::sleep(left));
        crate::interp::signals::periodic_check(vm)?;
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- struct_time

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

fn tm_zone(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: the C library sets tm_zone to a NUL-terminated static string.
    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone).to_string_lossy().into_owned() }
}

fn struct_time_type(vm: &mut Vm) -> Value {
    if let Some(v) = STRUCT_TIME.with(|s| s.borrow().clone()) {
        return v;
    }
    let t = types();
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__module__", Value::str("time"));
    dict::dict_set_str(&d, "n_fields", Value::int(11));
    dict::dict_set_str(&d, "n_sequence_fields", Value::int(9));
    dict::dict_set_str(&d, "n_unnamed_fields", Value::int(0));
    let bases = Value::tuple(vec![t.tuple.clone()]);
    let cls = vm.call(&t.type_, &[Value::str("struct_time"), bases, d]).unwrap_or_else(|_| t.tuple.clone());
    add_method(&cls, "__repr__", st_repr);
    macro_rules! field {
        ($name:literal, $i:expr) => {{
            fn get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                Ok(args[0].as_tuple().and_then(|t| t.get($i).cloned()).unwrap_or(Value::NONE))
            }
            crate::types::add_getset(&cls, $name, get, None);
        }};
    }
    field!("tm_year", 0);
    field!("tm_mon", 1);
    field!("tm_mday", 2);
    field!("tm_hour", 3);
    field!("tm_min", 4);
    field!("tm_sec", 5);
    field!("tm_wday", 6);
    field!("tm_yday", 7);
    field!("tm_isdst", 8);
    STRUCT_TIME.with(|s| *s.borrow_mut() = Some(cls.clone()));
    cls
}

fn st_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = args[0].as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (name, v) in FIELDS.iter().zip(items.iter()) {
        parts.push(format!("{name}={}", vm.repr_string(v)?));
    }
    Ok(Value::string(format!("time.struct_time({})", parts.join(", "))))
}

fn make_struct_time(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let cls = struct_time_type(vm);
    let wday = (tm.tm_wday + 6) % 7;
    let items = vec![
        Value::int(tm.tm_year as i64 + 1900),
        Value::int(tm.tm_mon as i64 + 1),
        Value::int(tm.tm_mday as i64),
        Value::int(tm.tm_hour as i64),
        Value::int(tm.tm_min as i64),
        Value::int(tm.tm_sec as i64),
        Value::int(wday as i64),
        Value::int(tm.tm_yday as i64 + 1),
        Value::int(tm.tm_isdst as i64),
    ];
    let v = vm.call(&cls, &[Value::tuple(items)])?;
    if let Some(o) = v.as_obj() {
        let d = {
            let mut slot = o.dict.borrow_mut();
            if slot.is_none() {
                *slot = Some(dict::new_dict());
            }
            slot.clone()
        };
        if let Some(d) = d {
            dict::dict_set_str(&d, "tm_zone", Value::string(tm_zone(tm)));
            dict::dict_set_str(&d, "tm_gmtoff", Value::int(tm.tm_gmtoff as i64));
        }
    }
    Ok(v)
}

/// `time_t` from an optional seconds argument (None: now), flooring floats.
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    match v {
        None => Ok(clock(libc::CLOCK_REALTIME).0 as libc::time_t),
        Some(x) if x.is_none() => Ok(clock(libc::CLOCK_REALTIME).0 as libc::time_t),
        Some(x) => {
            if let Some(i) = x.as_i64() {
                return Ok(i as libc::time_t);
            }
            let f = seconds_arg(vm, x)?;
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if !f.is_finite() || f.abs() > 1e18 {
                return Err(PyErr::overflow("timestamp out of range for platform time_t"));
            }
            Ok(f.floor() as libc::time_t)
        }
    }
}

fn t_gmtime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("gmtime", args, kw, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let mut tm = zeroed_tm();
    // SAFETY: gmtime_r writes into our tm.
    let r = unsafe { libc::gmtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(PyErr::overflow("timestamp out of range for platform time_t"));
    }
    make_struct_time(vm, &tm)
}

fn localtime_tm(t: libc::time_t) -> Option<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: tzset/localtime_r only read the environment and write our tm.
    let r = unsafe {
        tzset();
        libc::localtime_r(&t, &mut tm)
    };
    if r.is_null() {
        None
    } else {
        Some(tm)
    }
}

fn t_localtime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("localtime", args, kw, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let tm = localtime_tm(t).ok_or_else(|| PyErr::overflow("timestamp out of range for platform time_t"))?;
    make_struct_time(vm, &tm)
}

/// A `struct tm` from a struct_time or 9-tuple; the zone string is kept alive in the second value.
fn tm_from(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let Some(items) = v.as_tuple().map(|t| t.to_vec()) else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        if x.is_float() {
            return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
        }
        n[i] = vm.index_value(x)?;
    }
    let mut tm = zeroed_tm();
    tm.tm_year = (n[0] - 1900) as libc::c_int;
    tm.tm_mon = (n[1] - 1) as libc::c_int;
    tm.tm_mday = n[2] as libc::c_int;
    tm.tm_hour = n[3] as libc::c_int;
    tm.tm_min = n[4] as libc::c_int;
    tm.tm_sec = n[5] as libc::c_int;
    tm.tm_wday = ((n[6] + 1) % 7) as libc::c_int;
    tm.tm_yday = (n[7] - 1) as libc::c_int;
    tm.tm_isdst = n[8] as libc::c_int;
    let mut zone = None;
    if let Some(o) = v.as_obj() {
        let d = o.dict.borrow().clone();
        if let Some(d) = d {
            if let Some(z) = dict::dict_get_str(&d, "tm_zone").and_then(|z| z.as_str().map(|s| s.to_string())) {
                zone = CString::new(z).ok();
            }
            if let Some(off) = dict::dict_get_str(&d, "tm_gmtoff").and_then(|x| x.as_i64()) {
                tm.tm_gmtoff = off as libc::c_long;
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

fn check_ranges(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

fn now_local(vm: &mut Vm) -> PyResult<Value> {
    t_localtime(vm, &[], &[])
}

fn t_mktime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("mktime", args, kw, 1, 1)?;
    let (mut tm, _zone) = tm_from(vm, &args[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises our tm in place.
    let t = unsafe {
        tzset();
        libc::mktime(&mut tm)
    };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow("mktime argument out of range"));
    }
    Ok(Value::float(t as f64))
}

fn t_strftime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("strftime", args, kw, 1, 2)?;
    let Some(fmt) = args[0].as_str().map(|s| s.to_string()) else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_ref(&args[0]).type_name_str()
        )));
    };
    let tv = match args.get(1) {
        Some(v) => v.clone(),
        None => now_local(vm)?,
    };
    let (mut tm, _zone) = tm_from(vm, &tv, "strftime")?;
    check_ranges(&mut tm)?;
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    let cfmt = CString::new(fmt.clone()).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut cap = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: strftime writes at most `cap` bytes into buf.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, cfmt.as_ptr(), &tm) };
        if n > 0 || cap > 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return Ok(Value::string(String::from_utf8_lossy(&buf).into_owned()));
        }
        cap *= 2;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn t_asctime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("asctime", args, kw, 0, 1)?;
    let tv = match args.first() {
        Some(v) => v.clone(),
        None => now_local(vm)?,
    };
    let (mut tm, _zone) = tm_from(vm, &tv, "asctime")?;
    check_ranges(&mut tm)?;
    Ok(Value::string(asctime_of(&tm)))
}

fn t_ctime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("ctime", args, kw, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let tm = localtime_tm(t).ok_or_else(|| PyErr::overflow("timestamp out of range for platform time_t"))?;
    Ok(Value::string(asctime_of(&tm)))
}

fn t_get_clock_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("get_clock_info", args, kw, 1, 1)?;
    let name = args[0].as_str().unwrap_or("").to_string();
    let (imp, mono, adj) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    let d = dict::new_dict();
    dict::dict_set_str(&d, "implementation", Value::str(imp));
    dict::dict_set_str(&d, "monotonic", Value::bool(mono));
    dict::dict_set_str(&d, "adjustable", Value::bool(adj));
    dict::dict_set_str(&d, "resolution", Value::float(1e-9));
    // A namespace object: a plain instance with these attributes.
    let ns_cls = vm.call(&types().type_, &[Value::str("namespace"), Value::tuple(vec![types().object.clone()]), dict::new_dict()])?;
    let o = vm.call(&ns_cls, &[])?;
    if let Some(obj) = o.as_obj() {
        *obj.dict.borrow_mut() = Some(d);
    }
    Ok(o)
}

fn set_timezone(m: &Value) {
    let now = clock(libc::CLOCK_REALTIME).0 as libc::time_t;
    let year_tm = localtime_tm(now);
    let year = year_tm.map_or(70, |t| t.tm_year);
    let mut jan = zeroed_tm();
    jan.tm_year = year;
    jan.tm_mday = 1;
    jan.tm_isdst = -1;
    let mut jul = jan;
    jul.tm_mon = 6;
    // SAFETY: mktime normalises our own tm values.
    let (tj, tl) = unsafe { (libc::mktime(&mut jan), libc::mktime(&mut jul)) };
    let a = localtime_tm(tj).unwrap_or(jan);
    let b = localtime_tm(tl).unwrap_or(jul);
    let (janoff, juloff) = (-(a.tm_gmtoff as i64), -(b.tm_gmtoff as i64));
    let (janname, julname) = (tm_zone(&a), tm_zone(&b));
    let (tz, alt, names) = if janoff < juloff {
        (juloff, janoff, (julname, janname))
    } else {
        (janoff, juloff, (janname, julname))
    };
    set_attr(m, "timezone", Value::int(tz));
    set_attr(m, "altzone", Value::int(alt));
    set_attr(m, "daylight", Value::int((janoff != juloff) as i64));
    set_attr(m, "tzname", Value::tuple(vec![Value::string(names.0), Value::string(names.1)]));
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("time");
    add_function(&m, "time", t_time);
    add_function(&m, "time_ns", t_time_ns);
    add_function(&m, "monotonic", t_monotonic);
    add_function(&m, "monotonic_ns", t_monotonic_ns);
    add_function(&m, "perf_counter", t_monotonic);
    add_function(&m, "perf_counter_ns", t_monotonic_ns);
    add_function(&m, "process_time", t_process_time);
    add_function(&m, "process_time_ns", t_process_time_ns);
    add_function(&m, "thread_time", t_thread_time);
    add_function(&m, "thread_time_ns", t_thread_time_ns);
    add_function(&m, "sleep", t_sleep);
    add_function(&m, "gmtime", t_gmtime);
    add_function(&m, "localtime", t_localtime);
    add_function(&m, "mktime", t_mktime);
    add_function(&m, "strftime", t_strftime);
    add_function(&m, "asctime", t_asctime);
    add_function(&m, "ctime", t_ctime);
    add_function(&m, "get_clock_info", t_get_clock_info);
    let st = struct_time_type(vm);
    set_attr(&m, "struct_time", st);
    set_timezone(&m);
    set_attr(&m, "CLOCK_REALTIME", Value::int(libc::CLOCK_REALTIME as i64));
    set_attr(&m, "CLOCK_MONOTONIC", Value::int(libc::CLOCK_MONOTONIC as i64));
    set_attr(&m, "CLOCK_PROCESS_CPUTIME_ID", Value::int(libc::CLOCK_PROCESS_CPUTIME_ID as i64));
    set_attr(&m, "CLOCK_THREAD_CPUTIME_ID", Value::int(libc::CLOCK_THREAD_CPUTIME_ID as i64));
    m
}
