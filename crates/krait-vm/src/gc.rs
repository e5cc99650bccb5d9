//! The cycle collector and finalisation.
//!
//! Reference counting frees everything that is not part of a cycle. Cycles
//! are found CPython's way: every container object is registered here; a
//! collection computes, for each tracked object, its reference count minus
//! the references coming from other tracked objects; objects left with a
//! positive count are reachable from outside, as is everything they reach;
//! the rest is garbage, whose references are cleared to break the cycles.
//!
//! `finalize_hook` runs `__del__` (once per object, PEP 442) before an
//! object is freed, with a temporary reference that may resurrect it.
//!
//! Soundness rests on [`traverse`] visiting exactly the strong references
//! an object owns: a reference it misses only makes its target look
//! externally referenced (a leak, never a premature free); visiting one it
//! does not own could free a live object, so anything doubtful is skipped.
//! A `RefCell` that is borrowed at collection time is skipped the same way.
//!
//! A collection: (1) snapshot the tracked list into strong handles;
//! (2) compute the unreachable set; (3) run pending `__del__` methods of
//! unreachable objects and, if any ran, start over (finalisers may
//! resurrect objects or break the cycles themselves); (4) clear the
//! remaining garbage — moving every reference out of it while no borrow is
//! held, dropping those after — then release the snapshot, which frees it.
//!
//! The tracked list is a vector of object pointers; each object stores its
//! position (`PyObject::gc_index`), so untracking is O(1) (swap-remove).
//! Automatic collection: `track` counts tracked allocations (minus frees);
//! past the threshold it raises a flag that the interpreter's periodic
//! check polls, and the collection runs there, at a safe point.

use crate::object::{Obj, Payload, PyObject, FLAG_FINALIZED, FLAG_GC_TRACKED};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    static VM_PTR: Cell<*mut crate::Vm> = const { Cell::new(std::ptr::null_mut()) };
}
static TRACKED: crate::gil::GilCell<RefCell<Vec<*const PyObject>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));
static STATE: crate::gil::GilCell<GcState> = crate::gil::GilCell::new(GcState {
        enabled: Cell::new(true),
        collecting: Cell::new(false),
        count: Cell::new(0),
        threshold: Cell::new([700, 10, 10]),
        young_start: Cell::new(0),
        old_at_full: Cell::new(0),
        promoted: Cell::new(0),
        collections: Cell::new(0),
        collected: Cell::new(0),
        debug: Cell::new(0),
    });
static CALLBACKS: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));

/// Set by `track` when enough allocations happened; polled by the interpreter.
pub static GC_PENDING: AtomicBool = AtomicBool::new(false);

struct GcState {
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// Tracked allocations minus deallocations since the last collection.
    count: Cell<usize>,
    threshold: Cell<[usize; 3]>,
    /// Tracked-list positions before this hold the old generation (objects
    /// that survived a collection); the young ones follow.
    young_start: Cell<usize>,
    /// Old objects after the last full collection.
    old_at_full: Cell<usize>,
    /// Objects promoted to old since the last full collection.
    promoted: Cell<usize>,
    collections: Cell<usize>,
    collected: Cell<usize>,
    debug: Cell<i64>,
}

/// Register the running VM so finalisers can call Python code.
pub fn set_current_vm(vm: *mut crate::Vm) {
    VM_PTR.with(|p| p.set(vm));
}

/// Start tracking a new container object.
pub fn track(o: &Obj) {
    if o.payload.is_container() && !o.has_flag(FLAG_GC_TRACKED) {
        let p = &**o as *const PyObject;
        let ok = TRACKED.with(|t| match t.try_borrow_mut() {
            Ok(mut t) => {
                o.gc_index.set(t.len());
                t.push(p);
                true
            }
            Err(_) => false,
        });
        if !ok {
            return;
        }
        o.set_flag(FLAG_GC_TRACKED);
        STATE.with(|s| {
            let c = s.count.get() + 1;
            s.count.set(c);
            if s.enabled.get() && !s.collecting.get() {
                let th = s.threshold.get()[0];
                if th > 0 && c > th {
                    GC_PENDING.store(true, Ordering::Relaxed);
                }
            }
        });
    }
}

