//! `set` and `frozenset`: an open-addressing hash table laid out like
//! CPython's (slots probed linearly in runs of ten, then by perturbation;
//! grown at 60% fill), so that iteration order — slot order — matches
//! CPython's for the same insertions (small ints come out sorted, strs in
//! the order PYTHONHASHSEED=0 gives).
//!
//! A slot is unused (NULL key, hash 0), a dummy left by a deletion (NULL key,
//! hash -1; Python hashes are never -1), or active.
//!
//! Re-entrancy: comparing keys may run Python `__eq__`, which may mutate the
//! set being probed. Lookups never hold the `RefCell` borrow across such a
//! call: they copy the candidate key out, compare, and restart from scratch
//! if the table's `version` changed meanwhile. Keys whose equality is native
//! (str, numbers, identity) are compared under the borrow.

use crate::object::{Payload, PyObject};
use crate::types::dict::eq_native;
use crate::types::{type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;
use std::cell::{Cell, RefCell};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
struct Slot {
    hash: i64,
    key: Value,
}

impl Slot {
    fn unused() -> Slot {
        Slot { hash: 0, key: Value::NULL }
    }
    #[inline]
    fn active(&self) -> bool {
        !self.key.is_null()
    }
    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }
}

/// The table of a set or frozenset.
#[derive(Clone)]
pub struct SetData {
    table: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes its search.
    finger: usize,
    /// Changes on every insertion, deletion and rebuild.
    pub version: u64,
    /// Cached frozenset hash (-1: not computed).
    hash_cache: Cell<i64>,
}

impl Default for SetData {
    fn default() -> SetData {
        SetData::new()
    }
}

/// Result of probing for a key.
enum Probe {
    Found(usize),
    /// Not present: the slot an insertion would use.
    Missing(usize),
    /// A slot whose key has the same hash but needs Python `__eq__`.
    Undecided(usize),
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: vec![Slot::unused(); MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
            hash_cache: Cell::new(-1),
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Active keys in iteration (slot) order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().filter(|s| s.active()).map(|s| s.key.clone()).collect()
    }

