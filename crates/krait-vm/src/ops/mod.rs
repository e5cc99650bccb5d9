//! The object protocols every part of the VM uses: truthiness, hashing,
//! `repr`/`str`/`format`, attribute access (`attr`), operators (`arith`,
//! `compare`) and containers (`seq`). Each has a native fast path for
//! builtin types and falls back to looking up the dunder method.

pub mod arith;
pub mod attr;
pub mod compare;
pub mod seq;

use crate::object::Payload;
use crate::types::{self, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if v.is_bool() {
            return Ok(v.is_true_singleton());
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        let o = v.as_obj().unwrap();
        let tr = o.ty();
        if !tr.type_data().heap {
            match &o.payload {
                Payload::Str(s) => return Ok(s.char_len() > 0),
                Payload::List(l) => return Ok(!l.borrow().is_empty()),
                Payload::Tuple(t) => return Ok(!t.is_empty()),
                Payload::Dict(d) => return Ok(!d.borrow().is_empty()),
                Payload::Set(s) => return Ok(s.borrow().len() > 0),
                Payload::FrozenSet(s) => return Ok(s.len() > 0),
                Payload::Int(_) => return Ok(true),
                Payload::Bytes(b) => return Ok(!b.is_empty()),
                Payload::Function(_) | Payload::Native(_) | Payload::Type(_) | Payload::Module(_) => return Ok(true),
                _ => {}
            }
        }
        if let Some(f) = types::lookup(tr, "__bool__") {
            let r = self.call_unbound(&f, v, &[])?;
            if !r.is_bool() {
                return Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_ref(&r).type_name_str()
                )));
            }
            return Ok(r.is_true_singleton());
        }
        if let Some(f) = types::lookup(tr, "__len__") {
            let r = self.call_unbound(&f, v, &[])?;
            let n = self.index_value(&r)?;
            if n < 0 {
                return Err(PyErr::value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(crate::types::int::hash_i64(i));
        }
        if let Some(s) = v.as_pystr_exact() {
            return Ok(s.hash());
        }
        if let Some(f) = v.as_float() {
            return Ok(crate::types::float::hash_float(f, v));
        }
        if v.is_bool() {
            return Ok(v.is_true_singleton() as i64);
        }
        if v.is_none() {
            return Ok(0xFCA86420u32 as i64);
        }
        let o = v.as_obj().unwrap();
        let tr = o.ty();
        if !tr.type_data().heap {
            match &o.payload {
                Payload::Int(b) => return Ok(crate::types::int::hash_bigint(b)),
                Payload::Tuple(items) => {
                    let items = items.to_vec();
                    return crate::types::tuple::hash_tuple(self, &items);
                }
                Payload::Str(s) => return Ok(s.hash()),
                Payload::Bytes(b) => return Ok(crate::types::str::hash_bytes(b)),
                Payload::Type(_) | Payload::Function(_) | Payload::Native(_) | Payload::Module(_) | Payload::Object | Payload::Code(_) => {
                    return Ok(pointer_hash(v))
                }
                _ => {}
            }
        }
        match types::lookup(tr, "__hash__") {
            Some(f) if f.is_none() => Err(PyErr::type_error(format!("unhashable type: '{}'", o.type_name()))),
            Some(f) => {
                let r = self.call_unbound(&f, v, &[])?;
                if let Some(i) = r.as_i64() {
                    return Ok(if i == -1 { -2 } else { i });
                }
                match r.to_bigint() {
                    Some(b) => Ok(crate::types::int::hash_bigint(&b)),
                    None => Err(PyErr::type_error("__hash__ method should return an integer")),
                }
            }
            None => Ok(pointer_hash(v)),
        }
    }

    /// `repr(v)` as a str Value.
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = v.as_small_int() {
            return Ok(Value::string(i.to_string()));
        }
        if let Some(f) = v.as_float() {
            return Ok(Value::string(crate::text::float_repr::float_repr(f)));
        }
        self.check_stack(" while getting the repr of an object")?;
        let tr = type_ref(v);
        match types::lookup(tr, "__repr__") {
            Some(f) => {
                if self.depth >= self.recursion_limit {
                    return Err(PyErr::recursion_error("maximum recursion depth exceeded while getting the repr of an object"));
                }
                self.depth += 1;
                let r = self.call_unbound(&f, v, &[]);
                self.depth -= 1;
                let r = r?;
                if r.as_pystr().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_ref(&r).type_name_str()
                    )));
                }
                Ok(r)
            }
            None => Ok(Value::string(format!("<{} object>", tr.type_name_str()))),
        }
    }

    /// `repr(v)` as Rust text.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// `str(v)` as a str Value.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if v.as_pystr_exact().is_some() {
            return Ok(v.clone());
        }
        if let Some(i) = v.as_small_int() {
            return Ok(Value::string(i.to_string()));
        }
        let tr = type_ref(v);
        match types::lookup(tr, "__str__") {
            Some(f) => {
                let r = self.call_unbound(&f, v, &[])?;
                if r.as_pystr().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__str__ returned non-string (type {})",
                        type_ref(&r).type_name_str()
                    )));
                }
                Ok(r)
            }
            None => self.repr(v),
        }
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_pystr_exact() {
            return Ok(s.as_str().to_string());
        }
        let r = self.str(v)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        if spec.is_empty() {
            if let Some(s) = v.as_pystr_exact() {
                let _ = s;
                return Ok(v.clone());
            }
        }
        let f = types::lookup(type_ref(v), "__format__")
            .ok_or_else(|| PyErr::type_error("object has no __format__"))?;
        let r = self.call_unbound(&f, v, &[Value::str(spec)])?;
        if r.as_pystr().is_none() {
            return Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                type_ref(&r).type_name_str()
            )));
        }
        Ok(r)
    }

    /// Call `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let f = self.getattr_str(obj, name)?;
        self.call(&f, args)
    }

    /// Call a special method `f` found on `type(obj)` for `obj`, as CPython's
    /// slots do: functions and method descriptors get `obj` first; another
    /// descriptor is bound with its `__get__` first; any other object is
    /// called with `args` alone.
    pub fn call_unbound(&mut self, f: &Value, obj: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_unbound_kw(f, obj, args, &[])
    }

    /// `call_unbound` with keyword arguments (the last `kwnames.len()` of `args`).
    pub fn call_unbound_kw(&mut self, f: &Value, obj: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let plain = match f.as_obj().map(|o| &o.payload) {
            Some(Payload::Function(_) | Payload::Native(_)) => true,
            Some(_) => false,
            None => true,
        };
        if !plain && !attr::has_descr_get(f) {
            return self.call_kw(f, args, kwnames);
        }
        if plain {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(obj.clone());
            a.extend_from_slice(args);
            return self.call_kw(f, &a, kwnames);
        }
        let owner = types::type_of(obj);
        let bound = attr::descr_get(self, f.clone(), Some(obj), &owner)?;
        self.call_kw(&bound, args, kwnames)
    }

    /// Look up a special method on the type and call it with `obj` first;
    /// None when the type lacks it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        match types::lookup(type_ref(obj), name) {
            Some(f) => {
                self.call_unbound(&f, obj, args).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `isinstance(v, cls)` honouring `__instancecheck__` and tuples.
    pub fn isinstance(&mut self, v: &Value, cls: &Value) -> PyResult<bool> {
        if types::is_instance(v, cls) {
            return Ok(true);
        }
        if let Some(t) = cls.as_tuple() {
            for c in t.to_vec() {
                if self.isinstance(v, &c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let meta = type_ref(cls);
        if meta.type_data().heap {
            if let Some(f) = types::lookup(meta, "__instancecheck__") {
                let r = self.call_unbound(&f, cls, &[v.clone()])?;
                return self.truthy(&r);
            }
        }
        if cls.as_obj().and_then(|o| o.as_type()).is_none() {
            if crate::types::type_::is_union(cls) {
                return crate::types::type_::union_instancecheck(self, cls, v);
            }
            return Err(PyErr::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
        // `__class__` may differ from the real type (proxies).
        let tr = type_ref(v);
        let plain_class = !tr.type_data().heap || attr::attr_flags(tr) == 0 && types::lookup(tr, "__class__").map_or(false, |d| matches!(d.as_obj().map(|o| &o.payload), Some(Payload::GetSet { .. })));
        if plain_class {
            return Ok(false);
        }
        if let Some(c) = self.getattr_opt(v, &Value::str("__class__"))? {
            if !c.is(&types::type_of(v)) && c.as_obj().and_then(|o| o.as_type()).is_some() {
                return Ok(types::is_subtype(&c, cls));
            }
        }
        Ok(false)
    }

    /// `issubclass(c, cls)` honouring `__subclasscheck__` and tuples.
    pub fn issubclass(&mut self, c: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(t) = cls.as_tuple() {
            for x in t.to_vec() {
                if self.issubclass(c, &x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let meta = type_ref(cls);
        if meta.type_data().heap {
            if let Some(f) = types::lookup(meta, "__subclasscheck__") {
                let r = self.call_unbound(&f, cls, &[c.clone()])?;
                return self.truthy(&r);
            }
        }
        if c.as_obj().and_then(|o| o.as_type()).is_none() {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        }
        if cls.as_obj().and_then(|o| o.as_type()).is_none() {
            if crate::types::type_::is_union(cls) {
                let args = crate::types::type_::union_args(cls);
                for a in args {
                    if self.issubclass(c, &a)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            return Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        Ok(types::is_subtype(c, cls))
    }
}

/// Default identity hash: the address rotated as CPython does.
pub fn pointer_hash(v: &Value) -> i64 {
    let p = v.id() as u64;
    let h = (p >> 4) | (p << 60);
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

#[allow(unused)]
fn _t() {
    let _ = types();
}
