//! `dict`: a compact, insertion-ordered hash table (CPython 3.6+ layout).
//!
//! `entries` holds `(hash, key, value)` in insertion order (deleted entries
//! keep a NULL key until the next resize); `indices` is an open-addressing
//! table of entry numbers probed with CPython's perturbation scheme.
//!
//! Re-entrancy: comparing keys may run Python `__eq__`, which may mutate this
//! very dict. Lookups therefore never hold the `RefCell` borrow across such a
//! call: they copy the candidate key out, compare, and restart if the dict's
//! `version` changed meanwhile. Keys whose equality is native (str, int,
//! float, identity) are compared without releasing anything.

use crate::object::{Payload, PyObject};
use crate::types::{types, Types};
use crate::value::Value;
use crate::{PyResult, Vm};
use std::cell::RefCell;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct DictData {
    pub entries: Vec<Entry>,
    indices: Vec<u32>,
    used: usize,
    /// Changes on every insertion/deletion/resize (not on value overwrite).
    pub version: u64,
}

enum Probe {
    /// Key found at this entry index.
    Found(usize),
    /// Not found; the slot where it would be inserted.
    Missing(usize),
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        d.entries.reserve(n);
        if n > 0 {
            d.indices = vec![EMPTY; (n * 3 / 2 + 1).next_power_of_two().max(8)];
        }
        d
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// The raw entry at position `i` (for iterators), None when deleted.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    /// The live entry at raw position `i`, to overwrite its value in place
    /// (an overwrite does not change the dict's version).
    pub fn entry_at_mut(&mut self, i: usize) -> Option<&mut Entry> {
        self.entries.get_mut(i).filter(|e| !e.key.is_null())
    }