    /// Active (key, hash) pairs in iteration order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.table.iter().filter(|s| s.active()).map(|s| (s.key.clone(), s.hash)).collect()
    }

    /// Raw slot count (iterators walk `0..raw_len()`).
    pub fn raw_len(&self) -> usize {
        self.table.len()
    }

    /// The key in slot `i`, if active.
    pub fn key_at(&self, i: usize) -> Option<&Value> {
        self.table.get(i).filter(|s| s.active()).map(|s| &s.key)
    }

    fn probe(&self, key: &Value, hash: i64, decided: &[(usize, bool)]) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.table[j];
                if !s.active() {
                    if s.hash == 0 {
                        return Probe::Missing(free.unwrap_or(j));
                    }
                    if free.is_none() {
                        free = Some(j);
                    }
                    continue;
                }
                if s.hash == hash {
                    if s.key.is(key) {
                        return Probe::Found(j);
                    }
                    match eq_native(&s.key, key) {
                        Some(true) => return Probe::Found(j),
                        Some(false) => {}
                        None => match decided.iter().find(|d| d.0 == j) {
                            Some(&(_, true)) => return Probe::Found(j),
                            Some(&(_, false)) => {}
                            None => return Probe::Undecided(j),
                        },
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Place a key known to be absent into a table without dummies.
    fn insert_clean(table: &mut [Slot], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if table[j].key.is_null() {
                    table[j] = Slot { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Rebuild with room for more than `minused` entries (drops dummies).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::unused(); size]);
        for s in old {
            if s.active() {
                SetData::insert_clean(&mut self.table, s.key, s.hash);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    fn grow_size(&self) -> usize {
        if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Store a new key in slot `j` (from a `Missing` probe).
    fn insert_at(&mut self, j: usize, key: Value, hash: i64) {
        let unused = self.table[j].is_unused();
        self.table[j] = Slot { hash, key };
        self.used += 1;
        self.version += 1;
        self.hash_cache.set(-1);
        if unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let n = self.grow_size();
                self.resize(n);
            }
        }
    }

    /// Remove the key in slot `j`, returning it (drop it outside any borrow).
    fn remove_at(&mut self, j: usize) -> Value {
        let key = std::mem::replace(&mut self.table[j], Slot { hash: -1, key: Value::NULL }).key;
        self.used -= 1;
        self.version += 1;
        self.hash_cache.set(-1);
        key
    }

    /// Insert with native comparisons only (keys whose equality never runs Python code).
    pub fn add_native(&mut self, key: Value, hash: i64) {
        match self.probe(&key, hash, &[]) {
            Probe::Found(_) => {}
            Probe::Missing(j) => self.insert_at(j, key, hash),
            Probe::Undecided(_) => {
                // Treat as distinct: find the first free slot on the path.
                let mut decided = Vec::new();
                loop {
                    match self.probe(&key, hash, &decided) {
                        Probe::Found(_) => return,
                        Probe::Missing(j) => return self.insert_at(j, key, hash),
                        Probe::Undecided(j) => decided.push((j, false)),
                    }
                }
            }
        }
    }

    /// Empty the table, returning the old slots (drop them outside any borrow).
    fn take_all(&mut self) -> SetData {
        let mut fresh = SetData::new();
        fresh.version = self.version + 1;
        fresh.finger = 0;
        std::mem::replace(self, fresh)
    }

    /// The hash CPython gives a frozenset with these entries.
    pub fn frozen_hash(&self) -> i64 {
        let c = self.hash_cache.get();
        if c != -1 {
            return c;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut h: u64 = 0;
        for s in self.table.iter().filter(|s| s.active()) {
            h ^= shuffle(s.hash as u64);
        }
        h ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        self.hash_cache.set(h as i64);
        h as i64
    }
}

/// Borrowed access to the table of a set or frozenset.
#[derive(Clone, Copy)]
pub enum TRef<'a> {
    Mut(&'a RefCell<SetData>),
    Frozen(&'a SetData),
}

impl<'a> TRef<'a> {
    pub fn with<R>(&self, f: impl FnOnce(&SetData) -> R) -> R {
        match self {
            TRef::Mut(c) => f(&c.borrow()),
            TRef::Frozen(d) => f(d),
        }
    }
}

/// The table of a set or frozenset (or subclass instance).
pub fn tref(v: &Value) -> Option<TRef<'_>> {
    match &v.as_obj()?.payload {
        Payload::Set(c) => Some(TRef::Mut(c)),
        Payload::FrozenSet(d) => Some(TRef::Frozen(d)),
        _ => None,
    }
}

/// The mutable table of a set (not frozenset).
pub fn set_cell(v: &Value) -> Option<&RefCell<SetData>> {
    match &v.as_obj()?.payload {
        Payload::Set(c) => Some(c),
        _ => None,
    }
}

pub fn is_anyset(v: &Value) -> bool {
    tref(v).is_some()
}

pub fn is_frozen(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::FrozenSet(_)))
}

pub fn set_len(v: &Value) -> usize {
    tref(v).map_or(0, |t| t.with(|d| d.len()))
}

/// Snapshot of the keys of a set or frozenset.
pub fn set_keys(v: &Value) -> Vec<Value> {
    tref(v).map_or_else(Vec::new, |t| t.with(|d| d.keys()))
}

/// Snapshot of the (key, hash) pairs of a set or frozenset.
pub fn set_entries(v: &Value) -> Vec<(Value, i64)> {
    tref(v).map_or_else(Vec::new, |t| t.with(|d| d.entries()))
}

/// Find `key`: Ok(slot) if present, Err(insertion slot) if not.
fn find(vm: &mut Vm, t: TRef, key: &Value, hash: i64) -> PyResult<Result<usize, usize>> {
    let mut decided: Vec<(usize, bool)> = Vec::new();
    loop {
        let (p, ver) = t.with(|d| (d.probe(key, hash, &decided), d.version));
        match p {
            Probe::Found(j) => return Ok(Ok(j)),
            Probe::Missing(j) => return Ok(Err(j)),
            Probe::Undecided(j) => {
                let other = t.with(|d| d.table[j].key.clone());
                let eq = vm.eq(&other, key)?;
                if t.with(|d| d.version) != ver {
                    decided.clear();
                    continue;
                }
                decided.push((j, eq));
            }
        }
    }
}

/// Hash of a key for lookups: an unhashable set is looked up as a frozenset.
fn lookup_hash(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            if let Some(Payload::Set(c)) = key.as_obj().map(|o| &o.payload) {
                if e.matches(&types().exc.type_error) {
                    let d = c.borrow().clone();
                    let h = d.frozen_hash();
                    return Ok((new_frozen(types().frozenset.as_obj().unwrap(), d), h));
                }
            }
            Err(e)
        }
    }
}

