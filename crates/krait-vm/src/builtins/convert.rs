//! Conversion builtins: `repr`, `ascii`, `format`, `chr`, `ord`, `hex`,
//! `oct`, `bin`, `abs`, `round`, `divmod`, `pow`.

use crate::args::bind;
use crate::types::module::add_function;
use crate::types::{lookup, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

fn repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("repr", args, kw)?;
    vm.repr(&args[0])
}

fn ascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("ascii", args, kw)?;
    super::ascii_of(vm, &args[0])
}

fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("format", args, kw, 1, 2)?;
    let [v, spec] = bind("format", args, kw, &["value", "format_spec=", "/"])?;
    let spec = spec.unwrap_or(Value::str(""));
    let s = spec.as_str().ok_or_else(|| PyErr::type_error(format!(
        "format() argument 2 must be str, not {}", type_ref(&spec).type_name_str())))?.to_string();
    vm.format(&v.unwrap_or(Value::NONE), &s)
}

fn chr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("chr", args, kw)?;
    if !args[0].is_int() && lookup(type_ref(&args[0]), "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_ref(&args[0]).type_name_str()
        )));
    }
    let i = vm.index_value(&args[0]).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if !(0..=0x10FFFF).contains(&i) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    let c = char::from_u32(i as u32).unwrap_or('\u{FFFD}');
    Ok(Value::string(c.to_string()))
}

fn ord(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("ord", args, kw)?;
    let v = &args[0];
    if let Some(s) = v.as_pystr() {
        if s.char_len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(Value::int(s.char_at(0) as i64));
    }
    let bytes: Option<Vec<u8>> = match v.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Bytes(b)) => Some(b.to_vec()),
        Some(crate::object::Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    };
    if let Some(b) = bytes {
        if b.len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(Value::int(b[0] as i64));
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_ref(v).type_name_str()
    )))
}

fn radix(vm: &mut Vm, v: &Value, r: u32) -> PyResult<Value> {
    let b = match v.to_bigint() {
        Some(b) => b,
        None => {
            if lookup(type_ref(v), "__index__").is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_ref(v).type_name_str()
                )));
            }
            let i = vm.call_special(v, "__index__", &[])?.unwrap();
            i.to_bigint().unwrap_or_default()
        }
    };
    Ok(Value::string(crate::text::numparse::int_to_str_radix(&b, r, true)))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("hex", args, kw)?;
    radix(vm, &args[0], 16)
}
fn oct(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("oct", args, kw)?;
    radix(vm, &args[0], 8)
}
fn bin(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("bin", args, kw)?;
    radix(vm, &args[0], 2)
}

fn abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("abs", args, kw)?;
    let v = &args[0];
    if let Some(i) = v.as_small_int() {
        return Ok(Value::int(i.abs()));
    }
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(o) = v.as_obj() {
        if let crate::object::Payload::Complex(re, im) = &o.payload {
            if std::ptr::eq(o.ty(), crate::types::types().complex.as_obj().unwrap()) {
                let r = re.hypot(*im);
                if r.is_infinite() && re.is_finite() && im.is_finite() {
                    return Err(PyErr::overflow("absolute value too large"));
                }
                return Ok(Value::float(r));
            }
        }
    }
    match vm.call_special(v, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "bad operand type for abs(): '{}'",
            type_ref(v).type_name_str()
        ))),
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [number, ndigits] = bind("round", args, kw, &["number", "ndigits="])?;
    let number = number.unwrap();
    let extra: Vec<Value> = match ndigits {
        Some(n) if !n.is_none() => vec![n],
        _ => vec![],
    };
    match vm.call_special(&number, "__round__", &extra)? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            type_ref(&number).type_name_str()
        ))),
    }
}

fn divmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("divmod", args, kw, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if (a.is_float() || b.is_float()) && (a.is_int() || a.is_float()) && (b.is_int() || b.is_float()) {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        let (q, r) = float_divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::float(q), Value::float(r)]));
    }
    if a.is_int() && b.is_int() {
        if (a.is_int() || a.is_float()) && (b.is_int() || b.is_float()) {
            let q = vm.binary_op(a, b, BinOpKind::FloorDivide, false)?;
            let r = vm.binary_op(a, b, BinOpKind::Remainder, false)?;
            return Ok(Value::tuple(vec![q, r]));
        }
    }
    let r = vm.binary_op1(a, b, "__divmod__", "__rdivmod__")?;
    if r.is(&crate::types::types().not_implemented) {
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_ref(a).type_name_str(),
            type_ref(b).type_name_str()
        )));
    }
    Ok(r)
}

fn to_f64(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    match v.to_bigint() {
        Some(b) => crate::types::int::bigint_to_f64(&b),
        None => Err(PyErr::type_error("must be real number")),
    }
}

/// `divmod` of two floats with CPython's rounding and signed zeros.
fn float_divmod(vx: f64, wx: f64) -> PyResult<(f64, f64)> {
    if wx == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Ok((floordiv, m))
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [base, exp, m] = bind("pow", args, kw, &["base", "exp", "mod="])?;
    let (base, exp) = (base.unwrap(), exp.unwrap());
    match m {
        Some(m) if !m.is_none() => {
            if let (Some(a), Some(b), Some(c)) = (base.to_bigint(), exp.to_bigint(), m.to_bigint()) {
                return Ok(Value::bigint(crate::types::int::pow_mod(&a, &b, &c)?));
            }
            let is_complex = |v: &Value| matches!(v.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Complex(..)));
            let numeric = |v: &Value| v.is_int() || v.is_float() || is_complex(v);
            if numeric(&base) && numeric(&exp) && numeric(&m) {
                // complex.__pow__ reports "complex modulo" itself.
                if is_complex(&base) || is_complex(&exp) || is_complex(&m) {
                    return Err(PyErr::value_error("complex modulo"));
                }
                return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            match vm.call_special(&base, "__pow__", &[exp.clone(), m.clone()])? {
                Some(r) if !r.is(&crate::types::types().not_implemented) => Ok(r),
                _ => Err(PyErr::type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    type_ref(&base).type_name_str(),
                    type_ref(&exp).type_name_str(),
                    type_ref(&m).type_name_str()
                ))),
            }
        }
        _ => vm.binary_op(&base, &exp, BinOpKind::Power, false),
    }
}

pub fn register(m: &Value) {
    add_function(m, "repr", repr);
    add_function(m, "ascii", ascii);
    add_function(m, "format", format);
    add_function(m, "chr", chr);
    add_function(m, "ord", ord);
    add_function(m, "hex", hex);
    add_function(m, "oct", oct);
    add_function(m, "bin", bin);
    add_function(m, "abs", abs);
    add_function(m, "round", round);
    add_function(m, "divmod", divmod);
    add_function(m, "pow", pow);
}