    /// Number of raw entry positions (iterators walk `0..raw_len()`).
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.version += 1;
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Probe with native key comparison only. `eq_native` returns None when
    /// Python code would be needed to decide; the caller gets `Err(entry)`.
    fn probe_native(&self, key: &Value, hash: i64) -> Result<Probe, usize> {
        if self.indices.is_empty() {
            return Ok(Probe::Missing(0));
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(Probe::Missing(free.unwrap_or(i)));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(i);
                }
            } else {
                let e = &self.entries[ix as usize];
                if e.key.is(key) {
                    return Ok(Probe::Found(ix as usize));
                }
                if e.hash == hash {
                    match eq_native(&e.key, key) {
                        Some(true) => return Ok(Probe::Found(ix as usize)),
                        Some(false) => {}
                        None => return Err(ix as usize),
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Probe treating every undecidable comparison as "decided" by `decided`
    /// (entry index -> equal?). Used after Python `__eq__` answered.
    fn probe_with(&self, key: &Value, hash: i64, decided: &[(usize, bool)]) -> Result<Probe, usize> {
        if self.indices.is_empty() {
            return Ok(Probe::Missing(0));
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(Probe::Missing(free.unwrap_or(i)));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(i);
                }
            } else {
                let e = &self.entries[ix as usize];
                if e.key.is(key) {
                    return Ok(Probe::Found(ix as usize));
                }
                if e.hash == hash {
                    match eq_native(&e.key, key) {
                        Some(true) => return Ok(Probe::Found(ix as usize)),
                        Some(false) => {}
                        None => match decided.iter().find(|d| d.0 == ix as usize) {
                            Some((_, true)) => return Ok(Probe::Found(ix as usize)),
                            Some((_, false)) => {}
                            None => return Err(ix as usize),
                        },
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn resize(&mut self, min_used: usize) {
        let live: Vec<Entry> = self.entries.drain(..).filter(|e| !e.key.is_null()).collect();
        let size = ((min_used.max(live.len()) * 3).next_power_of_two()).max(8);
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (n, e) in live.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            self.indices[i] = n as u32;
        }
        self.entries = live;
        self.version += 1;
    }

    fn insert_at(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize(self.used + 1);
            let s = self.empty_slot(hash);
            self.indices[s] = self.entries.len() as u32;
        } else {
            self.indices[slot] = self.entries.len() as u32;
        }
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version += 1;
    }

    /// The first EMPTY slot on `hash`'s probe path.
    fn empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        i
    }

    fn remove_entry(&mut self, ix: usize) -> Entry {
        // Find the index slot pointing at `ix`.
        let mask = self.mask();
        let hash = self.entries[ix].hash;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.indices[i] = DUMMY;
        let e = std::mem::replace(
            &mut self.entries[ix],
            Entry { hash: 0, key: Value::NULL, value: Value::NULL },
        );
        self.used -= 1;
        self.version += 1;
        e
    }

    /// Insert or overwrite using native comparison only (keys known native).
    pub fn set_native(&mut self, key: Value, hash: i64, value: Value) {
        match self.probe_native(&key, hash) {
            Ok(Probe::Found(ix)) => self.entries[ix].value = value,
            Ok(Probe::Missing(slot)) => self.insert_at(slot, hash, key, value),
            Err(_) => {
                // Undecidable without Python: treat as distinct (callers use
                // this only with str keys).
                if self.indices.is_empty() {
                    self.resize(1);
                }
                let s = self.empty_slot(hash);
                self.insert_at(s, hash, key, value)
            }
        }
    }

    /// Remove and return the last live entry (`popitem`), dropping trailing
    /// tombstones so repeated pops stay O(1).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let ix = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let e = self.remove_entry(ix);
        while self.entries.last().map_or(false, |e| e.key.is_null()) {
            self.entries.pop();
        }
        Some(e)
    }

    /// Entry index of a key decided by native comparison (for inline caches).
    pub fn find_index_native(&self, key: &Value, hash: i64) -> Option<usize> {
        match self.probe_native(key, hash) {
            Ok(Probe::Found(ix)) => Some(ix),
            _ => None,
        }
    }

    /// Lookup using native comparison only.
    pub fn get_native(&self, key: &Value, hash: i64) -> Option<Value> {
        match self.probe_native(key, hash) {
            Ok(Probe::Found(ix)) => Some(self.entries[ix].value.clone()),
            _ => None,
        }
    }
}

/// Equality decidable without running Python code, or None.
pub fn eq_native(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_pystr_exact(), b.as_pystr_exact()) {
        return Some(x.as_str() == y.as_str());
    }
    // A str subclass that keeps str's `__eq__` (e.g. an attribute name
    // given as a subclass instance) compares as its text.
    if let (Some(x), Some(y)) = (a.as_pystr(), b.as_pystr()) {
        if plain_str_eq(a) && plain_str_eq(b) {
            return Some(x.as_str() == y.as_str());
        }
        return None;
    }
    // An int subclass that overrides `__eq__` must be asked.
    if !plain_int_eq(a) || !plain_int_eq(b) {
        return None;
    }
    crate::types::int::numeric_eq_native(a, b)
}

/// False for an instance of an int subclass whose MRO defines `__eq__`
/// before `int`; true for everything else.
fn plain_int_eq(v: &Value) -> bool {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::Int(_)) => {
            let int_ty = types().int.as_obj().unwrap();
            std::ptr::eq(o.ty(), int_ty) || inherits_eq(o, int_ty)
        }
        _ => true,
    }
}

/// Whether a str (or str subclass instance) compares with str's own
/// `__eq__`: no class before `str` in its MRO defines `__eq__`. Reads the
/// class dicts with `try_borrow`, answering false when one is busy.
fn plain_str_eq(v: &Value) -> bool {
    if v.as_pystr_exact().is_some() {
        return true;
    }
    let Some(o) = v.as_obj() else { return false };
    inherits_eq(o, types().str.as_obj().unwrap())
}

/// Whether no class before `base` in `o`'s type's MRO defines `__eq__`.
fn inherits_eq(o: &PyObject, base: &PyObject) -> bool {
    let Ok(mro) = o.ty().type_data().mro.try_borrow() else { return false };
    for t in mro.iter() {
        if std::ptr::eq(&**t, base) {
            return true;
        }
        let Some(td) = t.as_type() else { return false };
        let Some(Payload::Dict(c)) = td.dict.as_obj().map(|d| &d.payload) else { return false };
        let Ok(dd) = c.try_borrow() else { return false };
        // A linear scan: probing would compare keys, which may come back here.
        if dd.iter().any(|e| e.key.as_pystr().map_or(false, |k| k.as_str() == "__eq__")) {
            return false;
        }
    }
    false
}