/// Stop tracking an object being freed.
pub fn untrack(o: &PyObject) {
    let p = o as *const PyObject;
    TRACKED.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            let i = o.gc_index.get();
            let at = if i < t.len() && t[i] == p { Some(i) } else { t.iter().rposition(|&x| x == p) };
            if let Some(i) = at {
                STATE.with(|s| {
                    let ys = s.young_start.get().min(t.len());
                    let last = t.len() - 1;
                    if i < ys {
                        // Keep the old generation contiguous: the last old
                        // object fills the hole, the last young one fills its place.
                        let lo = ys - 1;
                        t.swap(i, lo);
                        t.swap(lo, last);
                        s.young_start.set(ys - 1);
                    } else {
                        t.swap(i, last);
                    }
                    t.pop();
                    for j in [i, ys.saturating_sub(1)] {
                        if j < t.len() {
                            // SAFETY: every listed pointer is a live tracked object.
                            unsafe { (*t[j]).gc_index.set(j) };
                        }
                    }
                });
            }
        }
    });
    o.clear_flag(FLAG_GC_TRACKED);
    o.gc_index.set(usize::MAX);
    STATE.with(|s| s.count.set(s.count.get().saturating_sub(1)));
}

/// Number of tracked objects.
pub fn tracked_count() -> usize {
    TRACKED.with(|t| t.borrow().len())
}

/// Run `__del__` for an object about to be freed. True if resurrected.
pub fn finalize_hook(o: &Obj) -> bool {
    if o.has_flag(crate::object::FLAG_HAS_WEAKREFS) { return crate::types::weakref::finalize_with_weakrefs(o, VM_PTR.with(|p| p.get())); }
    if o.has_flag(FLAG_FINALIZED) {
        return false;
    }
    o.set_flag(FLAG_FINALIZED);
    let vm = VM_PTR.with(|p| p.get());
    if vm.is_null() {
        return false;
    }
    // A suspended generator is closed (its `finally` blocks run).
    let gen_pending = match &o.payload {
        Payload::Generator(g) => g.try_borrow().map_or(false, |g| g.started && !g.running && g.frame.is_some()),
        _ => false,
    };
    let del = crate::types::lookup(o.ty(), "__del__");
    if del.is_none() && !gen_pending {
        return false;
    }
    // SAFETY: the VM pointer is set by the thread that owns it and cleared
    // before it is dropped; frees only happen while it runs.
    let vm = unsafe { &mut *vm };
    let me = Value::from_obj(o.clone());
    let saved = std::mem::replace(&mut vm.handled_exc, Value::NONE);
    let r = match &del {
        Some(del) => vm.call(del, &[me.clone()]).map(|_| ()),
        None => crate::types::generator::gen_close_value(vm, &me),
    };
    if let Err(e) = r {
        let what = del.clone().unwrap_or_else(|| me.clone());
        crate::modules::sys_extra::write_unraisable(vm, &e, None, Some(&what));
    }
    vm.handled_exc = saved;
    // `me` and `o` are two references; more means someone kept it.
    let resurrected = me.refcount() > 2;
    drop(me);
    resurrected
}

// ---------------------------------------------------------------- traversal

#[inline]
fn visit_value(v: &Value, f: &mut dyn FnMut(*const PyObject)) {
    if let Some(o) = v.as_obj() {
        f(o as *const PyObject);
    }
}

fn visit_values(vs: &[Value], f: &mut dyn FnMut(*const PyObject)) {
    for v in vs {
        visit_value(v, f);
    }
}

fn visit_cell(c: &RefCell<Value>, f: &mut dyn FnMut(*const PyObject)) {
    if let Ok(v) = c.try_borrow() {
        visit_value(&v, f);
    }
}

fn visit_frame(fr: &crate::interp::Frame, f: &mut dyn FnMut(*const PyObject)) {
    visit_values(&fr.fast, f);
    visit_values(&fr.stack, f);
    visit_value(&fr.globals, f);
    visit_value(&fr.builtins, f);
    visit_value(&fr.locals, f);
    visit_value(&fr.func, f);
    fr.visit_object(&mut |v| visit_value(v, f));
}

