//! Inline caches of the attribute instructions (`LoadAttr`, `StoreAttr`,
//! `LoadMethod`).
//!
//! Each instruction has an [`AttrCache`] of two entries in its code object
//! (two, because a call site often sees two classes: a base and a
//! subclass). An entry remembers what the generic lookup found the last
//! time, keyed by the *version tag* of the object's type: a tag names one
//! state of a type and its ancestors and is never reused (see
//! `types::lookup_value`), so while the tag matches, the type's attributes
//! are those seen when the entry was filled. What an entry records:
//!
//! - `DICT`: the attribute lives in the instance `__dict__` (or a module's
//!   namespace) at entry index `i`, and the type has no data descriptor of
//!   that name nor a custom `__getattribute__`/`__setattr__`. A hit checks
//!   that entry `i` of this object's dict holds the name (objects built by
//!   the same `__init__` put their attributes at the same indices).
//! - `FUNC`: the name is a plain Python function on the type (the bits of
//!   the function value, kept alive by the type's dict while the tag
//!   matches): `LoadMethod` pushes it with `self`, `LoadAttr` binds it. A
//!   hit checks the instance dict does not shadow it.
//! - `CLASSVAL`: a class attribute that is no descriptor (a constant): the
//!   value itself, if the instance dict does not shadow it.
//! - `SLOT`: a `__slots__` member at index `i`.
//! - `PROPERTY`: a property (its getter is read at each hit).
//! - `NONE`: not cacheable for this type (the generic path runs at once).
//!
//! A miss runs the generic path and refills an entry. Nothing here changes
//! behaviour: every shortcut is what the generic path would have done.

use crate::interp::Frame;
use crate::object::{NativeKind, Payload};
use crate::ops::attr;
use crate::types::{self, type_ref};
use crate::value::Value;
use crate::{PyResult, Vm};
use std::cell::Cell;

/// One instruction's cache: two (type version tag (0: empty), what was found).
pub type AttrCache = Cell<[(u64, u64); 2]>;

const KIND_SHIFT: u32 = 60;
const KIND_DICT: u64 = 1;
const KIND_FUNC: u64 = 2;
const KIND_CLASSVAL: u64 = 3;
const KIND_SLOT: u64 = 4;
const KIND_PROPERTY: u64 = 5;
/// The lookup is not cacheable for this type: go straight to the generic path.
const KIND_NONE: u64 = 6;
const PAYLOAD: u64 = (1 << KIND_SHIFT) - 1;

pub fn new_caches(n: usize) -> Box<[AttrCache]> {
    (0..n).map(|_| Cell::new([(0, 0); 2])).collect()
}

/// What the cache recorded for `obj`'s type, if anything.
#[inline]
fn hit(cache: &AttrCache, obj: &Value) -> Option<u64> {
    let td = type_ref(obj).as_type()?;
    let version = td.version.get();
    if version == 0 {
        return None;
    }
    let e = cache.get();
    if e[0].0 == version {
        Some(e[0].1)
    } else if e[1].0 == version {
        Some(e[1].1)
    } else {
        None
    }
}

fn fill(cache: &AttrCache, version: u64, kind: u64, payload: u64) {
    debug_assert!(payload <= PAYLOAD);
    let e = cache.get();
    let what = (kind << KIND_SHIFT) | payload;
    let keep = if e[0].0 == version { e[1] } else { e[0] };
    cache.set([(version, what), keep]);
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

/// A cached class-level value (kept alive by the type while its tag matches).
#[inline]
fn class_value(payload: u64) -> Value {
    // SAFETY: see the module comment.
    unsafe { Value::clone_from_addr(payload) }
}

/// What the generic lookup of `name` on `obj` does, if it is cacheable:
/// (version tag, kind, payload). `for_store`: for `StoreAttr`.
fn classify(obj: &Value, name: &Value, for_store: bool) -> Option<(u64, u64, u64)> {
    let tr = type_ref(obj);
    let td = tr.as_type()?;
    name.as_pystr_exact()?;
    let o = obj.as_obj()?;
    match &o.payload {
        Payload::Type(_) | Payload::Super { .. } | Payload::Method { .. } | Payload::ClassMethod(_) | Payload::StaticMethod(_) => return None,
        Payload::Module(_) => {}
        _ if td.heap => {}
        // Builtin instances: only their methods are worth caching.
        _ if !for_store => {}
        _ => return None,
    }
    let flags = if td.heap { attr::attr_flags(tr) } else { 0 };
    if flags & if for_store { attr::CUSTOM_SETATTR } else { attr::CUSTOM_GETATTRIBUTE } != 0 {
        return None;
    }
    let descr = types::lookup_value(tr, name);
    let version = types::type_version(td);
    if let Some(d) = &descr {
        if attr::is_data_descriptor(d) {
            return match d.as_obj().map(|o| &o.payload) {
                Some(Payload::SlotDescriptor { index, .. }) => Some((version, KIND_SLOT, *index as u64)),
                // A getter's AttributeError falls back to `__getattr__`.
                Some(Payload::Property(_)) if !for_store && flags & attr::HAS_GETATTR == 0 => Some((version, KIND_PROPERTY, d.addr())),
                _ => None,
            };
        }
    }
    if let Some(i) = dict_index(obj, name) {
        return Some((version, KIND_DICT, i as u64));
    }
    if for_store {
        return None;
    }
    let d = descr?;
    match d.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(_)) => Some((version, KIND_FUNC, d.addr())),
        Some(Payload::Native(n)) if n.kind == NativeKind::Method && n.bound.is_null() => Some((version, KIND_FUNC, d.addr())),
        // (Other builtins may bind to the class; `__doc__` has a special rule.)
        Some(Payload::Native(_)) => None,
        Some(_) if !attr::has_descr_get(&d) && !name.as_str().map_or(true, |n| n.starts_with("__")) => {
            Some((version, KIND_CLASSVAL, d.addr()))
        }
        _ => None,
    }
}

