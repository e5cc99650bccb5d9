//! Builtins that run code: `exec`, `eval`, `compile`, `__import__`,
//! `__build_class__`.

use crate::args::bind;
use crate::interp::call::run_code;
use crate::interp::VmCode;
use crate::types::module::add_function;
use crate::types::{dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_parser::Mode;

/// Compile source text into a code object value, raising SyntaxError.
pub fn compile_source(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> PyResult<std::rc::Rc<VmCode>> {
    let _ = vm;
    match krait_compiler::compile_source(src, filename, mode) {
        Ok(code) => Ok(VmCode::new(code)),
        Err(e) => Err(syntax_error(&e, filename, src)),
    }
}

/// A Python SyntaxError (or subclass) from the parser's error.
pub fn syntax_error(e: &krait_parser::SyntaxError, filename: &str, src: &str) -> PyErr {
    let t = &types().exc;
    let ty = match e.kind {
        "IndentationError" => &t.indentation_error,
        "TabError" => &t.tab_error,
        "RecursionError" => return PyErr::recursion_error(e.msg.clone()),
        "SystemError" => return PyErr::new(&t.system_error, e.msg.clone()),
        _ => &t.syntax_error,
    };
    let text = src.lines().nth((e.line as usize).saturating_sub(1)).map(|l| Value::string(format!("{l}\n"))).unwrap_or(Value::NONE);
    let info = Value::tuple(vec![
        Value::str(filename),
        Value::int(e.line as i64),
        Value::int(e.col as i64),
        text,
        Value::int(e.end_line as i64),
        Value::int(e.end_col as i64),
    ]);
    PyErr::with_args(ty, vec![Value::str(&e.msg), info])
}

fn source_text(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.as_bytes() {
        return String::from_utf8(b.to_vec()).map_err(|_| PyErr::value_error("source code string cannot contain invalid utf-8"));
    }
    let _ = vm;
    Err(PyErr::type_error(format!(
        "{fname}() arg 1 must be a string, bytes or code object"
    )))
}

fn namespaces(vm: &mut Vm, globals: Option<Value>, locals: Option<Value>, fname: &str) -> PyResult<(Value, Value)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    match globals {
        Some(g) => {
            if g.as_dict().is_none() {
                return Err(PyErr::type_error(format!(
                    "{fname}() globals must be a dict, not {}",
                    type_ref(&g).type_name_str()
                )));
            }
            if dict::dict_get_str(&g, "__builtins__").is_none() {
                dict::dict_set_str(&g, "__builtins__", vm.builtins.clone());
            }
            let l = locals.unwrap_or_else(|| g.clone());
            Ok((g, l))
        }
        None => {
            let (g, l) = match vm.current_frame() {
                Some(f) => (f.globals.clone(), if f.locals.is_null() { Value::NULL } else { f.locals.clone() }),
                None => (dict::new_dict(), Value::NULL),
            };
            let l = match locals {
                Some(l) => l,
                None if l.is_null() => crate::builtins::introspect::current_locals(vm)?,
                None => l,
            };
            Ok((g, l))
        }
    }
}

fn exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() == kw.len() {
        return Err(PyErr::type_error("exec() takes at least 1 positional argument (0 given)"));
    }
    let [source, globals, locals, _closure] = bind("exec", args, kw, &["source", "globals=", "locals=", "/", "*", "closure="])?;
    let source = source.unwrap_or(Value::NONE);
    let code = match crate::types::function::as_code(&source) {
        Some(c) => c,
        None => {
            let text = source_text(vm, &source, "exec")?;
            compile_source(vm, &text, "<string>", Mode::Exec)?
        }
    };
    let (g, l) = namespaces(vm, globals, locals, "exec")?;
    run_code(vm, code, g, l, None)?;
    Ok(Value::NONE)
}

fn eval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() == kw.len() || args.len() - kw.len() > 3 {
        return Err(super::unpack_args("eval", &args[..args.len() - kw.len()], &[], 1, 3).err().unwrap_or_else(|| {
            PyErr::type_error("eval() takes no keyword arguments")
        }));
    }
    let [source, globals, locals] = bind("eval", args, kw, &["source", "globals=", "locals=", "/"])?;
    let source = source.unwrap_or(Value::NONE);
    let code = match crate::types::function::as_code(&source) {
        Some(c) => c,
        None => {
            let text = source_text(vm, &source, "eval")?;
            let text = text.trim_start_matches([' ', '\t']);
            compile_source(vm, text, "<string>", Mode::Eval)?
        }
    };
    let (g, l) = namespaces(vm, globals, locals, "eval")?;
    run_code(vm, code, g, l, None)
}

const PYCF_ONLY_AST: i64 = 0x400;

