//! Inline caches of the attribute instructions (`LoadAttr`, `StoreAttr`,
//! `LoadMethod`).
//!
//! Each instruction has one [`AttrCache`] in its code object. An entry
//! remembers what the generic lookup found the last time, keyed by the
//! *version tag* of the object's type: a tag names one state of a type and
//! its ancestors and is never reused (see `types::lookup_value`), so while
//! the tag matches, the type's attributes are those seen when the entry was
//! filled. What the entry records:
//!
//! - `DICT`: the attribute lives in the instance `__dict__` at entry index
//!   `i`, and the type has no data descriptor of that name nor a custom
//!   `__getattribute__`/`__setattr__`. A hit checks that entry `i` of this
//!   object's dict holds the name (objects built by the same `__init__`
//!   put their attributes at the same indices).
//! - `METHOD` (`LoadMethod` only): the name is a plain function on the type
//!   (bits of the function value, kept alive by the type's dict while the tag
//!   matches); a hit checks the instance dict does not shadow it.
//!
//! A miss runs the generic path and refills the entry. Nothing here changes
//! behaviour: every shortcut is what the generic path would have done.

use crate::interp::Frame;
use crate::object::{NativeKind, Payload};
use crate::ops::attr;
use crate::types::{self, type_ref};
use crate::value::Value;
use crate::{PyResult, Vm};
use std::cell::Cell;

/// One instruction's cache: the type version tag (0: empty) and what was found.
pub type AttrCache = Cell<(u64, u64)>;

const KIND_SHIFT: u32 = 62;
const KIND_DICT: u64 = 1;
const KIND_METHOD: u64 = 2;
const PAYLOAD: u64 = (1 << KIND_SHIFT) - 1;

pub fn new_caches(n: usize) -> Box<[AttrCache]> {
    (0..n).map(|_| Cell::new((0, 0))).collect()
}

/// The version tag of `obj`'s type if the cache entry was filled for it.
#[inline]
fn hit(cache: &AttrCache, obj: &Value) -> Option<u64> {
    let (version, what) = cache.get();
    if version == 0 {
        return None;
    }
    let td = type_ref(obj).as_type()?;
    (td.version.get() == version).then_some(what)
}

/// The value at entry `i` of `obj`'s instance dict if its key is `name`.
#[inline]
fn dict_entry(obj: &Value, i: usize, name: &Value) -> Option<Value> {
    let o = obj.as_obj()?;
    let dref = o.dict.borrow();
    let d = dref.as_ref()?.as_dict()?;
    let d = d.borrow();
    let e = d.entry_at(i)?;
    e.key.is(name).then(|| e.value.clone())
}

/// Index of `name` in `obj`'s instance dict.
fn dict_index(obj: &Value, name: &Value) -> Option<usize> {
    let o = obj.as_obj()?;
    let dref = o.dict.borrow();
    let d = dref.as_ref()?.as_dict()?;
    let hash = name.as_pystr_exact()?.hash();
    let i = d.borrow().find_index_native(name, hash);
    i
}

/// Whether the instance dict of `obj` has `name`.
#[inline]
fn shadowed(obj: &Value, name: &Value) -> bool {
    let Some(o) = obj.as_obj() else { return false };
    let dref = o.dict.borrow();
    let Some(d) = dref.as_ref().and_then(|d| d.as_dict()) else { return false };
    match name.as_pystr_exact() {
        Some(s) => d.borrow().find_index_native(name, s.hash()).is_some(),
        None => true,
    }
}

/// Whether instances of `obj`'s type use the default attribute protocol
/// for `name` and `name` is not a data descriptor on the type: then the
/// instance dict decides. Returns the type's version tag.
fn plain_instance_attr(obj: &Value, name: &Value, for_store: bool) -> Option<u64> {
    let tr = type_ref(obj);
    let td = tr.as_type()?;
    if !td.heap || name.as_pystr_exact().is_none() {
        return None;
    }
    if matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Type(_) | Payload::Module(_)) | None) {
        return None;
    }
    let flags = attr::attr_flags(tr);
    if flags & if for_store { attr::CUSTOM_SETATTR } else { attr::CUSTOM_GETATTRIBUTE } != 0 {
        return None;
    }
    if let Some(d) = types::lookup_value(tr, name) {
        if attr::is_data_descriptor(&d) {
            return None;
        }
    }
    Some(types::type_version(td))
}