pub fn contains_entry(vm: &mut Vm, t: TRef, key: &Value, hash: i64) -> PyResult<bool> {
    Ok(find(vm, t, key, hash)?.is_ok())
}

/// Add a key with its hash to a mutable table.
pub fn add_entry(vm: &mut Vm, cell: &RefCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    let p = cell.borrow().probe(&key, hash, &[]);
    let slot = match p {
        Probe::Found(_) => return Ok(()),
        Probe::Missing(j) => j,
        Probe::Undecided(_) => match find(vm, TRef::Mut(cell), &key, hash)? {
            Ok(_) => return Ok(()),
            Err(j) => j,
        },
    };
    cell.borrow_mut().insert_at(slot, key, hash);
    Ok(())
}

/// Remove a key with its hash; whether it was present.
pub fn discard_entry(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<bool> {
    match find(vm, TRef::Mut(cell), key, hash)? {
        Ok(j) => {
            let old = cell.borrow_mut().remove_at(j);
            drop(old);
            Ok(true)
        }
        Err(_) => Ok(false),
    }
}

/// `s.discard(key)` semantics (unhashable sets looked up as frozensets).
pub fn discard_key(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let (k, h) = lookup_hash(vm, key)?;
    discard_entry(vm, cell, &k, h)
}

fn alloc(ty: &PyObject, payload: Payload) -> Value {
    let n = ty.as_type().map_or(0, |t| t.slot_names.borrow().len());
    Value::from_obj(PyObject::new_with_slots(ty, payload, n))
}

fn new_frozen(ty: &PyObject, d: SetData) -> Value {
    alloc(ty, Payload::FrozenSet(d))
}

/// A new empty set of (a subclass of) `set`.
pub fn new_empty_set(ty: &PyObject) -> Value {
    alloc(ty, Payload::Set(RefCell::new(SetData::new())))
}

/// A new exact set holding `items`, added in order.
pub fn new_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = new_empty_set(types().set.as_obj().unwrap());
    for x in items {
        set_add(vm, &s, x)?;
    }
    Ok(s)
}

/// A new set (or frozenset when `frozen`) from any iterable.
pub fn set_from_iterable(vm: &mut Vm, it: &Value, frozen: bool) -> PyResult<Value> {
    let cell = RefCell::new(SetData::new());
    update_internal(vm, &cell, it)?;
    let d = cell.into_inner();
    let t = types();
    Ok(if frozen {
        new_frozen(t.frozenset.as_obj().unwrap(), d)
    } else {
        alloc(t.set.as_obj().unwrap(), Payload::Set(RefCell::new(d)))
    })
}

/// Wrap a finished table as a set or frozenset of the builtin type.
pub fn wrap(d: SetData, frozen: bool) -> Value {
    let t = types();
    if frozen {
        new_frozen(t.frozenset.as_obj().unwrap(), d)
    } else {
        alloc(t.set.as_obj().unwrap(), Payload::Set(RefCell::new(d)))
    }
}

/// Wrap a table as an instance of `cls` (set or frozenset subclass).
pub fn wrap_typed(cls: &PyObject, d: SetData, frozen: bool) -> Value {
    if frozen {
        new_frozen(cls, d)
    } else {
        alloc(cls, Payload::Set(RefCell::new(d)))
    }
}

