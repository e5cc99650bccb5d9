//! `_string`: the format-string parsers behind `string.Formatter`
//! (`formatter_parser`, `formatter_field_name_split`).

use crate::args::bind;
use crate::types::module::{add_function, new_module};
use crate::types::str_methods::format::{format_pieces, split_field_name};
use crate::types::type_ref;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn text(c: &[char]) -> Value {
    Value::string(c.iter().collect())
}

/// The argument as chars, or CPython's TypeError.
fn str_arg(s: &Value) -> PyResult<Vec<char>> {
    match s.as_str() {
        Some(t) => Ok(t.chars().collect()),
        None => Err(PyErr::type_error(format!("expected str, got {}", type_ref(s).type_name_str()))),
    }
}

/// Iterator of (literal, field name, spec, conversion); the whole string
/// is parsed up front, so a syntax error is raised by the call.
fn formatter_parser(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = bind("formatter_parser", args, kw, &["str", "/"])?;
    let chars = str_arg(&s.unwrap())?;
    let mut items = Vec::new();
    for piece in format_pieces(&chars) {
        let (literal, field) = piece?;
        let item = match field {
            None => vec![text(literal), Value::NONE, Value::NONE, Value::NONE],
            Some(f) => {
                let conversion = f.conversion.map_or(Value::NONE, |c| Value::string(c.to_string()));
                vec![text(literal), text(f.name), text(f.spec), conversion]
            }
        };
        items.push(Value::tuple(item));
    }
    vm.iter(&Value::list(items))
}

/// (first, iterator of (is_attribute, key)); the whole name is parsed up front.
fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = bind("formatter_field_name_split", args, kw, &["str", "/"])?;
    let name = str_arg(&s.unwrap())?;
    let (first, rest) = split_field_name(&name)?;
    let mut parts = Vec::new();
    for part in rest {
        let (is_attr, key) = part?;
        parts.push(Value::tuple(vec![Value::bool(is_attr), key.to_value()]));
    }
    let it = vm.iter(&Value::list(parts))?;
    Ok(Value::tuple(vec![first.to_value(), it]))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_string");
    add_function(&m, "formatter_parser", formatter_parser);
    add_function(&m, "formatter_field_name_split", formatter_field_name_split);
    m
}
