//! `_symtable`: the scope analysis of Krait's compiler
//! (`krait_compiler::symtable`) in the shape CPython's `symtable.py`
//! expects: `symtable(source, filename, compile_type)` returns the module's
//! "symtable entry" with `id`, `name`, `type`, `lineno`, `nested`,
//! `varnames`, `children` and `symbols` (name -> usage flags | scope << 11),
//! plus the flag and scope constants with CPython 3.11's values.

use crate::args::bind;
use crate::modules::native::{native_data, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_getset, add_method, add_native, dict, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::symtable::{flags as kf, Scope, ScopeKind, SymbolScope, SymbolTable};
use krait_parser::ast::{Mod, StmtKind};

static ENTRY_TYPE: GilSlot = GilSlot::new();

// CPython 3.11's values (Include/internal/pycore_symtable.h).
const DEF_GLOBAL: i64 = 1;
const DEF_LOCAL: i64 = 2;
const DEF_PARAM: i64 = 4;
const DEF_NONLOCAL: i64 = 8;
const USE: i64 = 16;
const DEF_FREE: i64 = 32;
const DEF_FREE_CLASS: i64 = 64;
const DEF_IMPORT: i64 = 128;
const DEF_ANNOT: i64 = 256;
const DEF_COMP_ITER: i64 = 512;
const DEF_BOUND: i64 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
const SCOPE_OFF: i64 = 11;
const SCOPE_MASK: i64 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
const LOCAL: i64 = 1;
const GLOBAL_EXPLICIT: i64 = 2;
const GLOBAL_IMPLICIT: i64 = 3;
const FREE: i64 = 4;
const CELL: i64 = 5;
const TYPE_FUNCTION: i64 = 0;
const TYPE_CLASS: i64 = 1;
const TYPE_MODULE: i64 = 2;

struct Entry {
    id: i64,
    name: Value,
    type_: i64,
    lineno: i64,
    nested: bool,
    varnames: Value,
    children: Value,
    symbols: Value,
}

native_data!(Entry, name, varnames, children, symbols);

/// Krait's usage bits as CPython's.
fn cpython_flags(f: u32) -> i64 {
    let mut out = 0;
    for (k, c) in [
        (kf::DEF_GLOBAL, DEF_GLOBAL),
        (kf::DEF_LOCAL, DEF_LOCAL),
        (kf::DEF_PARAM, DEF_PARAM),
        (kf::DEF_NONLOCAL, DEF_NONLOCAL),
        (kf::USE, USE),
        (kf::DEF_FREE_CLASS, DEF_FREE_CLASS),
        (kf::DEF_IMPORT, DEF_IMPORT),
        (kf::DEF_ANNOT, DEF_ANNOT),
        (kf::DEF_COMP_ITER, DEF_COMP_ITER),
    ] {
        if f & k != 0 {
            out |= c;
        }
    }
    out
}

fn scope_code(s: SymbolScope) -> i64 {
    match s {
        SymbolScope::Unknown => 0,
        SymbolScope::Local => LOCAL,
        SymbolScope::GlobalExplicit => GLOBAL_EXPLICIT,
        SymbolScope::GlobalImplicit => GLOBAL_IMPLICIT,
        SymbolScope::Free => FREE,
        SymbolScope::Cell => CELL,
    }
}

/// CPython's block name: `top`, the def/class name, `lambda`, `listcomp`...
fn block_name(s: &Scope) -> String {
    match s.kind {
        ScopeKind::Module => "top".to_string(),
        ScopeKind::Lambda => "lambda".to_string(),
        ScopeKind::Comprehension => s.name.trim_start_matches('<').trim_end_matches('>').to_string(),
        _ => s.name.clone(),
    }
}

fn build_entry(vm: &mut Vm, st: &SymbolTable, id: usize, base_id: i64) -> PyResult<Value> {
    let s = &st.scopes[id];
    let mut children = Vec::with_capacity(s.children.len());
    for &c in &s.children {
        children.push(build_entry(vm, st, c, base_id)?);
    }
    let symbols = dict::new_dict();
    for sym in &s.symbols {
        let v = cpython_flags(sym.flags) | (scope_code(sym.scope) << SCOPE_OFF);
        dict::dict_set(vm, &symbols, Value::string(sym.name.clone()), Value::int(v))?;
    }
    let varnames: Vec<Value> = s.params.iter().map(|p| Value::string(p.clone())).collect();
    let type_ = match s.kind {
        ScopeKind::Module => TYPE_MODULE,
        ScopeKind::Class => TYPE_CLASS,
        _ => TYPE_FUNCTION,
    };
    let lineno = if s.kind == ScopeKind::Module { 0 } else { s.loc.line as i64 };
    let entry = Entry {
        id: base_id + id as i64,
        name: Value::string(block_name(s)),
        type_,
        lineno,
        nested: s.nested,
        varnames: Value::list(varnames),
        children: Value::list(children),
        symbols,
    };
    Ok(new_opaque(&entry_type(), entry))
}

fn eget<R>(args: &[Value], f: impl FnOnce(&Entry) -> R) -> PyResult<R> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    with_opaque::<Entry, _>(&me, |e| f(e)).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'symtable entry' object but received '{}'",
            type_ref(&me).type_name_str()
        ))
    })
}