/// Hash of an immutable builtin value without running Python code.
fn native_hash(x: &Value) -> i64 {
    if let Some(s) = x.as_pystr_exact() {
        return s.hash();
    }
    if let Some(i) = x.as_small_int() {
        return crate::types::int::hash_i64(i);
    }
    if let Some(f) = x.as_float() {
        return crate::types::float::hash_float(f, x);
    }
    if x.is_bool() {
        return x.is_true_singleton() as i64;
    }
    if x.is_none() {
        return 0xFCA86420u32 as i64;
    }
    if let Some(o) = x.as_obj() {
        match &o.payload {
            Payload::Int(b) => return crate::types::int::hash_bigint(b),
            Payload::Bytes(b) => return crate::types::str::hash_bytes(b),
            Payload::FrozenSet(d) => return d.frozen_hash(),
            Payload::Complex(re, im) if !o.ty().type_data().heap => {
                return crate::types::complex::hash_complex((*re, *im), x)
            }
            Payload::Tuple(items) => {
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc: u64 = P5;
                for it in items.iter() {
                    let h = native_hash(it) as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
                if acc == u64::MAX {
                    return 1546275796;
                }
                return acc as i64;
            }
            _ => {}
        }
    }
    crate::ops::pointer_hash(x)
}

/// A frozenset of constants (compiler-folded `x in {1, 2}`).
pub fn frozenset_from_native(items: Vec<Value>) -> Value {
    let mut d = SetData::new();
    for x in items {
        let h = native_hash(&x);
        d.add_native(x, h);
    }
    new_frozen(types().frozenset.as_obj().unwrap(), d)
}

/// `s.add(x)` on a set object.
pub fn set_add(vm: &mut Vm, s: &Value, x: Value) -> PyResult<()> {
    let h = vm.hash(&x)?;
    let cell = set_cell(s).ok_or_else(|| PyErr::type_error("set expected"))?;
    add_entry(vm, cell, x, h)
}

/// `x in s` for a set or frozenset.
pub fn set_contains(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<bool> {
    let (k, h) = lookup_hash(vm, x)?;
    let t = tref(s).ok_or_else(|| PyErr::type_error("set expected"))?;
    contains_entry(vm, t, &k, h)
}

/// Add every element of `other` (set_update_internal).
pub fn update_internal(vm: &mut Vm, cell: &RefCell<SetData>, other: &Value) -> PyResult<()> {
    if let Some(ot) = tref(other) {
        if let TRef::Mut(oc) = ot {
            if std::ptr::eq(oc, cell) {
                return Ok(());
            }
        }
        let od = ot.with(|d| d.clone());
        return merge(vm, cell, od);
    }
    if let Some(dd) = other.as_dict() {
        if other.as_obj().map_or(false, |o| std::ptr::eq(o.ty(), types().dict.as_obj().unwrap())) {
            let items: Vec<(Value, i64)> = dd.borrow().iter().map(|e| (e.key.clone(), e.hash)).collect();
            {
                let mut t = cell.borrow_mut();
                if (t.fill + items.len()) * 5 >= t.mask() * 3 {
                    let n = (t.used + items.len()) * 2;
                    t.resize(n);
                }
            }
            for (k, h) in items {
                add_entry(vm, cell, k, h)?;
            }
            return Ok(());
        }
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        add_entry(vm, cell, x, h)?;
    }
    Ok(())
}

/// The part of set_merge that needs no comparisons: pre-size `t`, and if
/// it is empty copy `other` in directly. Gives `other` back otherwise.
fn merge_clean(t: &mut SetData, other: SetData) -> Option<SetData> {
    if other.used == 0 {
        return None;
    }
    if (t.fill + other.used) * 5 >= t.mask() * 3 {
        let n = (t.used + other.used) * 2;
        t.resize(n);
    }
    if t.fill != 0 {
        return Some(other);
    }
    if t.mask() == other.mask() && other.fill == other.used {
        t.table = other.table;
    } else {
        for s in other.table {
            if s.active() {
                SetData::insert_clean(&mut t.table, s.key, s.hash);
            }
        }
    }
    t.fill = other.used;
    t.used = other.used;
    t.version += 1;
    t.hash_cache.set(-1);
    None
}

/// Merge another set's table into `cell` (set_merge).
fn merge(vm: &mut Vm, cell: &RefCell<SetData>, other: SetData) -> PyResult<()> {
    let rest = merge_clean(&mut cell.borrow_mut(), other);
    if let Some(other) = rest {
        for s in other.table {
            if s.active() {
                add_entry(vm, cell, s.key, s.hash)?;
            }
        }
    }
    Ok(())
}

/// `so & other` as a new table (set_intersection).
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    if so.is(other) {
        return Ok(tref(so).map_or_else(SetData::new, |t| t.with(|d| d.clone())));
    }
    let result = RefCell::new(SetData::new());
    if is_anyset(other) {
        let (mut a, mut b) = (so, other);
        if set_len(b) > set_len(a) {
            std::mem::swap(&mut a, &mut b);
        }
        let Some(at) = tref(a) else { return Ok(SetData::new()) };
        for (k, h) in set_entries(b) {
            if contains_entry(vm, at, &k, h)? {
                add_entry(vm, &result, k, h)?;
            }
        }
        return Ok(result.into_inner());
    }
    let Some(st) = tref(so) else { return Ok(SetData::new()) };
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if contains_entry(vm, st, &x, h)? {
            add_entry(vm, &result, x, h)?;
        }
    }
    Ok(result.into_inner())
}