/// `LoadAttr` with its cache.
#[inline]
pub fn load_attr(vm: &mut Vm, cache: &AttrCache, obj: &Value, name: &Value) -> PyResult<Value> {
    if let Some(what) = hit(cache, obj) {
        if what >> KIND_SHIFT == KIND_DICT {
            if let Some(v) = dict_entry(obj, (what & PAYLOAD) as usize, name) {
                return Ok(v);
            }
        }
    }
    let v = vm.getattr(obj, name)?;
    if let Some(version) = plain_instance_attr(obj, name, false) {
        if let Some(i) = dict_index(obj, name) {
            cache.set((version, (KIND_DICT << KIND_SHIFT) | i as u64));
        }
    }
    Ok(v)
}

/// `StoreAttr` with its cache.
#[inline]
pub fn store_attr(vm: &mut Vm, cache: &AttrCache, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    if let Some(what) = hit(cache, obj) {
        if what >> KIND_SHIFT == KIND_DICT {
            let i = (what & PAYLOAD) as usize;
            if let Some(o) = obj.as_obj() {
                let old = {
                    let dref = o.dict.borrow();
                    match dref.as_ref().and_then(|d| d.as_dict()) {
                        Some(d) => {
                            let mut d = d.borrow_mut();
                            match d.entry_at_mut(i) {
                                Some(e) if e.key.is(name) => Some(std::mem::replace(&mut e.value, v.clone())),
                                _ => None,
                            }
                        }
                        None => None,
                    }
                };
                if let Some(old) = old {
                    // Dropped with no borrow held: `__del__` may run.
                    drop(old);
                    return Ok(());
                }
            }
        }
    }
    vm.setattr(obj, name, v)?;
    if let Some(version) = plain_instance_attr(obj, name, true) {
        if let Some(i) = dict_index(obj, name) {
            cache.set((version, (KIND_DICT << KIND_SHIFT) | i as u64));
        }
    }
    Ok(())
}

/// `LoadMethod` with its cache: pushes `method, self` for a plain method,
/// else `NULL, attribute`.
#[inline]
pub fn load_method(vm: &mut Vm, f: &mut Frame, cache: &AttrCache, obj: Value, name: &Value) -> PyResult<()> {
    if let Some(what) = hit(cache, &obj) {
        if what >> KIND_SHIFT == KIND_METHOD && !shadowed(&obj, name) {
            // SAFETY: the type's dict holds the function while the version
            // tag matches (see the module comment).
            let m = unsafe { Value::clone_from_addr(what & PAYLOAD) };
            f.stack.push(m);
            f.stack.push(obj);
            return Ok(());
        }
    }
    load_method_slow(vm, f, cache, obj, name)
}

fn load_method_slow(vm: &mut Vm, f: &mut Frame, cache: &AttrCache, obj: Value, name: &Value) -> PyResult<()> {
    let tr = type_ref(&obj);
    let td = tr.type_data();
    let plain = !td.heap || attr::attr_flags(tr) & attr::CUSTOM_GETATTRIBUTE == 0;
    let special = matches!(
        obj.as_obj().map(|o| &o.payload),
        Some(Payload::Type(_) | Payload::Module(_) | Payload::Super { .. } | Payload::Method { .. } | Payload::ClassMethod(_) | Payload::StaticMethod(_))
    );
    if plain && !special {
        if let Some(d) = types::lookup_value(tr, name) {
            let is_method = match d.as_obj().map(|o| &o.payload) {
                Some(Payload::Function(_)) => true,
                Some(Payload::Native(n)) => n.kind == NativeKind::Method && n.bound.is_null(),
                _ => false,
            };
            if is_method && !shadowed(&obj, name) {
                if name.as_pystr_exact().is_some() && d.as_obj().is_some() {
                    let version = types::type_version(td);
                    cache.set((version, (KIND_METHOD << KIND_SHIFT) | d.addr()));
                }
                f.stack.push(d);
                f.stack.push(obj);
                return Ok(());
            }
        }
    }
    let v = vm.getattr(&obj, name)?;
    f.stack.push(Value::NULL);
    f.stack.push(v);
    Ok(())
}
