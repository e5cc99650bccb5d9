//! `print`, `input`, `open`.

use crate::args::bind;
use crate::modules::io::stdio;
use crate::types::module::add_function;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    crate::types::dict::dict_get_str(&crate::types::module::module_dict(&vm.sys), name)
}

fn print(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, false);
    for (i, k) in kw.iter().enumerate() {
        let v = args[npos + i].clone();
        match k.as_str().unwrap_or("") {
            "sep" => sep = Some(v),
            "end" => end = Some(v),
            "file" => file = Some(v),
            "flush" => flush = vm.truthy(&v)?,
            other => return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let text_of = |v: Option<Value>, default: &str, what: &str| -> PyResult<Value> {
        match v {
            Some(v) if !v.is_none() => {
                if v.as_str().is_some() {
                    Ok(v)
                } else {
                    Err(PyErr::type_error(format!(
                        "{what} must be None or a string, not {}",
                        crate::types::type_ref(&v).type_name_str()
                    )))
                }
            }
            _ => Ok(Value::str(default)),
        }
    };
    let sep = text_of(sep, " ", "sep")?;
    let end = text_of(end, "\n", "end")?;
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => match sys_attr(vm, "stdout") {
            Some(f) if !f.is_none() => f,
            // sys.stdout is None: print does nothing.
            _ => return Ok(Value::NONE),
        },
    };
    let native = stdio::is_native_text(&file) || crate::modules::io::is_exact(&file, |c| &c.stringio);
    if native {
        // One native write of the whole text (same result as piecewise writes).
        let mut out = String::new();
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                out.push_str(sep.as_str().unwrap_or(" "));
            }
            if let Some(s) = a.as_pystr_exact() {
                out.push_str(s.as_str());
            } else {
                let s = vm.str(a)?;
                out.push_str(s.as_str().unwrap_or(""));
            }
        }
        out.push_str(end.as_str().unwrap_or("\n"));
        stdio::write_text(vm, &file, &out)?;
        if flush {
            stdio::flush_stream(vm, &file)?;
        }
        return Ok(Value::NONE);
    }
    // Any other file object: one write() per piece, as CPython does.
    let write = vm.getattr_str(&file, "write")?;
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            vm.call(&write, &[sep.clone()])?;
        }
        let s = if a.as_pystr_exact().is_some() { a.clone() } else { vm.str(a)? };
        vm.call(&write, &[s])?;
    }
    vm.call(&write, &[end])?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(Value::NONE)
}

fn input(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("input", args, kw, 0, 1)?;
    let [prompt] = bind("input", args, kw, &["prompt=", "/"])?;
    let fin = sys_attr(vm, "stdin").filter(|v| !v.is_none()).ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdin"))?;
    let fout = sys_attr(vm, "stdout").filter(|v| !v.is_none()).ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdout"))?;
    if let Some(ferr) = sys_attr(vm, "stderr").filter(|v| !v.is_none()) {
        let _ = stdio::flush_stream(vm, &ferr);
    }
    if let Some(p) = prompt {
        let s = vm.str_string(&p)?;
        stdio::write_text(vm, &fout, &s)?;
    }
    // CPython ignores a failing (or missing) `flush` here.
    let _ = stdio::flush_stream(vm, &fout);
    let line = stdio::read_line(vm, &fin)?;
    let Some(s) = line.as_str() else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if s.is_empty() {
        return Err(PyErr::new(&crate::types::types().exc.eof_error, "EOF when reading a line"));
    }
    Ok(Value::str(s.strip_suffix('\n').unwrap_or(s)))
}

pub fn register(m: &Value) {
    add_function(m, "print", print);
    add_function(m, "input", input);
    crate::types::module::set_attr(m, "open", crate::modules::io::open::open_function());
}
