//! Operators: binary, unary and rich comparison, with CPython's dispatch
//! rules (reflected operands, subclass priority, NotImplemented, in-place
//! forms falling back to the plain ones).
//!
//! Builtin numeric types are handled natively first (`native_binop`) so that
//! `a + b` on ints and floats never looks anything up; the same routines
//! back the dunder methods (`int.__add__`) that user subclasses inherit.

use crate::object::Payload;
use crate::types::{self, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};

/// Dunder names of each operator: (normal, reflected, in-place).
pub fn binop_names(op: BinOpKind) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOpKind::Add => ("__add__", "__radd__", "__iadd__"),
        BinOpKind::And => ("__and__", "__rand__", "__iand__"),
        BinOpKind::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOpKind::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOpKind::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOpKind::Multiply => ("__mul__", "__rmul__", "__imul__"),
        BinOpKind::Remainder => ("__mod__", "__rmod__", "__imod__"),
        BinOpKind::Or => ("__or__", "__ror__", "__ior__"),
        BinOpKind::Power => ("__pow__", "__rpow__", "__ipow__"),
        BinOpKind::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOpKind::Subtract => ("__sub__", "__rsub__", "__isub__"),
        BinOpKind::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOpKind::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

pub fn cmp_names(op: CmpOpKind) -> &'static str {
    match op {
        CmpOpKind::Lt => "__lt__",
        CmpOpKind::Le => "__le__",
        CmpOpKind::Eq => "__eq__",
        CmpOpKind::Ne => "__ne__",
        CmpOpKind::Gt => "__gt__",
        CmpOpKind::Ge => "__ge__",
    }
}

#[inline]
fn is_notimpl(v: &Value) -> bool {
    v.is(&types().not_implemented)
}

/// Whether `v`'s type is exactly one of the builtin types with native
/// operators (so no user override can exist).
#[inline]
fn is_native_operand(v: &Value) -> bool {
    if !v.is_ptr() {
        return !v.is_null();
    }
    let td = type_ref(v).type_data();
    !td.heap
}