/// Find `key`: the entry index, running Python `__eq__` where needed.
fn find(vm: &mut Vm, cell: &RefCell<DictData>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let mut decided: Vec<(usize, bool)> = Vec::new();
    loop {
        let (res, version) = {
            let d = cell.borrow();
            (d.probe_with(key, hash, &decided), d.version)
        };
        match res {
            Ok(Probe::Found(ix)) => return Ok(Some(ix)),
            Ok(Probe::Missing(_)) => return Ok(None),
            Err(ix) => {
                let other = cell.borrow().entries[ix].key.clone();
                let eq = vm.eq(&other, key)?;
                if cell.borrow().version != version {
                    decided.clear();
                    continue;
                }
                decided.push((ix, eq));
            }
        }
    }
}

fn data(d: &Value) -> &RefCell<DictData> {
    match &d.as_obj().expect("dict expected").payload {
        Payload::Dict(c) => c,
        _ => panic!("dict expected"),
    }
}

/// `d[key]` lookup; None if missing.
pub fn dict_get(vm: &mut Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    dict_get_hashed(vm, d, key, hash)
}

pub fn dict_get_hashed(vm: &mut Vm, d: &Value, key: &Value, hash: i64) -> PyResult<Option<Value>> {
    let cell = data(d);
    if let Ok(p) = cell.borrow().probe_native(key, hash) {
        return Ok(match p {
            Probe::Found(ix) => Some(cell.borrow().entries[ix].value.clone()),
            Probe::Missing(_) => None,
        });
    }
    Ok(find(vm, cell, key, hash)?.map(|ix| cell.borrow().entries[ix].value.clone()))
}

/// `d[key] = value`.
pub fn dict_set(vm: &mut Vm, d: &Value, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    dict_set_hashed(vm, d, key, hash, value)
}

pub fn dict_set_hashed(vm: &mut Vm, d: &Value, key: Value, hash: i64, value: Value) -> PyResult<()> {
    let cell = data(d);
    let fast = cell.borrow().probe_native(&key, hash);
    let probe = match fast {
        Ok(p) => p,
        Err(_) => match find(vm, cell, &key, hash)? {
            Some(ix) => Probe::Found(ix),
            None => {
                let d = cell.borrow();
                match d.probe_with(&key, hash, &[]) {
                    Ok(p) => p,
                    Err(_) => Probe::Missing(usize::MAX),
                }
            }
        },
    };
    let mut dm = cell.borrow_mut();
    match probe {
        Probe::Found(ix) => {
            let old = std::mem::replace(&mut dm.entries[ix].value, value);
            drop(dm);
            drop(old);
        }
        Probe::Missing(slot) if slot != usize::MAX => dm.insert_at(slot, hash, key, value),
        Probe::Missing(_) => {
            // Colliding undecided keys all compared unequal: append after a
            // rebuild, which leaves an empty slot for it.
            let used = dm.used + 1;
            dm.resize(used);
            let i = dm.empty_slot(hash);
            dm.insert_at(i, hash, key, value);
        }
    }
    Ok(())
}

/// `d.setdefault(key, default)`: one lookup (so `__eq__` runs at most once per
/// colliding key), then an insertion if the key was missing.
pub fn dict_setdefault_hashed(vm: &mut Vm, d: &Value, key: Value, hash: i64, default: Value) -> PyResult<Value> {
    let cell = data(d);
    let fast = cell.borrow().probe_native(&key, hash);
    let found = match fast {
        Ok(Probe::Found(ix)) => Some(ix),
        Ok(Probe::Missing(_)) => None,
        Err(_) => find(vm, cell, &key, hash)?,
    };
    if let Some(ix) = found {
        return Ok(cell.borrow().entries[ix].value.clone());
    }
    // No Python code ran since the lookup: insert where the key belongs.
    let mut dm = cell.borrow_mut();
    match dm.probe_with(&key, hash, &[]) {
        Ok(Probe::Missing(slot)) => dm.insert_at(slot, hash, key, default.clone()),
        _ => {
            let used = dm.used + 1;
            dm.resize(used);
            let i = dm.empty_slot(hash);
            dm.insert_at(i, hash, key, default.clone());
        }
    }
    Ok(default)
}