/// Remove every element of `other` from `cell` (set_difference_update_internal).
pub fn difference_update(vm: &mut Vm, cell: &RefCell<SetData>, self_v: &Value, other: &Value) -> PyResult<()> {
    if self_v.is(other) {
        let old = cell.borrow_mut().take_all();
        drop(old);
        return Ok(());
    }
    if is_anyset(other) {
        if (set_len(other) >> 3) > cell.borrow().len() {
            let Some(ot) = tref(other) else { return Ok(()) };
            let own = cell.borrow().entries();
            for (k, h) in own {
                if contains_entry(vm, ot, &k, h)? {
                    discard_entry(vm, cell, &k, h)?;
                }
            }
        } else {
            for (k, h) in set_entries(other) {
                discard_entry(vm, cell, &k, h)?;
            }
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(x) = vm.next(&it)? {
            discard_key(vm, cell, &x)?;
        }
    }
    let mut t = cell.borrow_mut();
    if t.fill - t.used > t.mask() / 4 {
        let n = t.grow_size();
        t.resize(n);
    }
    Ok(())
}

/// `so - other` as a new table (set_difference).
pub fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    let other_size = if is_anyset(other) {
        Some(set_len(other))
    } else if other.as_dict().is_some() && std::ptr::eq(type_ref(other), types().dict.as_obj().unwrap()) {
        Some(other.as_dict().map_or(0, |d| d.borrow().len()))
    } else {
        None
    };
    let copy_and_diff = |vm: &mut Vm| -> PyResult<SetData> {
        let cell = RefCell::new(table_copy(so));
        difference_update(vm, &cell, &Value::NULL, other)?;
        Ok(cell.into_inner())
    };
    let Some(osize) = other_size else { return copy_and_diff(vm) };
    if (set_len(so) >> 2) > osize {
        return copy_and_diff(vm);
    }
    let result = RefCell::new(SetData::new());
    if is_anyset(other) {
        let Some(ot) = tref(other) else { return Ok(SetData::new()) };
        for (k, h) in set_entries(so) {
            if !contains_entry(vm, ot, &k, h)? {
                add_entry(vm, &result, k, h)?;
            }
        }
    } else {
        for (k, h) in set_entries(so) {
            if crate::types::dict::dict_get_hashed(vm, other, &k, h)?.is_none() {
                add_entry(vm, &result, k, h)?;
            }
        }
    }
    Ok(result.into_inner())
}

/// `cell ^= other` (set_symmetric_difference_update).
pub fn symmetric_difference_update(vm: &mut Vm, cell: &RefCell<SetData>, self_v: &Value, other: &Value) -> PyResult<()> {
    if self_v.is(other) {
        let old = cell.borrow_mut().take_all();
        drop(old);
        return Ok(());
    }
    let entries = if is_anyset(other) {
        set_entries(other)
    } else {
        let tmp = RefCell::new(SetData::new());
        update_internal(vm, &tmp, other)?;
        tmp.into_inner().entries()
    };
    for (k, h) in entries {
        if !discard_entry(vm, cell, &k, h)? {
            add_entry(vm, cell, k, h)?;
        }
    }
    Ok(())
}

/// `so ^ other` as a new table (set_symmetric_difference).
pub fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    let cell = RefCell::new(SetData::new());
    update_internal(vm, &cell, other)?;
    symmetric_difference_update(vm, &cell, &Value::NULL, so)?;
    Ok(cell.into_inner())
}