impl Vm {
    /// `a op b` (or `a op= b` when `inplace`).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOpKind, inplace: bool) -> PyResult<Value> {
        // Fast paths: immediates.
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            if let Some(r) = crate::types::int_methods::small_int_binop(x, y, op) {
                return r;
            }
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            if let Some(r) = crate::types::float::float_binop(x, y, op) {
                return r;
            }
        }
        if is_native_operand(a) && is_native_operand(b) && !inplace {
            if let Some(r) = native_binop(self, a, b, op)? {
                return Ok(r);
            }
        }
        let (name, rname, iname) = binop_names(op);
        if inplace {
            if let Some(f) = types::lookup(type_ref(a), iname) {
                let r = self.call_unbound(&f, a, &[b.clone()])?;
                if !is_notimpl(&r) {
                    return Ok(r);
                }
            }
        }
        let r = self.binary_op1(a, b, name, rname)?;
        if !is_notimpl(&r) {
            return Ok(r);
        }
        if op == BinOpKind::Multiply {
            if let Some(e) = crate::ops::seq::repeat_type_error(a, b) {
                return Err(e);
            }
        }
        let sym = op.symbol();
        if op == BinOpKind::Power && false {
            unreachable!()
        }
        let istr = if inplace { "=" } else { "" };
        if op == BinOpKind::Remainder && inplace {
            // fallthrough message form is the same
        }
        let ta = type_ref(a).type_name_str();
        let tb = type_ref(b).type_name_str();
        if op == BinOpKind::Power && !inplace {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
            )));
        }
        if op == BinOpKind::Rshift && !inplace && crate::types::function::is_builtin_print(a) {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for >>: '{ta}' and '{tb}'. Did you mean \"print(<message>, file=<output_stream>)\"?"
            )));
        }
        Err(PyErr::type_error(format!("unsupported operand type(s) for {sym}{istr}: '{ta}' and '{tb}'")))
    }

    /// CPython's `binary_op1`: try `a.__op__(b)` and `b.__rop__(a)`, the
    /// reflected one first when b's type is a proper subclass overriding it.
    pub fn binary_op1(&mut self, a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Value> {
        let ta = type_ref(a);
        let tb = type_ref(b);
        let same = std::ptr::eq(ta, tb);
        let fa = types::lookup(ta, name);
        let fb = if same { None } else { types::lookup(tb, rname) };
        let mut fb = fb;
        if let Some(f) = &fb {
            if types::is_subtype_ref(tb, ta) {
                let a_r = types::lookup(ta, rname);
                let overrides = match &a_r {
                    Some(x) => !x.is(f),
                    None => true,
                };
                if overrides {
                    let r = self.call_unbound(f, b, &[a.clone()])?;
                    if !is_notimpl(&r) {
                        return Ok(r);
                    }
                    fb = None;
                }
            }
        }
        if let Some(f) = fa {
            let r = self.call_unbound(&f, a, &[b.clone()])?;
            if !is_notimpl(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = fb {
            let r = self.call_unbound(&f, b, &[a.clone()])?;
            if !is_notimpl(&r) {
                return Ok(r);
            }
        }
        Ok(types().not_implemented.clone())
    }

    /// Rich comparison `a op b`, returning the result object.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOpKind) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(Value::bool(cmp_ord(x.cmp(&y), op)));
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            return Ok(Value::bool(cmp_f64(x, y, op)));
        }
        if is_native_operand(a) && is_native_operand(b) {
            if let Some(r) = crate::ops::compare::native_compare(self, a, b, op)? {
                return Ok(Value::bool(r));
            }
        }
        self.compare_slow(a, b, op)
    }

    fn compare_slow(&mut self, a: &Value, b: &Value, op: CmpOpKind) -> PyResult<Value> {
        self.check_stack(" in comparison")?;
        let ta = type_ref(a);
        let tb = type_ref(b);
        let name = cmp_names(op);
        let rname = cmp_names(op.swapped());
        let mut tried_reflected = false;
        if !std::ptr::eq(ta, tb) && types::is_subtype_ref(tb, ta) {
            if let Some(f) = types::lookup(tb, rname) {
                tried_reflected = true;
                let r = self.cmp_slot(&f, b, a)?;
                if !is_notimpl(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = types::lookup(ta, name) {
            let r = self.cmp_slot(&f, a, b)?;
            if !is_notimpl(&r) {
                return Ok(r);
            }
        }
        if !tried_reflected {
            if let Some(f) = types::lookup(tb, rname) {
                let r = self.cmp_slot(&f, b, a)?;
                if !is_notimpl(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOpKind::Eq => Ok(Value::bool(a.is(b))),
            CmpOpKind::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.type_name_str(),
                tb.type_name_str()
            ))),
        }
    }

    /// Call a rich-comparison method found on `type(a)`; a descriptor whose
    /// binding fails counts as NotImplemented (CPython's slot does that).
    fn cmp_slot(&mut self, f: &Value, a: &Value, b: &Value) -> PyResult<Value> {
        let plain = matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_) | Payload::Native(_)));
        if !plain && crate::ops::attr::has_descr_get(f) {
            let owner = crate::types::type_of(a);
            return match crate::ops::attr::descr_get(self, f.clone(), Some(a), &owner) {
                Ok(bound) => self.call(&bound, &[b.clone()]),
                Err(_) => Ok(types().not_implemented.clone()),
            };
        }
        self.call_unbound(f, a, &[b.clone()])
    }

    /// `a == b` as a bool (identity implies equality, as containers assume).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::types::dict::eq_native(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOpKind::Eq)?;
        self.truthy(&r)
    }

    /// `a op b` as a bool.
    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: CmpOpKind) -> PyResult<bool> {
        let r = self.compare(a, b, op)?;
        self.truthy(&r)
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        if let Some(i) = v.as_small_int() {
            match name {
                "__neg__" => return Ok(Value::int(-i)),
                "__pos__" => return Ok(v.clone()),
                "__invert__" => return Ok(Value::int(!i)),
                _ => {}
            }
        }
        if let Some(f) = v.as_float() {
            match name {
                "__neg__" => return Ok(Value::float(-f)),
                "__pos__" => return Ok(v.clone()),
                _ => {}
            }
        }
        match types::lookup(type_ref(v), name) {
            Some(f) => self.call_unbound(&f, v, &[]),
            None => {
                let sym = match name {
                    "__neg__" => "-",
                    "__pos__" => "+",
                    "__invert__" => "~",
                    _ => "?",
                };
                Err(PyErr::type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    type_ref(v).type_name_str()
                )))
            }
        }
    }
}

#[inline]
pub fn cmp_ord(o: std::cmp::Ordering, op: CmpOpKind) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOpKind::Lt => o == Less,
        CmpOpKind::Le => o != Greater,
        CmpOpKind::Eq => o == Equal,
        CmpOpKind::Ne => o != Equal,
        CmpOpKind::Gt => o == Greater,
        CmpOpKind::Ge => o != Less,
    }
}

#[inline]
pub fn cmp_f64(x: f64, y: f64, op: CmpOpKind) -> bool {
    match op {
        CmpOpKind::Lt => x < y,
        CmpOpKind::Le => x <= y,
        CmpOpKind::Eq => x == y,
        CmpOpKind::Ne => x != y,
        CmpOpKind::Gt => x > y,
        CmpOpKind::Ge => x >= y,
    }
}

/// Binary operators between builtin objects, or None if the pair is not
/// handled natively (then dunder dispatch decides).
pub fn native_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    // Numbers: int/bool/float/complex tower.
    if let Some(r) = crate::types::int_methods::int_binop(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = crate::types::float::float_binop_mixed(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = crate::types::complex::complex_binop(vm, a, b, op)? {
        return Ok(Some(r));
    }
    // Sequences and sets.
    crate::ops::seq::native_seq_binop(vm, a, b, op)
}