fn visit_iter(st: &crate::types::iter::IterState, f: &mut dyn FnMut(*const PyObject)) {
    use crate::types::iter::IterState as S;
    match st {
        S::List { list, .. } | S::ListRev { list, .. } => visit_value(list, f),
        S::Tuple { tuple, .. } => visit_value(tuple, f),
        S::Str { s, .. } => visit_value(s, f),
        S::Bytes { b, .. } => visit_value(b, f),
        S::Dict { d, .. } => visit_value(d, f),
        S::Seq { seq, .. } => visit_value(seq, f),
        S::Enumerate { it, n } => {
            visit_value(it, f);
            visit_value(n, f);
        }
        S::Zip { its, .. } => visit_values(its, f),
        S::Map { f: func, its } => {
            visit_value(func, f);
            visit_values(its, f);
        }
        S::Filter { f: func, it } => {
            visit_value(func, f);
            visit_value(it, f);
        }
        S::Reversed { seq, .. } => visit_value(seq, f),
        S::Callable { f: func, sentinel } => {
            visit_value(func, f);
            visit_value(sentinel, f);
        }
        S::Items { items, .. } => visit_values(items, f),
        S::Set { s, .. } => visit_value(s, f),
        #[allow(unreachable_patterns)]
        _ => {}
    }
}

/// Call `f` on every object `o` holds a strong reference to (its type, its
/// `__dict__`, its slots and the references inside its payload). Borrowed
/// cells are skipped.
pub fn traverse(o: &PyObject, f: &mut dyn FnMut(*const PyObject)) {
    f(o.ty() as *const PyObject);
    if let Ok(d) = o.dict.try_borrow() {
        if let Some(d) = &*d {
            visit_value(d, f);
        }
    }
    if let Ok(s) = o.slots.try_borrow() {
        visit_values(&s, f);
    }
    match &o.payload {
        Payload::List(l) => {
            if let Ok(l) = l.try_borrow() {
                visit_values(&l, f);
            }
        }
        Payload::Tuple(t) => visit_values(t, f),
        Payload::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                for e in d.iter() {
                    visit_value(&e.key, f);
                    visit_value(&e.value, f);
                }
            }
        }
        Payload::Set(s) => {
            if let Ok(s) = s.try_borrow() {
                crate::types::set::visit_keys(&s, &mut |v| visit_value(v, f));
            }
        }
        Payload::FrozenSet(s) => crate::types::set::visit_keys(s, &mut |v| visit_value(v, f)),
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
            visit_value(start, f);
            visit_value(stop, f);
            visit_value(step, f);
        }
        Payload::Type(td) => {
            visit_value(&td.dict, f);
            if let Ok(b) = td.bases.try_borrow() {
                for x in b.iter() {
                    f(&**x as *const PyObject);
                }
            }
            if let Ok(m) = td.mro.try_borrow() {
                for x in m.iter() {
                    f(&**x as *const PyObject);
                }
            }
        }
        Payload::Function(fd) => {
            visit_value(&fd.globals, f);
            visit_value(&fd.builtins, f);
            visit_value(&fd.closure, f);
            for c in [&fd.name, &fd.qualname, &fd.defaults, &fd.kwdefaults, &fd.doc, &fd.annotations, &fd.module] {
                visit_cell(c, f);
            }
        }
        Payload::Method { func, self_ } => {
            visit_value(func, f);
            visit_value(self_, f);
        }
        Payload::Cell(c) | Payload::ClassMethod(c) | Payload::StaticMethod(c) => visit_cell(c, f),
        Payload::Exception(e) => {
            if let Ok(e) = e.try_borrow() {
                visit_value(&e.args, f);
                visit_value(&e.traceback, f);
                visit_value(&e.cause, f);
                visit_value(&e.context, f);
            }
        }
        Payload::Traceback(tb) => tb.traverse(&mut |v| visit_value(v, f)),
        Payload::Frame(fs) => fs.traverse(&mut |v| visit_value(v, f)),
        Payload::Generator(g) => {
            if let Ok(g) = g.try_borrow() {
                if let Some(fr) = &g.frame {
                    visit_frame(fr, f);
                }
                visit_value(&g.exc_state, f);
                visit_value(&g.name, f);
                visit_value(&g.qualname, f);
            }
        }
        Payload::Property(p) => {
            if let Ok(p) = p.try_borrow() {
                visit_values(&p[..], f);
            }
        }
        Payload::Super { start, obj, obj_type } => {
            visit_value(start, f);
            visit_value(obj, f);
            visit_value(obj_type, f);
        }
        Payload::Iter(st) => {
            if let Ok(st) = st.try_borrow() {
                visit_iter(&st, f);
            }
        }
        Payload::WeakRef(w) => visit_value(&w.callback, f),
        Payload::MappingProxy(m) => visit_value(m, f),
        Payload::DictView { dict, .. } => visit_value(dict, f),
        Payload::MemoryView(m) => {
            if let Ok(m) = m.try_borrow() {
                visit_value(&m.obj, f);
            }
        }
        Payload::Opaque(b) => {
            if let Ok(b) = b.try_borrow() {
                b.traverse(&mut |v| visit_value(v, f));
            }
        }
        _ => {}
    }
}