/// Whether `v` is an instance of `_ast.AST` (only possible once `_ast` is imported).
fn ast_module_if_node(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(m) = dict::dict_get_str(&vm.modules, "_ast") else { return Ok(None) };
    let base = vm.getattr_str(&m, "AST")?;
    Ok(if vm.isinstance(v, &base)? { Some(m) } else { None })
}

fn compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [source, filename, mode, flags, _dont_inherit, _optimize, _fv] = bind(
        "compile",
        args,
        kw,
        &["source", "filename", "mode", "flags=", "dont_inherit=", "optimize=", "*", "_feature_version="],
    )?;
    let source = source.unwrap_or(Value::NONE);
    let flags = match flags {
        Some(f) => vm.index_value(&f)?,
        None => 0,
    };
    let filename = filename.unwrap_or(Value::NONE);
    let filename = match filename.as_bytes() {
        Some(b) => String::from_utf8_lossy(b).into_owned(),
        None => {
            let f = match vm.getattr_opt(&filename, &Value::str("__fspath__"))? {
                Some(fs) if filename.as_str().is_none() => vm.call(&fs, &[])?,
                _ => filename,
            };
            vm.str_string(&f)?
        }
    };
    let mode_s = mode.as_ref().and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_default();
    let mode = match mode_s.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    // An AST object: return it (ONLY_AST) or compile its unparsed text.
    if let Some(astm) = ast_module_if_node(vm, &source)? {
        if flags & PYCF_ONLY_AST != 0 {
            return Ok(source);
        }
        let f = vm.getattr_str(&astm, "_to_source")?;
        let text = vm.call(&f, &[source])?;
        let text = vm.str_string(&text)?;
        let code = compile_source(vm, &text, &filename, mode)?;
        return Ok(crate::types::function::new_code_object(code));
    }
    let text = source_text(vm, &source, "compile")?;
    if flags & PYCF_ONLY_AST != 0 {
        let tree = match krait_parser::parse(&text, &filename, mode) {
            Ok(t) => t,
            Err(e) => return Err(syntax_error(&e, &filename, &text)),
        };
        let dumped = krait_parser::dump::dump(&tree, true);
        let astm = crate::import::import_module(vm, "_ast")?;
        let f = vm.getattr_str(&astm, "_from_dump")?;
        return vm.call(&f, &[Value::string(dumped)]);
    }
    let code = compile_source(vm, &text, &filename, mode)?;
    Ok(crate::types::function::new_code_object(code))
}

fn import(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] =
        bind("__import__", args, kw, &["name", "globals=", "locals=", "fromlist=", "level="])?;
    let name = name.unwrap();
    let level = level.and_then(|l| l.as_i64()).unwrap_or(0);
    let fromlist = fromlist.unwrap_or(Value::NONE);
    crate::import::import_full(vm, &name, globals.as_ref(), &fromlist, level)
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::build_class(vm, args, kw)
}

pub fn register(m: &Value) {
    add_function(m, "exec", exec);
    add_function(m, "eval", eval);
    add_function(m, "compile", compile);
    add_function(m, "__import__", import);
    add_function(m, "__build_class__", build_class);
}

/// The encoding a PEP 263 cookie in the first two lines names, if any.
fn coding_cookie(src: &[u8]) -> Option<String> {
    for line in src.split(|&b| b == b'\n').take(2) {
        let s = String::from_utf8_lossy(line);
        let t = s.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            if t.trim().is_empty() {
                continue;
            }
            return None;
        }
        if let Some(i) = t.find("coding") {
            let rest = &t[i + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Source file bytes to text: a UTF-8 BOM is dropped, a PEP 263 coding
/// cookie is honoured (utf-8 and latin-1 natively, others through the codec
/// registry), and undecodable UTF-8 without a cookie is CPython's SyntaxError.
pub fn decode_source(vm: &mut Vm, src: &[u8], filename: &str) -> PyResult<String> {
    let src = src.strip_prefix(b"\xef\xbb\xbf").unwrap_or(src);
    let enc = coding_cookie(src).map(|e| e.to_ascii_lowercase().replace('_', "-"));
    match enc.as_deref() {
        None | Some("utf-8") | Some("utf8") | Some("utf-8-unix") => match std::str::from_utf8(src) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let line = src[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                let msg = if enc.is_none() {
                    format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        src[at]
                    )
                } else {
                    format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte", src[at])
                };
                Err(PyErr::new(&types().exc.syntax_error, msg))
            }
        },
        Some("latin-1") | Some("iso-8859-1") | Some("iso8859-1") | Some("latin1") | Some("l1") => {
            Ok(src.iter().map(|&b| b as char).collect())
        }
        Some(other) => {
            let b = Value::bytes(src.to_vec());
            let s = vm.call_method(&b, "decode", &[Value::string(other.to_string())])?;
            Ok(s.as_str().map(|s| s.to_string()).unwrap_or_default())
        }
    }
}