/// `del d[key]`: the removed value, or None if missing.
pub fn dict_del(vm: &mut Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    let cell = data(d);
    let ix = match cell.borrow().probe_native(key, hash) {
        Ok(Probe::Found(ix)) => Some(ix),
        Ok(Probe::Missing(_)) => None,
        Err(_) => None,
    };
    let ix = match ix {
        Some(ix) => Some(ix),
        None => find(vm, cell, key, hash)?,
    };
    Ok(ix.map(|ix| {
        let e = cell.borrow_mut().remove_entry(ix);
        e.value
    }))
}

/// Look up a str key given as Rust text (no Python code can run).
pub fn dict_get_str(d: &Value, name: &str) -> Option<Value> {
    if name.len() <= 32 {
        let key = crate::types::name_value(name);
        return dict_get_strvalue(d, &key);
    }
    let hash = crate::types::str::hash_str(name);
    let cell = data(d);
    let dd = cell.borrow();
    if dd.indices.is_empty() {
        return None;
    }
    let mask = dd.mask();
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let ix = dd.indices[i];
        if ix == EMPTY {
            return None;
        }
        if ix != DUMMY {
            let e = &dd.entries[ix as usize];
            if e.hash == hash {
                if let Some(s) = e.key.as_pystr_exact() {
                    if s.as_str() == name {
                        return Some(e.value.clone());
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
    }
}

/// Look up a key that is an exact str Value (hash cached in the string).
#[inline]
pub fn dict_get_strvalue(d: &Value, key: &Value) -> Option<Value> {
    let s = key.as_pystr_exact()?;
    let hash = s.hash();
    data(d).borrow().get_native(key, hash)
}

/// Set a str key (no Python code can run).
pub fn dict_set_str(d: &Value, name: &str, v: Value) {
    let key = crate::types::str::intern(name);
    let hash = key.as_pystr_exact().unwrap().hash();
    data(d).borrow_mut().set_native(key, hash, v);
}

/// Set a key that is an exact str Value.
pub fn dict_set_strvalue(d: &Value, key: Value, v: Value) {
    let hash = key.as_pystr_exact().unwrap().hash();
    data(d).borrow_mut().set_native(key, hash, v);
}

/// Delete a str key; whether it was there.
pub fn dict_del_str(d: &Value, key: &Value) -> bool {
    let Some(s) = key.as_pystr_exact() else { return false };
    let hash = s.hash();
    let cell = data(d);
    let found = match cell.borrow().probe_native(key, hash) {
        Ok(Probe::Found(ix)) => Some(ix),
        _ => None,
    };
    match found {
        Some(ix) => {
            let e = cell.borrow_mut().remove_entry(ix);
            drop(e);
            true
        }
        None => false,
    }
}

pub fn empty_dict_payload() -> Payload {
    Payload::Dict(RefCell::new(DictData::new()))
}

/// A new empty dict object whose type is `ty` (bootstrap and subclasses).
pub fn new_dict_typed(ty: &PyObject) -> Value {
    Value::from_obj(PyObject::new(ty, empty_dict_payload()))
}

/// A new empty dict.
pub fn new_dict() -> Value {
    new_dict_typed(types().dict.as_obj().unwrap())
}

impl Value {
    /// The dict table of a dict (or dict subclass instance).
    pub fn as_dict(&self) -> Option<&RefCell<DictData>> {
        match &self.as_obj()?.payload {
            Payload::Dict(c) => Some(c),
            _ => None,
        }
    }

    pub fn new_dict_from(d: DictData) -> Value {
        Value::from_obj(PyObject::new(types().dict.as_obj().unwrap(), Payload::Dict(RefCell::new(d))))
    }
}

pub fn init(t: &Types) {
    crate::types::dict_methods::init(t);
}