/// Move the references out of a garbage object (to be dropped by the caller
/// once no borrow is held). Types are handled by `clear_type`.
fn clear_object(o: &PyObject, trash: &mut Vec<Value>, tables: &mut Vec<Box<dyn std::any::Any>>) {
    if let Ok(mut d) = o.dict.try_borrow_mut() {
        if let Some(d) = d.take() {
            trash.push(d);
        }
    }
    if let Ok(mut s) = o.slots.try_borrow_mut() {
        for v in s.iter_mut() {
            trash.push(std::mem::replace(v, Value::NULL));
        }
    }
    let take = |c: &RefCell<Value>, trash: &mut Vec<Value>, with: Value| {
        if let Ok(mut v) = c.try_borrow_mut() {
            trash.push(std::mem::replace(&mut *v, with));
        }
    };
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                trash.extend(std::mem::take(&mut *l));
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                d.version = old.version + 1;
                tables.push(Box::new(old));
            }
        }
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let mut fresh = crate::types::set::SetData::new();
                fresh.version = s.version + 1;
                tables.push(Box::new(std::mem::replace(&mut *s, fresh)));
            }
        }
        Payload::Function(fd) => {
            take(&fd.defaults, trash, Value::NONE);
            take(&fd.kwdefaults, trash, Value::NONE);
            take(&fd.annotations, trash, Value::NONE);
            take(&fd.doc, trash, Value::NONE);
            take(&fd.module, trash, Value::NONE);
        }
        Payload::Cell(c) => take(c, trash, Value::NULL),
        Payload::ClassMethod(c) | Payload::StaticMethod(c) => take(c, trash, Value::NONE),
        Payload::Exception(e) => {
            if let Ok(mut e) = e.try_borrow_mut() {
                let empty = crate::types::types().empty_tuple.clone();
                trash.push(std::mem::replace(&mut e.args, empty));
                trash.push(std::mem::replace(&mut e.traceback, Value::NONE));
                trash.push(std::mem::replace(&mut e.cause, Value::NONE));
                trash.push(std::mem::replace(&mut e.context, Value::NONE));
            }
        }
        Payload::Generator(g) => {
            if let Ok(mut g) = g.try_borrow_mut() {
                if !g.running {
                    if let Some(fr) = g.frame.take() {
                        tables.push(fr);
                    }
                    trash.push(std::mem::replace(&mut g.exc_state, Value::NONE));
                }
            }
        }
        Payload::Property(p) => {
            if let Ok(mut p) = p.try_borrow_mut() {
                for v in p.iter_mut() {
                    trash.push(std::mem::replace(v, Value::NONE));
                }
            }
        }
        Payload::Iter(st) => {
            if let Ok(mut st) = st.try_borrow_mut() {
                let old = std::mem::replace(&mut *st, crate::types::iter::IterState::Exhausted);
                tables.push(Box::new(old));
            }
        }
        Payload::MemoryView(m) => {
            if let Ok(mut m) = m.try_borrow_mut() {
                trash.push(std::mem::replace(&mut m.obj, Value::NONE));
                m.released = true;
            }
        }
        Payload::Opaque(b) => {
            if let Ok(mut b) = b.try_borrow_mut() {
                b.clear(trash);
            }
        }
        _ => {}
    }
}

/// Break a garbage type's self-references (`__mro__` starts with itself).
fn clear_type(o: &PyObject, objs: &mut Vec<Obj>) {
    if let Payload::Type(td) = &o.payload {
        if let Ok(mut m) = td.mro.try_borrow_mut() {
            objs.extend(std::mem::take(&mut *m));
        }
        if let Ok(mut b) = td.bases.try_borrow_mut() {
            objs.extend(std::mem::take(&mut *b));
        }
    }
}

/// Strong handles to the tracked objects from list position `from` on.
fn snapshot(from: usize) -> Vec<Value> {
    let ptrs: Vec<*const PyObject> = TRACKED.with(|t| {
        let t = t.borrow();
        t[from.min(t.len())..].to_vec()
    });
    ptrs.into_iter()
        .map(|p| {
            // SAFETY: listed objects are alive (untracked before being freed);
            // we take one more strong reference for the duration.
            unsafe {
                Rc::increment_strong_count(p);
                Value::from_obj(Rc::from_raw(p))
            }
        })
        .collect()
}

