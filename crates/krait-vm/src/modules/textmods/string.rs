//! `_string`: the format-string parsers behind `string.Formatter`
//! (`formatter_parser`, `formatter_field_name_split`).

use crate::args::bind;
use crate::types::module::{add_function, new_module};
use crate::types::type_ref;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn verr(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

fn text(c: &[char]) -> Value {
    Value::string(c.iter().collect())
}

/// One item of `formatter_parser`: (literal, field name, spec, conversion).
type Item = (Value, Value, Value, Value);

/// Parse a whole format string the way `str.format` reads it.
fn parse(fmt: &[char]) -> PyResult<Vec<Item>> {
    let n = fmt.len();
    let mut pos = 0;
    let mut items = Vec::new();
    while pos < n {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < n {
            c = fmt[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if markup && c == '}' && (at_end || fmt[pos] != '}') {
            return Err(verr("Single '}' encountered in format string"));
        }
        if markup && at_end && c == '{' {
            return Err(verr("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if fmt[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = text(&fmt[start..start + len]);
        if !markup {
            items.push((literal, Value::NONE, Value::NONE, Value::NONE));
            continue;
        }
        // The field: name, then `!conversion` and/or `:spec`.
        let name_start = pos;
        let mut c = '\0';
        while pos < n {
            c = fmt[pos];
            pos += 1;
            match c {
                '{' => return Err(verr("unexpected '{' in field name")),
                '[' => {
                    while pos < n && fmt[pos] != ']' {
                        pos += 1;
                    }
                    c = '\0';
                }
                '}' | ':' | '!' => break,
                _ => c = '\0',
            }
        }
        let name_end = if pos > name_start { pos - 1 } else { name_start };
        let name_end = if matches!(c, '}' | ':' | '!') { name_end } else { pos.saturating_sub(1).max(name_start) };
        let name = text(&fmt[name_start..name_end]);
        let mut conversion = Value::NONE;
        let mut spec = Value::str("");
        if c == '!' || c == ':' {
            let mut spec_follows = true;
            if c == '!' {
                if pos >= n {
                    return Err(verr("end of string while looking for conversion specifier"));
                }
                conversion = Value::string(fmt[pos].to_string());
                pos += 1;
                if pos < n {
                    let c2 = fmt[pos];
                    pos += 1;
                    if c2 == '}' {
                        spec_follows = false;
                    } else if c2 != ':' {
                        return Err(verr("expected ':' after conversion specifier"));
                    }
                }
            }
            if spec_follows {
                let sstart = pos;
                let mut count = 1;
                let mut closed = false;
                while pos < n {
                    let ch = fmt[pos];
                    pos += 1;
                    if ch == '{' {
                        count += 1;
                    } else if ch == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = text(&fmt[sstart..pos - 1]);
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(verr("unmatched '{' in format spec"));
                }
            }
        } else if c != '}' {
            return Err(verr("expected '}' before end of string"));
        }
        items.push((literal, name, spec, conversion));
    }
    Ok(items)
}

fn formatter_parser(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = bind("formatter_parser", args, kw, &["str", "/"])?;
    let s = s.unwrap();
    let Some(t) = s.as_str() else {
        return Err(PyErr::type_error(format!("expected str, got {}", type_ref(&s).type_name_str())));
    };
    let chars: Vec<char> = t.chars().collect();
    let items = parse(&chars)?;
    let list = Value::list(items.into_iter().map(|(a, b, c, d)| Value::tuple(vec![a, b, c, d])).collect());
    vm.iter(&list)
}

/// A decimal index (`Some`) or `None` if `s` is not all digits.
fn decimal(s: &[char]) -> PyResult<Option<Value>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let t: String = s.iter().collect();
    match t.parse::<i64>() {
        Ok(n) if n <= isize::MAX as i64 => Ok(Some(Value::int(n))),
        _ => Err(verr("Too many decimal digits in format string")),
    }
}

fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = bind("formatter_field_name_split", args, kw, &["str", "/"])?;
    let s = s.unwrap();
    let Some(t) = s.as_str() else {
        return Err(PyErr::type_error(format!("expected str, got {}", type_ref(&s).type_name_str())));
    };
    let name: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < name.len() && name[i] != '.' && name[i] != '[' {
        i += 1;
    }
    let first_chars = &name[..i];
    let first = match decimal(first_chars)? {
        Some(v) => v,
        None => text(first_chars),
    };
    let mut rest = Vec::new();
    while i < name.len() {
        let c = name[i];
        i += 1;
        if c == '.' {
            let st = i;
            while i < name.len() && name[i] != '.' && name[i] != '[' {
                i += 1;
            }
            if i == st {
                return Err(verr("Empty attribute in format string"));
            }
            rest.push(Value::tuple(vec![Value::TRUE, text(&name[st..i])]));
        } else if c == '[' {
            let st = i;
            while i < name.len() && name[i] != ']' {
                i += 1;
            }
            if i >= name.len() {
                return Err(verr("Missing ']' in format string"));
            }
            let keyc = &name[st..i];
            i += 1;
            if keyc.is_empty() {
                return Err(verr("Empty attribute in format string"));
            }
            let key = match decimal(keyc)? {
                Some(v) => v,
                None => text(keyc),
            };
            rest.push(Value::tuple(vec![Value::FALSE, key]));
            if i < name.len() && name[i] != '.' && name[i] != '[' {
                return Err(verr("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(verr("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let it = vm.iter(&Value::list(rest))?;
    Ok(Value::tuple(vec![first, it]))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_string");
    add_function(&m, "formatter_parser", formatter_parser);
    add_function(&m, "formatter_field_name_split", formatter_field_name_split);
    m
}
