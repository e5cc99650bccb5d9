//! `_sre`: the regular-expression engine CPython's `re` package compiles to.
//!
//! `re._compiler` turns a pattern into a list of code words and hands it to
//! `_sre.compile`; `engine.rs` interprets those words, `pattern.rs` provides
//! the `re.Pattern`, `re.Match` and `_sre.SRE_Scanner` types.

pub mod engine;
pub mod pattern;
pub mod text;
pub mod validate;

use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyResult, Vm};

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["_sre"];

fn char_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<u32> {
    crate::args::check_arity(name, args, kw, 1, 1)?;
    let v = vm.index_value(&args[0])?;
    // CPython takes an unsigned 32-bit code; out-of-range values wrap.
    Ok(v as u32)
}

fn m_getcodesize(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getcodesize", args, kw, 0, 0)?;
    Ok(Value::int(engine::CODESIZE))
}

fn m_ascii_iscased(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, "ascii_iscased", args, kw)?;
    Ok(Value::bool(engine::ascii_iscased(c)))
}

fn m_unicode_iscased(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, "unicode_iscased", args, kw)?;
    Ok(Value::bool(engine::unicode_iscased(c)))
}

fn m_ascii_tolower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, "ascii_tolower", args, kw)?;
    Ok(Value::int(engine::lower_ascii(c) as i64))
}

fn m_unicode_tolower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, "unicode_tolower", args, kw)?;
    Ok(Value::int(engine::lower_unicode(c) as i64))
}

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    let m = new_module(name);
    set_attr(&m, "MAGIC", Value::int(engine::MAGIC));
    set_attr(&m, "CODESIZE", Value::int(engine::CODESIZE));
    set_attr(&m, "MAXREPEAT", Value::int(engine::MAXREPEAT as i64));
    set_attr(&m, "MAXGROUPS", Value::int(engine::MAXGROUPS as i64));
    set_attr(&m, "copyright", Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    add_function(&m, "compile", pattern::m_compile);
    add_function(&m, "getcodesize", m_getcodesize);
    add_function(&m, "ascii_iscased", m_ascii_iscased);
    add_function(&m, "unicode_iscased", m_unicode_iscased);
    add_function(&m, "ascii_tolower", m_ascii_tolower);
    add_function(&m, "unicode_tolower", m_unicode_tolower);
    pattern::init_types(vm);
    m
}