/// Indices (into `objs`, which holds the tracked objects from list position
/// `base` on) of the objects not reachable from outside the set.
fn unreachable(objs: &[Value], base: usize) -> Vec<usize> {
    let n = objs.len();
    let ptr_of = |v: &Value| v.as_obj().map_or(std::ptr::null(), |o| o as *const PyObject);
    let index_of = |p: *const PyObject| -> Option<usize> {
        // SAFETY: `p` comes from a reference held by a live object.
        let o = unsafe { &*p };
        if !o.has_flag(FLAG_GC_TRACKED) {
            return None;
        }
        let i = o.gc_index.get().wrapping_sub(base);
        if i < n && ptr_of(&objs[i]) == p {
            Some(i)
        } else {
            None
        }
    };
    // External references: the count minus our handle minus internal ones.
    let mut refs: Vec<isize> = objs.iter().map(|v| v.refcount() as isize - 1).collect();
    for v in objs {
        if let Some(o) = v.as_obj() {
            traverse(o, &mut |p| {
                if let Some(j) = index_of(p) {
                    refs[j] -= 1;
                }
            });
        }
    }
    let mut reachable = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..n {
        // Negative counts would mean a reference visited but not owned:
        // keep such objects alive.
        if refs[i] != 0 {
            reachable[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        if let Some(o) = objs[i].as_obj() {
            traverse(o, &mut |p| {
                if let Some(j) = index_of(p) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            });
        }
    }
    (0..n).filter(|&i| !reachable[i]).collect()
}

/// A finaliser (`__del__`, or closing a suspended generator) has yet to run.
fn needs_del(o: &PyObject) -> bool {
    if o.has_flag(FLAG_FINALIZED) {
        return false;
    }
    if o.ty().as_type().map_or(false, |t| t.has_del.get()) {
        return true;
    }
    match &o.payload {
        Payload::Generator(g) => g.try_borrow().map_or(false, |g| g.started && !g.running && g.frame.is_some()),
        _ => false,
    }
}

/// Collect cyclic garbage (everything); returns the number of objects found unreachable.
pub fn collect(vm: &mut crate::Vm) -> usize {
    collect_gen(vm, true)
}

/// A full collection, or one of the young generation only (references from
/// old objects then count as external).
pub fn collect_gen(vm: &mut crate::Vm, full: bool) -> usize {
    let busy = STATE.with(|s| s.collecting.replace(true));
    if busy {
        return 0;
    }
    GC_PENDING.store(false, Ordering::Relaxed);
    run_callbacks(vm, "start", 0);
    let mut found = 0usize;
    let mut first = true;
    let mut rounds = 0;
    loop {
        rounds += 1;
        let base = if full { 0 } else { STATE.with(|s| s.young_start.get()) };
        let objs = snapshot(base);
        let garbage = unreachable(&objs, base);
        if first {
            found = garbage.len();
            first = false;
        }
        if garbage.is_empty() {
            break;
        }
        // PEP 442: run finalisers first, then look again.
        let pending: Vec<Value> = garbage
            .iter()
            .filter(|&&i| objs[i].as_obj().map_or(false, needs_del))
            .map(|&i| objs[i].clone())
            .collect();
        if !pending.is_empty() && rounds < 4 {
            for v in &pending {
                if let Some(o) = v.to_obj() {
                    finalize_hook(&o);
                }
            }
            drop(pending);
            drop(objs);
            continue;
        }
        drop(pending);
        // Clear: plain objects first, then types (instances may still point at them).
        let mut trash: Vec<Value> = Vec::new();
        let mut tables: Vec<Box<dyn std::any::Any>> = Vec::new();
        let mut type_refs: Vec<Obj> = Vec::new();
        for &i in &garbage {
            if let Some(o) = objs[i].as_obj() {
                if needs_del(o) {
                    continue; // finaliser still pending: leave for a later collection
                }
                if !matches!(o.payload, Payload::Type(_)) {
                    clear_object(o, &mut trash, &mut tables);
                }
            }
        }
        drop(trash);
        drop(tables);
        for &i in &garbage {
            if let Some(o) = objs[i].as_obj() {
                if matches!(o.payload, Payload::Type(_)) && !needs_del(o) {
                    let mut trash = Vec::new();
                    let mut tables = Vec::new();
                    clear_object(o, &mut trash, &mut tables);
                    clear_type(o, &mut type_refs);
                    drop(trash);
                    drop(tables);
                }
            }
        }
        drop(type_refs);
        drop(objs);
        break;
    }
    let total = tracked_count();
    STATE.with(|s| {
        let before = s.young_start.get().min(total);
        if full {
            s.old_at_full.set(total);
            s.promoted.set(0);
        } else {
            s.promoted.set(s.promoted.get() + (total - before));
        }
        s.young_start.set(total);
        s.count.set(0);
        s.collections.set(s.collections.get() + 1);
        s.collected.set(s.collected.get() + found);
        s.collecting.set(false);
    });
    GC_PENDING.store(false, Ordering::Relaxed);
    run_callbacks(vm, "stop", found);
    found
}

/// Automatic collection at a safe point (the interpreter's periodic check).
pub fn collect_if_pending(vm: &mut crate::Vm) {
    GC_PENDING.store(false, Ordering::Relaxed);
    let ok = STATE.with(|s| s.enabled.get() && !s.collecting.get());
    if ok {
        // Full collections once the old generation has doubled (cheap
        // amortised); young ones otherwise.
        let full = STATE.with(|s| s.promoted.get() > s.old_at_full.get().max(10_000));
        collect_gen(vm, full);
    }
}

fn run_callbacks(vm: &mut crate::Vm, phase: &str, collected: usize) {
    let cbs = CALLBACKS.with(|c| c.borrow().clone());
    let Some(cbs) = cbs else { return };
    let items = cbs.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    if items.is_empty() {
        return;
    }
    let info = crate::types::dict::new_dict();
    crate::types::dict::dict_set_str(&info, "generation", Value::int(2));
    crate::types::dict::dict_set_str(&info, "collected", Value::int(collected as i64));
    crate::types::dict::dict_set_str(&info, "uncollectable", Value::int(0));
    for cb in items {
        if let Err(e) = vm.call(&cb, &[Value::str(phase), info.clone()]) {
            let msg = crate::interp::unwind::format_exception(vm, &e.exc);
            crate::modules::sys::write_stderr(vm, &format!("Exception ignored in garbage collector callback\n{msg}"));
        }
    }
}

// ---------------------------------------------------------------- for the gc module

pub fn is_enabled() -> bool {
    STATE.with(|s| s.enabled.get())
}

pub fn set_enabled(on: bool) {
    STATE.with(|s| s.enabled.set(on));
    if !on {
        GC_PENDING.store(false, Ordering::Relaxed);
    }
}

pub fn count() -> usize {
    STATE.with(|s| s.count.get())
}

pub fn threshold() -> [usize; 3] {
    STATE.with(|s| s.threshold.get())
}

pub fn set_threshold(t: [usize; 3]) {
    STATE.with(|s| s.threshold.set(t));
}

pub fn debug_flags() -> i64 {
    STATE.with(|s| s.debug.get())
}

pub fn set_debug_flags(f: i64) {
    STATE.with(|s| s.debug.set(f));
}

/// (collections, collected) totals.
pub fn stats() -> (usize, usize) {
    STATE.with(|s| (s.collections.get(), s.collected.get()))
}

/// Register the `gc.callbacks` list.
pub fn set_callbacks(list: Value) {
    CALLBACKS.with(|c| *c.borrow_mut() = Some(list));
}

/// Every tracked object (for `gc.get_objects`).
pub fn all_objects() -> Vec<Value> {
    snapshot(0)
}

/// The objects `v` refers to (for `gc.get_referents`).
pub fn referents(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(o) = v.as_obj() {
        if o.has_flag(FLAG_GC_TRACKED) {
            traverse(o, &mut |p| {
                // SAFETY: `p` is referenced by a live object; take a new reference.
                unsafe {
                    Rc::increment_strong_count(p);
                    out.push(Value::from_obj(Rc::from_raw(p)));
                }
            });
        }
    }
    out
}

/// Tracked objects that refer to any of `targets` (for `gc.get_referrers`).
pub fn referrers(targets: &[Value]) -> Vec<Value> {
    let objs = snapshot(0);
    let ptrs: Vec<*const PyObject> = targets.iter().filter_map(|t| t.as_obj().map(|o| o as *const PyObject)).collect();
    let mut out = Vec::new();
    for v in &objs {
        if let Some(o) = v.as_obj() {
            let mut hit = false;
            traverse(o, &mut |p| {
                if ptrs.contains(&p) {
                    hit = true;
                }
            });
            if hit {
                out.push(v.clone());
            }
        }
    }
    out
}