/// Refill `cache` after a generic lookup on `obj`: what `classify` found,
/// or `NONE` so that later misses for this type skip the classification.
fn refill(cache: &AttrCache, obj: &Value, found: Option<(u64, u64, u64)>) {
    match found {
        Some((version, kind, payload)) => fill(cache, version, kind, payload),
        None => {
            if let Some(td) = type_ref(obj).as_type() {
                if td.version.get() != 0 {
                    fill(cache, td.version.get(), KIND_NONE, 0);
                }
            }
        }
    }
}

/// `LoadAttr` with its cache.
#[inline]
pub fn load_attr(vm: &mut Vm, cache: &AttrCache, obj: &Value, name: &Value) -> PyResult<Value> {
    if let Some(what) = hit(cache, obj) {
        let p = what & PAYLOAD;
        match what >> KIND_SHIFT {
            KIND_DICT => {
                if let Some(v) = dict_entry(obj, p as usize, name) {
                    return Ok(v);
                }
            }
            KIND_SLOT => {
                let v = obj.as_obj().and_then(|o| o.slots.borrow().get(p as usize).cloned());
                if let Some(v) = v.filter(|v| !v.is_null()) {
                    return Ok(v);
                }
            }
            KIND_PROPERTY => {
                let prop = class_value(p);
                let fget = match prop.as_obj().map(|o| &o.payload) {
                    Some(Payload::Property(pp)) => pp.borrow()[0].clone(),
                    _ => Value::NONE,
                };
                if !fget.is_none() {
                    return vm.call(&fget, std::slice::from_ref(obj));
                }
            }
            KIND_FUNC if !shadowed(obj, name) => {
                let f = class_value(p);
                if let Some(Payload::Function(_)) = f.as_obj().map(|o| &o.payload) {
                    return Ok(crate::types::function::new_method(f, obj.clone()));
                }
            }
            KIND_CLASSVAL if !shadowed(obj, name) => return Ok(class_value(p)),
            KIND_NONE => return vm.getattr(obj, name),
            _ => {}
        }
    }
    let v = vm.getattr(obj, name)?;
    let found = classify(obj, name, false)
        .filter(|&(_, kind, _)| kind != KIND_FUNC || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Method { .. })));
    refill(cache, obj, found);
    Ok(v)
}

/// `StoreAttr` with its cache.
#[inline]
pub fn store_attr(vm: &mut Vm, cache: &AttrCache, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    if let Some(what) = hit(cache, obj) {
        let kind = what >> KIND_SHIFT;
        if kind == KIND_NONE {
            return vm.setattr(obj, name, v);
        }
        if kind == KIND_SLOT {
            if let Some(o) = obj.as_obj() {
                let old = o.slots.borrow_mut().get_mut((what & PAYLOAD) as usize).map(|s| std::mem::replace(s, v.clone()));
                if old.is_some() {
                    drop(old);
                    return Ok(());
                }
            }
        }
        if kind == KIND_DICT {
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
    let found = classify(obj, name, true).filter(|&(_, kind, _)| {
        (kind == KIND_DICT || kind == KIND_SLOT) && !matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Module(_)))
    });
    refill(cache, obj, found);
    Ok(())
}

/// `LoadMethod` with its cache: pushes `method, self` for a plain method,
/// else `NULL, attribute`.
#[inline]
pub fn load_method(vm: &mut Vm, f: &mut Frame, cache: &AttrCache, obj: Value, name: &Value) -> PyResult<()> {
    if let Some(what) = hit(cache, &obj) {
        let p = what & PAYLOAD;
        match what >> KIND_SHIFT {
            KIND_FUNC if !shadowed(&obj, name) => {
                f.stack.push(class_value(p));
                f.stack.push(obj);
                return Ok(());
            }
            KIND_DICT => {
                if let Some(v) = dict_entry(&obj, p as usize, name) {
                    f.stack.push(Value::NULL);
                    f.stack.push(v);
                    return Ok(());
                }
            }
            KIND_NONE => {
                let v = vm.getattr(&obj, name)?;
                f.stack.push(Value::NULL);
                f.stack.push(v);
                return Ok(());
            }
            _ => {}
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
                    fill(cache, types::type_version(td), KIND_FUNC, d.addr());
                }
                f.stack.push(d);
                f.stack.push(obj);
                return Ok(());
            }
        }
    }
    let v = vm.getattr(&obj, name)?;
    refill(cache, &obj, classify(&obj, name, false).filter(|&(_, kind, _)| kind == KIND_DICT));
    f.stack.push(Value::NULL);
    f.stack.push(v);
    Ok(())
}
