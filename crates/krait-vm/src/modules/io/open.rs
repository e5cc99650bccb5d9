//! `open()` (also `builtins.open`, the same object), `open_code()`,
//! `text_encoding()`.

use super::buffered::{self, BKind};
use super::{textio, tname};
use crate::types::module::set_attr;
use crate::types::{dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<(Mode, String)> {
    let mut m = Mode { creating: false, reading: false, writing: false, appending: false, updating: false, text: false, binary: false };
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    let chars: Vec<char> = mode.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            'b' => m.binary = true,
            _ => return Err(invalid()),
        }
        if chars[i + 1..].contains(&c) {
            return Err(invalid());
        }
    }
    let mut raw = String::new();
    for (f, c) in [(m.creating, 'x'), (m.reading, 'r'), (m.writing, 'w'), (m.appending, 'a'), (m.updating, '+')] {
        if f {
            raw.push(c);
        }
    }
    if m.text && m.binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if [m.creating, m.reading, m.writing, m.appending].iter().filter(|&&x| x).count() > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok((m, raw))
}

fn opt_str(v: &Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(PyErr::type_error(format!("open() argument '{what}' must be str or None, not {}", tname(v)))),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = crate::args::bind(
        "open",
        args,
        kw,
        &["file", "mode=", "buffering=", "encoding=", "errors=", "newline=", "closefd=", "opener="],
    )?;
    let file = file.unwrap_or(Value::NONE);
    let mode_s = match &mode {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_string(),
            None => return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", tname(m)))),
        },
    };
    let mut buffering = match &buffering {
        None => -1,
        Some(b) => super::int_arg(vm, b)?,
    };
    let encoding = opt_str(&encoding, "encoding")?;
    let errors = opt_str(&errors, "errors")?;
    let newline = opt_str(&newline, "newline")?;
    let closefd = match &closefd {
        None => Value::TRUE,
        Some(c) => Value::bool(vm.truthy(c)?),
    };
    let opener = opener.unwrap_or(Value::NONE);
    if !(file.is_int() || file.as_str().is_some() || file.as_bytes().is_some())
        && crate::types::lookup(crate::types::type_ref(&file), "__fspath__").is_none()
        && !file.is_float()
    {
        return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", tname(&file))));
    }
    let (m, rawmode) = parse_mode(&mode_s)?;
    if m.binary {
        if encoding.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
        }
        if buffering == 1 {
            super::warn(
                vm,
                "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                &types().exc.runtime_warning,
            )?;
        }
    }
    let fileio = super::class(|c| &c.fileio);
    let raw = vm.call(&fileio, &[file, Value::str(&rawmode), closefd, opener])?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        if buffering == 1 || buffering < 0 {
            let tty = if buffering == 1 {
                true
            } else {
                let r = vm.call_method(&raw, "isatty", &[])?;
                vm.truthy(&r)?
            };
            if tty {
                buffering = -1;
                line_buffering = true;
            }
        }
        if buffering < 0 {
            let bs = vm.getattr_str(&raw, "_blksize")?;
            buffering = vm.index_value(&bs)?;
        }
        if buffering < 0 {
            return Err(PyErr::value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !m.binary {
                return Err(PyErr::value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw.clone());
        }
        let kind = if m.updating {
            BKind::Random
        } else if m.creating || m.writing || m.appending {
            BKind::Writer
        } else if m.reading {
            BKind::Reader
        } else {
            return Err(PyErr::value_error(format!("unknown mode: '{mode_s}'")));
        };
        let buffer = buffered::new_buffered(kind, raw.clone(), buffering as usize);
        if m.binary {
            return Ok(buffer);
        }
        let enc = match encoding.as_deref() {
            None | Some("locale") => "UTF-8".to_string(),
            Some(e) => e.to_string(),
        };
        if let Some(nl) = &newline {
            if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(PyErr::value_error(format!("illegal newline value: {nl}")));
            }
        }
        let errs = errors.clone().unwrap_or_else(|| "strict".to_string());
        let w = textio::new_text(vm, buffer, &enc, &errs, newline.as_deref(), line_buffering, false)?;
        super::iobase::inst_set(&w, "mode", Value::str(&mode_s));
        Ok(w)
    })();
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

fn open_code(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path] = crate::args::bind("open_code", args, kw, &["path"])?;
    let path = path.unwrap_or(Value::NONE);
    if path.as_str().is_none() {
        return Err(PyErr::type_error(format!("open_code() argument 'path' must be str, not {}", tname(&path))));
    }
    open(vm, &[path, Value::str("rb")], &[])
}

fn text_encoding(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [encoding, _stacklevel] = crate::args::bind("text_encoding", args, kw, &["encoding", "stacklevel=", "/"])?;
    let encoding = encoding.unwrap_or(Value::NONE);
    if encoding.is_none() {
        // "utf-8" in UTF-8 mode (sys.flags.utf8_mode), else "locale".
        let sys = vm.sys.clone();
        let utf8 = match vm.getattr_str(&sys, "flags").and_then(|f| vm.getattr_str(&f, "utf8_mode")) {
            Ok(m) => vm.truthy(&m)?,
            Err(_) => false,
        };
        return Ok(Value::str(if utf8 { "utf-8" } else { "locale" }));
    }
    Ok(encoding)
}

/// Add `open`, `open_code`, `text_encoding` to the `_io` module; `open` is
/// the object `builtins.open` already is.
pub fn register(vm: &mut Vm, m: &Value) {
    let bopen = crate::types::module::module_dict(&vm.builtins);
    match dict::dict_get_str(&bopen, "open") {
        Some(f) => set_attr(m, "open", f),
        None => set_attr(m, "open", open_function()),
    }
    // CPython's `_io` functions say they come from module "io".
    let owner = crate::types::module::new_module("io");
    for (name, f) in [("open_code", open_code as crate::object::NativeFn), ("text_encoding", text_encoding)] {
        let v = crate::types::native_function(name, f, crate::object::NativeKind::Function, Value::NULL, Some(owner.clone()));
        set_attr(m, name, v);
    }
}

/// The `open` function object (`builtins.open` is this one; its
/// `__module__` is "io" as in CPython).
pub fn open_function() -> Value {
    let owner = crate::types::module::new_module("io");
    crate::types::native_function("open", open, crate::object::NativeKind::Function, Value::NULL, Some(owner))
}