fn e_id(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| Value::int(e.id))
}
fn e_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| e.name.clone())
}
fn e_type(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| Value::int(e.type_))
}
fn e_lineno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| Value::int(e.lineno))
}
fn e_nested(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| Value::int(e.nested as i64))
}
fn e_varnames(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| e.varnames.clone())
}
fn e_children(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| e.children.clone())
}
fn e_symbols(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| e.symbols.clone())
}
fn e_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    eget(args, |e| {
        Value::string(format!("<symtable entry {}({}), line {}>", e.name.as_str().unwrap_or(""), e.id, e.lineno))
    })
}
fn readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}
fn no_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'symtable entry' instances"))
}

fn entry_type() -> Value {
    ENTRY_TYPE.get_or_init(|| {
        let cls = new_type("builtins", "symtable entry", None);
        add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
        add_method(&cls, "__repr__", e_repr);
        for (n, f) in [
            ("id", e_id as crate::object::NativeFn),
            ("name", e_name),
            ("type", e_type),
            ("lineno", e_lineno),
            ("nested", e_nested),
            ("varnames", e_varnames),
            ("children", e_children),
            ("symbols", e_symbols),
        ] {
            add_getset(&cls, n, f, Some(readonly));
        }
        cls
    })
}

/// Whether `from __future__ import annotations` opens the module.
fn future_annotations(m: &Mod) -> bool {
    let Mod::Module { body } = m else { return false };
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::Expr { .. } if i == 0 => continue,
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                if names.iter().any(|a| a.name == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// The filename argument, as CPython's filesystem-path converter takes it:
/// str, bytes or os.PathLike; other buffers are deprecated (bytearray is
/// then refused, memoryview accepted).
fn filename_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    let t = crate::types::types();
    let tn = type_ref(v).type_name_str();
    let refused = || PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {tn}"));
    if crate::types::is_instance(v, &t.bytes) {
        let b = crate::modules::data::bytes_like(v).unwrap_or_default();
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    if crate::types::lookup(type_ref(v), "__fspath__").is_some() {
        let p = vm.call_method(v, "__fspath__", &[])?;
        return filename_arg(vm, &p);
    }
    let Some(b) = crate::modules::data::bytes_like(v) else { return Err(refused()) };
    let msg = format!("path should be string, bytes, or os.PathLike, not {tn}");
    crate::modules::io::warn(vm, &msg, &t.exc.deprecation_warning)?;
    if crate::types::is_instance(v, &t.bytearray) {
        return Err(refused());
    }
    Ok(String::from_utf8_lossy(&b).into_owned())
}

fn m_symtable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [source, filename, compile_type] = bind("symtable", args, kw, &["source", "filename", "compile_type", "/"])?;
    let source = source.unwrap_or(Value::NONE);
    let filename = filename.unwrap_or(Value::NONE);
    let compile_type = compile_type.unwrap_or(Value::NONE);
    let src: String = if let Some(s) = source.as_str() {
        s.to_string()
    } else if let Some(b) = crate::modules::data::bytes_like(&source) {
        crate::builtins::code::decode_source(vm, &b, "<symtable>")?
    } else {
        return Err(PyErr::type_error(format!(
            "symtable() arg 1 must be a string, bytes or AST object, not {}",
            type_ref(&source).type_name_str()
        )));
    };
    let fname = filename_arg(vm, &filename)?;
    let mode = match compile_type.as_str() {
        Some("exec") => krait_parser::Mode::Exec,
        Some("eval") => krait_parser::Mode::Eval,
        Some("single") => krait_parser::Mode::Single,
        Some(_) => return Err(PyErr::value_error("symtable() arg 3 must be 'exec' or 'eval' or 'single'")),
        None => {
            return Err(PyErr::type_error(format!(
                "symtable() argument 3 must be str, not {}",
                type_ref(&compile_type).type_name_str()
            )))
        }
    };
    let module = krait_parser::parse(&src, &fname, mode).map_err(|e| crate::builtins::code::syntax_error(&e, &fname, &src))?;
    let st = SymbolTable::build(&module, future_annotations(&module))
        .map_err(|e| crate::builtins::code::syntax_error(&e, &fname, &src))?;
    // Ids only need to be distinct across calls (CPython uses addresses).
    static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1 << 20);
    let base = NEXT.fetch_add(st.scopes.len() as i64 + 1, std::sync::atomic::Ordering::Relaxed);
    build_entry(vm, &st, 0, base)
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_symtable");
    add_function(&m, "symtable", m_symtable);
    for (n, v) in [
        ("USE", USE),
        ("DEF_GLOBAL", DEF_GLOBAL),
        ("DEF_NONLOCAL", DEF_NONLOCAL),
        ("DEF_LOCAL", DEF_LOCAL),
        ("DEF_PARAM", DEF_PARAM),
        ("DEF_FREE", DEF_FREE),
        ("DEF_FREE_CLASS", DEF_FREE_CLASS),
        ("DEF_IMPORT", DEF_IMPORT),
        ("DEF_BOUND", DEF_BOUND),
        ("DEF_ANNOT", DEF_ANNOT),
        ("TYPE_FUNCTION", TYPE_FUNCTION),
        ("TYPE_CLASS", TYPE_CLASS),
        ("TYPE_MODULE", TYPE_MODULE),
        ("LOCAL", LOCAL),
        ("GLOBAL_EXPLICIT", GLOBAL_EXPLICIT),
        ("GLOBAL_IMPLICIT", GLOBAL_IMPLICIT),
        ("FREE", FREE),
        ("CELL", CELL),
        ("SCOPE_OFF", SCOPE_OFF),
        ("SCOPE_MASK", SCOPE_MASK),
    ] {
        set_attr(&m, n, Value::int(v));
    }
    m
}
