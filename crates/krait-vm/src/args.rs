//! Declarative argument binding for native functions.
//!
//! A native function receives `(args, kwnames)` in the vectorcall layout
//! (positional values, then keyword values named by `kwnames`). Instead of
//! indexing `args[0]` by hand it declares its parameters:
//!
//! ```ignore
//! let [iterable, key, reverse] = bind("sorted", args, kw, &["iterable", "/", "*", "key=", "reverse="])?;
//! ```
//!
//! Spec entries: `name` required, `name=` optional, `/` ends the
//! positional-only parameters, `*` starts the keyword-only ones, `*args` collects
//! extra positionals into a tuple (returned in its slot). Missing optionals
//! are `None` in the result array.

use crate::value::Value;
use crate::{PyErr, PyResult};

/// Bind `args`/`kwnames` against `spec`, returning one slot per named parameter.
pub fn bind<const N: usize>(fname: &str, args: &[Value], kwnames: &[Value], spec: &[&str]) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let npos = args.len() - kwnames.len();
    // Parse the spec.
    struct P<'a> {
        name: &'a str,
        required: bool,
        posonly: bool,
        kwonly: bool,
        star: bool,
    }
    let mut params: Vec<P> = Vec::with_capacity(N);
    let mut kwonly = false;
    let mut slash_at: Option<usize> = None;
    for s in spec {
        match *s {
            "/" => slash_at = Some(params.len()),
            "*" => kwonly = true,
            _ if s.starts_with('*') => {
                params.push(P { name: &s[1..], required: false, posonly: true, kwonly: false, star: true });
                kwonly = true;
            }
            _ => {
                let (name, required) = match s.strip_suffix('=') {
                    Some(n) => (n, false),
                    None => (*s, true),
                };
                params.push(P { name, required, posonly: false, kwonly, star: false });
            }
        }
    }
    if let Some(k) = slash_at {
        for p in params.iter_mut().take(k) {
            p.posonly = true;
        }
    }
    assert_eq!(params.len(), N, "bind spec for {fname} has wrong arity");
    let positional: Vec<usize> = (0..params.len()).filter(|&i| !params[i].kwonly && !params[i].star).collect();
    let star = params.iter().position(|p| p.star);
    let mut i = 0;
    for &pi in &positional {
        if i < npos {
            out[pi] = Some(args[i].clone());
            i += 1;
        }
    }
    if i < npos {
        match star {
            Some(si) => out[si] = Some(Value::tuple(args[i..npos].to_vec())),
            None => {
                let max = positional.len();
                let min = positional.iter().filter(|&&p| params[p].required).count();
                return Err(PyErr::type_error(if min == max {
                    format!("{fname}() takes exactly {max} argument{} ({npos} given)", if max == 1 { "" } else { "s" })
                } else {
                    format!("{fname}() takes at most {max} argument{} ({npos} given)", if max == 1 { "" } else { "s" })
                }));
            }
        }
    } else if let Some(si) = star {
        out[si] = Some(Value::tuple(vec![]));
    }
    for (k, name) in kwnames.iter().enumerate() {
        let n = name.as_str().unwrap_or("");
        match params.iter().position(|p| p.name == n && !p.star) {
            Some(pi) if !params[pi].posonly => {
                if out[pi].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {fname}() given by name ('{n}') and position ({})",
                        pi + 1
                    )));
                }
                out[pi] = Some(args[npos + k].clone());
            }
            _ => {
                return Err(PyErr::type_error(format!("{fname}() got an unexpected keyword argument '{n}'")));
            }
        }
    }
    for (pi, p) in params.iter().enumerate() {
        if p.required && out[pi].is_none() {
            return Err(PyErr::type_error(if p.kwonly {
                format!("{fname}() missing required keyword argument '{}'", p.name)
            } else {
                format!("{fname}() missing required argument '{}' (pos {})", p.name, pi + 1)
            }));
        }
    }
    Ok(out)
}

/// For natives that take no keyword arguments: check there are none.
pub fn no_kwargs(fname: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// Positional-only arity check: between `min` and `max` arguments.
pub fn check_arity(fname: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    no_kwargs(fname, kwnames)?;
    let n = args.len();
    if n < min || n > max {
        let msg = if min == 1 && max == 1 {
            format!("{fname}() takes exactly one argument ({n} given)")
        } else if min == max {
            format!("{fname}() takes exactly {} argument{} ({n} given)", min, if min == 1 { "" } else { "s" })
        } else if n < min {
            format!("{fname}() takes at least {} argument{} ({n} given)", min, if min == 1 { "" } else { "s" })
        } else {
            format!("{fname}() takes at most {} argument{} ({n} given)", max, if max == 1 { "" } else { "s" })
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

/// Arity check for a method of a builtin type that takes `n - 1` positional
/// arguments after `self` and no keywords, with CPython's messages
/// (`int.bit_length() takes no arguments (1 given)`, `expected 1 argument, got 0`).
pub fn method_arity(type_name: &str, name: &str, args: &[Value], kwnames: &[Value], n: usize) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != n {
        let want = n - 1;
        let given = args.len().saturating_sub(1);
        if want == 0 && !name.starts_with("__") {
            return Err(PyErr::type_error(format!("{type_name}.{name}() takes no arguments ({given} given)")));
        }
        return Err(PyErr::type_error(format!(
            "expected {want} argument{}, got {given}",
            if want == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}
