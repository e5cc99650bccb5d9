//! `resource`: resource limits and usage.

use super::common::*;
use crate::args::bind;
use crate::modules::native::GilSlot;
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

static RUSAGE_T: GilSlot = GilSlot::new();

fn rusage_type() -> Value {
    RUSAGE_T.get_or_init(|| {
        seq_type(
            "resource",
            "struct_rusage",
            &[
                "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
                "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
            ],
            &[],
            0,
        )
    })
}

fn rlim_value(r: libc::rlim_t) -> Value {
    if r == libc::RLIM_INFINITY {
        Value::int(-1)
    } else {
        uint(r as u64)
    }
}

fn resource_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i32> {
    let r = c_int(vm, &v.unwrap_or(Value::NONE))?;
    if r < 0 || r >= 16 {
        return Err(PyErr::value_error("invalid resource specified"));
    }
    Ok(r)
}

fn getrlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [r] = bind("getrlimit", args, kw, &["resource", "/"])?;
    let r = resource_arg(vm, r)?;
    // SAFETY: rl written by the call.
    let (rc, rl) = unsafe {
        let mut rl: libc::rlimit = std::mem::zeroed();
        (libc::getrlimit(r as _, &mut rl), rl)
    };
    if rc < 0 {
        return Err(last_err());
    }
    Ok(Value::tuple(vec![rlim_value(rl.rlim_cur), rlim_value(rl.rlim_max)]))
}

fn rlim_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::rlim_t> {
    let n = int_arg(vm, v)?;
    Ok(if n < 0 { libc::RLIM_INFINITY } else { n as libc::rlim_t })
}

fn setrlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [r, limits] = bind("setrlimit", args, kw, &["resource", "limits", "/"])?;
    let r = resource_arg(vm, r)?;
    let items = vm
        .collect(&limits.unwrap_or(Value::NONE))
        .map_err(|_| PyErr::type_error("expected a tuple of 2 integers"))?;
    if items.len() != 2 {
        return Err(PyErr::value_error("expected a tuple of 2 integers"));
    }
    let rl = libc::rlimit { rlim_cur: rlim_arg(vm, &items[0])?, rlim_max: rlim_arg(vm, &items[1])? };
    // SAFETY: rl is a valid rlimit.
    if unsafe { libc::setrlimit(r as _, &rl) } < 0 {
        let e = errno();
        if e == libc::EINVAL {
            return Err(PyErr::value_error("current limit exceeds maximum limit"));
        }
        if e == libc::EPERM {
            return Err(PyErr::value_error("not allowed to raise maximum limit"));
        }
        return Err(os_err(e, None, None));
    }
    Ok(Value::NONE)
}

fn getrusage(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [who] = bind("getrusage", args, kw, &["who", "/"])?;
    let who = c_int(vm, &who.unwrap_or(Value::NONE))?;
    // SAFETY: ru written by the call.
    let (rc, ru) = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        (libc::getrusage(who, &mut ru), ru)
    };
    if rc < 0 {
        if errno() == libc::EINVAL {
            return Err(PyErr::value_error("invalid who parameter"));
        }
        return Err(last_err());
    }
    let tv = |t: libc::timeval| Value::float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    let vis = vec![
        tv(ru.ru_utime),
        tv(ru.ru_stime),
        Value::int(ru.ru_maxrss),
        Value::int(ru.ru_ixrss),
        Value::int(ru.ru_idrss),
        Value::int(ru.ru_isrss),
        Value::int(ru.ru_minflt),
        Value::int(ru.ru_majflt),
        Value::int(ru.ru_nswap),
        Value::int(ru.ru_inblock),
        Value::int(ru.ru_oublock),
        Value::int(ru.ru_msgsnd),
        Value::int(ru.ru_msgrcv),
        Value::int(ru.ru_nsignals),
        Value::int(ru.ru_nvcsw),
        Value::int(ru.ru_nivcsw),
    ];
    Ok(seq_new_instance(&rusage_type(), vis, vec![]))
}

fn getpagesize(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getpagesize", args, kw, 0, 0)?;
    // SAFETY: plain sysconf.
    Ok(Value::int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

pub fn make() -> Value {
    let m = new_module("resource");
    add_function(&m, "getrlimit", getrlimit);
    add_function(&m, "setrlimit", setrlimit);
    add_function(&m, "getrusage", getrusage);
    add_function(&m, "getpagesize", getpagesize);
    set_attr(&m, "struct_rusage", rusage_type());
    set_attr(&m, "error", crate::types::types().exc.os_error.clone());
    let ints: &[(&str, i64)] = &[
        ("RLIMIT_AS", libc::RLIMIT_AS as i64),
        ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
        ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
        ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
        ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
        ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
        ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
        ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
        ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
        ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
        ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
        ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
        ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
        ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
        ("RLIM_INFINITY", -1),
        ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
        ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
        ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    ];
    add_ints(&m, ints);
    m
}