/// `so <= other` where other is any iterable.
pub fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = set_from_iterable(vm, other, false)?;
        return issubset(vm, so, &tmp);
    }
    if set_len(so) > set_len(other) {
        return Ok(false);
    }
    let Some(ot) = tref(other) else { return Ok(false) };
    for (k, h) in set_entries(so) {
        if !contains_entry(vm, ot, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(vm, other, so);
    }
    let Some(st) = tref(so) else { return Ok(false) };
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let (k, h) = lookup_hash(vm, &x)?;
        if !contains_entry(vm, st, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn isdisjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if so.is(other) {
        return Ok(set_len(so) == 0);
    }
    if is_anyset(other) {
        let (mut a, mut b) = (so, other);
        if set_len(a) > set_len(b) {
            std::mem::swap(&mut a, &mut b);
        }
        let Some(bt) = tref(b) else { return Ok(true) };
        for (k, h) in set_entries(a) {
            if contains_entry(vm, bt, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let Some(st) = tref(so) else { return Ok(true) };
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if contains_entry(vm, st, &x, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A copy of the table of any set, built as CPython's `set.copy` builds it.
pub fn table_copy(v: &Value) -> SetData {
    let d = tref(v).map_or_else(SetData::new, |t| t.with(|d| d.clone()));
    let mut t = SetData::new();
    let _ = merge_clean(&mut t, d);
    t
}

/// `a | b`, `a & b`, `a ^ b`, `a - b` between sets/frozensets; the result
/// has the base type of `a`.
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Value> {
    let frozen = is_frozen(a);
    let d = match op {
        BinOpKind::Or => {
            let cell = RefCell::new(table_copy(a));
            update_internal(vm, &cell, b)?;
            cell.into_inner()
        }
        BinOpKind::And => intersection(vm, a, b)?,
        BinOpKind::Subtract => difference(vm, a, b)?,
        BinOpKind::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(types().not_implemented.clone()),
    };
    Ok(wrap(d, frozen))
}

/// Set equality (same size and subset).
pub fn set_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if set_len(a) != set_len(b) {
        return Ok(false);
    }
    issubset(vm, a, b)
}

/// Start iterating a set: the set, the slot position, and its size now.
pub fn iter_start(s: &Value) -> (usize, usize) {
    (0, set_len(s))
}

/// One step of a set iterator.
pub fn iter_step(s: &Value, pos: &mut usize, used: usize) -> PyResult<Option<Value>> {
    let Some(t) = tref(s) else { return Ok(None) };
    t.with(|d| {
        if d.used != used {
            return Err(PyErr::runtime_error("Set changed size during iteration"));
        }
        while *pos < d.table.len() {
            let j = *pos;
            *pos += 1;
            if d.table[j].active() {
                return Ok(Some(d.table[j].key.clone()));
            }
        }
        Ok(None)
    })
}

/// Remaining items of a set iterator (`__length_hint__`).
pub fn iter_remaining(s: &Value, pos: usize) -> usize {
    tref(s).map_or(0, |t| t.with(|d| d.table.iter().skip(pos).filter(|x| x.active()).count()))
}

/// `s.pop()`: the next active slot from the finger.
pub fn pop(cell: &RefCell<SetData>) -> Option<Value> {
    let mut t = cell.borrow_mut();
    if t.used == 0 {
        return None;
    }
    let n = t.table.len();
    let mut j = t.finger & (n - 1);
    while !t.table[j].active() {
        j += 1;
        if j >= n {
            j = 0;
        }
    }
    let k = t.remove_at(j);
    t.finger = j + 1;
    Some(k)
}

/// `s.clear()`.
pub fn clear(cell: &RefCell<SetData>) {
    let old = cell.borrow_mut().take_all();
    drop(old);
}

/// Replace the contents of `cell` with `d` (set_swap_bodies for in-place ops).
pub fn replace(cell: &RefCell<SetData>, mut d: SetData) {
    {
        let t = cell.borrow();
        d.version = t.version + 1;
    }
    d.hash_cache.set(-1);
    let old = std::mem::replace(&mut *cell.borrow_mut(), d);
    drop(old);
}

/// Values held by a set table (for the cycle collector).
pub fn visit_keys(d: &SetData, f: &mut dyn FnMut(&Value)) {
    for s in &d.table {
        if s.active() {
            f(&s.key);
        }
    }
}

pub fn init(t: &Types) {
    crate::types::set_methods::init(t);
}
