//! `print`, `input`, `open`.

use crate::args::bind;
use crate::types::module::add_function;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

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
    let text_of = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.to_string()),
                None => {
                    let _ = vm;
                    Err(PyErr::type_error(format!(
                        "{what} must be None or a string, not {}",
                        crate::types::type_ref(&v).type_name_str()
                    )))
                }
            },
        }
    };
    let sep = text_of(vm, sep, " ", "sep")?;
    let end = text_of(vm, end, "\n", "end")?;
    if let Some(f) = file.as_ref().filter(|f| !f.is_none() && !crate::modules::sys::is_std_stream(f)) {
        // A file object: one write() per piece, as CPython does.
        let write = vm.getattr_str(f, "write")?;
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                vm.call(&write, &[Value::str(&sep)])?;
            }
            let s = if a.as_pystr_exact().is_some() { a.clone() } else { vm.str(a)? };
            vm.call(&write, &[s])?;
        }
        vm.call(&write, &[Value::str(&end)])?;
        if flush {
            vm.call_method(f, "flush", &[])?;
        }
        return Ok(Value::NONE);
    }
    let mut out = String::new();
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        if let Some(s) = a.as_pystr_exact() {
            out.push_str(s.as_str());
        } else {
            let s = vm.str(a)?;
            out.push_str(s.as_str().unwrap_or(""));
        }
    }
    out.push_str(&end);
    match file {
        Some(f) if !f.is_none() => {
            vm.call_method(&f, "write", &[Value::string(out)])?;
            if flush {
                vm.call_method(&f, "flush", &[])?;
            }
        }
        _ => {
            crate::modules::sys::write_stdout(vm, &out)?;
            if flush {
                crate::modules::sys::flush_stdout(vm)?;
            }
        }
    }
    Ok(Value::NONE)
}

fn input(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("input", args, kw, 0, 1)?;
    let [prompt] = bind("input", args, kw, &["prompt=", "/"])?;
    if let Some(p) = prompt {
        let s = vm.str_string(&p)?;
        crate::modules::sys::write_stdout(vm, &s)?;
    }
    crate::modules::sys::flush_stdout(vm)?;
    let stdin = crate::types::dict::dict_get_str(&crate::types::module::module_dict(&vm.sys), "stdin");
    if let Some(si) = stdin.filter(|s| !crate::modules::sys::is_std_stream(s)) {
        let line = vm.call_method(&si, "readline", &[])?;
        let s = vm.str_string(&line)?;
        if s.is_empty() {
            return Err(PyErr::new(&crate::types::types().exc.eof_error, "EOF when reading a line"));
        }
        return Ok(Value::string(s.strip_suffix('\n').unwrap_or(&s).to_string()));
    }
    let mut line = String::new();
    let n = std::io::stdin().read_line(&mut line).map_err(|e| crate::error::io_error(&e, None))?;
    if n == 0 {
        return Err(PyErr::new(&crate::types::types().exc.eof_error, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(Value::string(line))
}

fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::types::file::open(vm, args, kw)
}

pub fn register(m: &Value) {
    add_function(m, "print", print);
    add_function(m, "input", input);
    add_function(m, "open", open);
}
