//! The `_functools` module: `reduce`, `partial`, `cmp_to_key` (its
//! `KeyWrapper` objects) and `_lru_cache_wrapper`, the C half of
//! `functools.lru_cache` (the Python half in functools.py supplies the
//! `_CacheInfo` named tuple and `cache_parameters`).

use super::common::{check_new, enable_dict, has, native_data, no_kw, st, unpack};
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, NativeData, NativeKind, Payload, PyObject};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_getset, add_method, add_native, dict, lookup, type_of, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::collections::HashMap;

static TYPES: GilSlot = GilSlot::new();
static KWD_MARK: GilSlot = GilSlot::new();

const PARTIAL: usize = 0;
const KEYWRAPPER: usize = 1;
const LRU: usize = 2;

fn ty(i: usize) -> Value {
    let t = TYPES.get_or_init(build_types);
    t.as_tuple().map(|t| t[i].clone()).unwrap_or(Value::NONE)
}

fn build_types() -> Value {
    let p = new_type("functools", "partial", None);
    add_native(&p, "__new__", partial_new, NativeKind::StaticMethod);
    add_method(&p, "__call__", partial_call);
    add_method(&p, "__repr__", partial_repr);
    add_method(&p, "__reduce__", partial_reduce);
    add_method(&p, "__setstate__", partial_setstate);
    add_native(&p, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
    add_getset(&p, "func", partial_func, None);
    add_getset(&p, "args", partial_args, None);
    add_getset(&p, "keywords", partial_keywords, None);
    enable_dict(&p);
    add_attr(&p, "__doc__", Value::str("partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n"));

    let k = crate::types::new_native_type("functools", "KeyWrapper", &types().object, false);
    add_method(&k, "__call__", key_call);
    for (n, f) in [
        ("__lt__", key_lt as crate::object::NativeFn),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ] {
        add_method(&k, n, f);
    }
    add_getset(&k, "obj", key_obj_get, Some(key_obj_set));
    add_attr(&k, "__hash__", Value::NONE);

    let l = new_type("functools", "_lru_cache_wrapper", None);
    add_native(&l, "__new__", lru_new, NativeKind::StaticMethod);
    add_method(&l, "__call__", lru_call);
    add_method(&l, "__get__", lru_get);
    add_method(&l, "cache_info", lru_cache_info);
    add_method(&l, "cache_clear", lru_cache_clear);
    add_method(&l, "__reduce__", lru_reduce);
    add_method(&l, "__copy__", lru_copy);
    add_method(&l, "__deepcopy__", lru_deepcopy);
    enable_dict(&l);
    add_attr(&l, "__doc__", Value::str("Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n"));
    Value::tuple(vec![p, k, l])
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_functools");
    set_attr(&m, "__doc__", Value::str("Tools that operate on functions."));
    add_function(&m, "reduce", reduce);
    add_function(&m, "cmp_to_key", cmp_to_key);
    set_attr(&m, "partial", ty(PARTIAL));
    set_attr(&m, "KeyWrapper", ty(KEYWRAPPER));
    set_attr(&m, "_lru_cache_wrapper", ty(LRU));
    m
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

// ---------------------------------------------------------------- reduce

fn reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("reduce", kw)?;
    unpack("reduce", args, 2, 3)?;
    let f = &args[0];
    let it = match vm.iter(&args[1]) {
        Ok(it) => it,
        Err(e) if e.matches(&types().exc.type_error) => return Err(PyErr::type_error("reduce() arg 2 must support iteration")),
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(f, &[a, x])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

// ---------------------------------------------------------------- partial

struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict.
    kw: Value,
}
native_data!(Partial, func, args, kw);

const PT: &str = "functools.partial";

fn parts(v: &Value) -> PyResult<(Value, Value, Value)> {
    st(v, PT, |p: &mut Partial| (p.func.clone(), p.args.clone(), p.kw.clone()))
}

fn instance_dict_empty(v: &Value) -> bool {
    match v.as_obj().and_then(|o| o.dict.borrow().clone()) {
        None => true,
        Some(d) => d.as_dict().map_or(true, |x| x.borrow().is_empty()),
    }
}

fn is_partial_call(v: &Value) -> bool {
    has::<Partial>(v)
        && matches!(lookup(type_ref(v), "__call__").as_ref().and_then(|f| f.as_obj()).map(|o| &o.payload),
            Some(Payload::Native(n)) if n.name == "__call__" && n.owner.as_ref().map_or(false, |o| o.is(&ty(PARTIAL))))
}

fn partial_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(PARTIAL), PT)?;
    let np = args.len() - kw.len();
    if np < 2 {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[1].clone();
    if !vm.callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut pargs: Vec<Value> = Vec::new();
    let kwd = dict::new_dict();
    if is_partial_call(&func) && instance_dict_empty(&func) {
        let (f, a, k) = parts(&func)?;
        pargs.extend(a.as_tuple().map(|t| t.to_vec()).unwrap_or_default());
        let items = k.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
        for (kk, vv) in items {
            dict::dict_set(vm, &kwd, kk, vv)?;
        }
        func = f;
    }
    pargs.extend_from_slice(&args[2..np]);
    for (k, v) in kw.iter().zip(&args[np..]) {
        dict::dict_set(vm, &kwd, k.clone(), v.clone())?;
    }
    Ok(new_opaque(&cls, Partial { func, args: Value::tuple(pargs), kw: kwd }))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (f, pa, pk) = parts(&args[0])?;
    let np = args.len() - kw.len();
    let pa = pa.as_tuple().unwrap_or(&[]);
    let kitems = pk.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    if kitems.is_empty() {
        let mut a = Vec::with_capacity(pa.len() + args.len() - 1);
        a.extend_from_slice(pa);
        a.extend_from_slice(&args[1..]);
        return vm.call_kw(&f, &a, kw);
    }
    let mut a = Vec::with_capacity(pa.len() + np - 1 + kitems.len() + kw.len());
    a.extend_from_slice(pa);
    a.extend_from_slice(&args[1..np]);
    let mut names: Vec<Value> = Vec::with_capacity(kitems.len() + kw.len());
    let mut vals: Vec<Value> = Vec::with_capacity(kitems.len() + kw.len());
    for (k, v) in kitems {
        if k.as_pystr().is_none() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        names.push(k);
        vals.push(v);
    }
    for (k, v) in kw.iter().zip(&args[np..]) {
        let ks = k.as_str();
        match names.iter().position(|n| n.as_str() == ks) {
            Some(i) => vals[i] = v.clone(),
            None => {
                names.push(k.clone());
                vals.push(v.clone());
            }
        }
    }
    a.extend(vals);
    vm.call_kw(&f, &a, &names)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (f, pa, pk) = parts(me)?;
    let cls = type_of(me);
    let td = cls.as_obj().unwrap().type_data();
    // tp_name: `functools.partial` for the builtin class, the bare name for subclasses.
    let qual = td.name.borrow().clone();
    let module = if td.heap { None } else { Some("functools".to_string()) };
    if !vm.repr_enter(me) {
        return Ok(Value::str("..."));
    }
    let r = (|| -> PyResult<String> {
        let mut s = vm.repr_string(&f)?;
        for a in pa.as_tuple().unwrap_or(&[]).to_vec() {
            s.push_str(", ");
            s.push_str(&vm.repr_string(&a)?);
        }
        let items = pk.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
        for (k, v) in items {
            s.push_str(", ");
            s.push_str(&vm.str_string(&k)?);
            s.push('=');
            s.push_str(&vm.repr_string(&v)?);
        }
        Ok(match module {
            Some(m) => format!("{m}.{qual}({s})"),
            None => format!("{qual}({s})"),
        })
    })();
    vm.repr_leave(me);
    Ok(Value::string(r?))
}

fn partial_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (f, pa, pk) = parts(me)?;
    let d = me.as_obj().and_then(|o| o.dict.borrow().clone()).unwrap_or(Value::NONE);
    Ok(Value::tuple(vec![type_of(me), Value::tuple(vec![f.clone()]), Value::tuple(vec![f, pa, pk, d])]))
}

fn partial_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let state = args.get(1).cloned().unwrap_or(Value::NONE);
    let s = state.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if s.len() != 4 {
        return Err(PyErr::type_error("invalid partial state"));
    }
    let (f, fa, k, d) = (&s[0], &s[1], &s[2], &s[3]);
    if !vm.callable(f) || fa.as_tuple().is_none() || (!k.is_none() && k.as_dict().is_none()) {
        return Err(PyErr::type_error("invalid partial state"));
    }
    let exact = |v: &Value, t: &Value| std::ptr::eq(type_ref(v), t.as_obj().unwrap());
    let t = types();
    let fa = if exact(fa, &t.tuple) { fa.clone() } else { Value::tuple(fa.as_tuple().unwrap_or(&[]).to_vec()) };
    let kd = if k.is_none() {
        dict::new_dict()
    } else if exact(k, &t.dict) {
        k.clone()
    } else {
        let kd = dict::new_dict();
        let items = k.as_dict().map(|x| x.borrow().items()).unwrap_or_default();
        for (kk, vv) in items {
            dict::dict_set(vm, &kd, kk, vv)?;
        }
        kd
    };
    let f = f.clone();
    let prev = st(me, PT, |p: &mut Partial| {
        (std::mem::replace(&mut p.func, f), std::mem::replace(&mut p.args, fa), std::mem::replace(&mut p.kw, kd))
    })?;
    drop(prev);
    if let Some(o) = me.as_obj() {
        let newd = if d.is_none() { None } else { Some(d.clone()) };
        let old = std::mem::replace(&mut *o.dict.borrow_mut(), newd);
        drop(old);
    }
    Ok(Value::NONE)
}

fn partial_func(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0])?.0)
}
fn partial_args(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0])?.1)
}
fn partial_keywords(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0])?.2)
}

// ---------------------------------------------------------------- cmp_to_key

struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}
native_data!(KeyWrapper, cmp, obj);

const KW: &str = "functools.KeyWrapper";

fn cmp_to_key(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let np = args.len() - kw.len();
    let mut f = if np >= 1 { Some(args[0].clone()) } else { None };
    if np > 1 {
        return Err(PyErr::type_error(format!("cmp_to_key() takes at most 1 argument ({np} given)")));
    }
    for (k, v) in kw.iter().zip(&args[np..]) {
        match k.as_str() {
            Some("mycmp") if f.is_none() => f = Some(v.clone()),
            Some("mycmp") => return Err(PyErr::type_error("argument for cmp_to_key() given by name ('mycmp') and position (1)")),
            other => return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for cmp_to_key()", other.unwrap_or("")))),
        }
    }
    let Some(f) = f else {
        return Err(PyErr::type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"));
    };
    Ok(new_opaque(&ty(KEYWRAPPER), KeyWrapper { cmp: f, obj: None }))
}

fn key_call(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let np = args.len() - kw.len();
    if np > 2 {
        return Err(PyErr::type_error(format!("K() takes at most 1 argument ({} given)", np - 1)));
    }
    let mut obj = if np == 2 { Some(args[1].clone()) } else { None };
    for (k, v) in kw.iter().zip(&args[np..]) {
        if k.as_str() == Some("obj") && obj.is_none() {
            obj = Some(v.clone());
        } else if k.as_str() != Some("obj") {
            if obj.is_none() {
                return Err(PyErr::type_error("K() missing required argument 'obj' (pos 1)"));
            }
            return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for K()", k.as_str().unwrap_or(""))));
        }
    }
    let Some(obj) = obj else {
        return Err(PyErr::type_error("K() missing required argument 'obj' (pos 1)"));
    };
    let cmp = st(&args[0], KW, |k: &mut KeyWrapper| k.cmp.clone())?;
    Ok(new_opaque(&ty(KEYWRAPPER), KeyWrapper { cmp, obj: Some(obj) }))
}

fn key_cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args.len() != 2 || !has::<KeyWrapper>(&args[1]) || !crate::types::is_instance(&args[1], &ty(KEYWRAPPER)) {
        return Err(PyErr::type_error("other argument must be K instance"));
    }
    let (cmp, a) = st(&args[0], KW, |k: &mut KeyWrapper| (k.cmp.clone(), k.obj.clone()))?;
    let b = st(&args[1], KW, |k: &mut KeyWrapper| k.obj.clone())?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(PyErr::attribute_error("object"));
    };
    let r = vm.call(&cmp, &[a, b])?;
    vm.compare(&r, &Value::int(0), op)
}

fn key_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Lt)
}
fn key_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Le)
}
fn key_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Eq)
}
fn key_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Ne)
}
fn key_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Gt)
}
fn key_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_cmp(vm, args, CmpOpKind::Ge)
}

fn key_obj_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    st(&args[0], KW, |k: &mut KeyWrapper| k.obj.clone())?.ok_or_else(|| PyErr::attribute_error("obj"))
}

fn key_obj_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().filter(|v| !v.is_null());
    let old = st(&args[0], KW, |k: &mut KeyWrapper| std::mem::replace(&mut k.obj, v))?;
    drop(old);
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- _lru_cache_wrapper

const NIL: usize = usize::MAX;

struct Node {
    key: Value,
    result: Value,
    hash: i64,
    prev: usize,
    next: usize,
    /// 0 when the slot is free.
    serial: u64,
}

struct Lru {
    func: Value,
    info_type: Value,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    hits: u64,
    misses: u64,
    buckets: HashMap<i64, Vec<usize>>,
    nodes: Vec<Node>,
    free: Vec<usize>,
    /// Least recently used first.
    head: usize,
    tail: usize,
    len: usize,
    serials: u64,
}

impl NativeData for Lru {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.info_type);
        for n in &self.nodes {
            if n.serial != 0 {
                f(&n.key);
                f(&n.result);
            }
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.func, Value::NONE));
        out.push(std::mem::replace(&mut self.info_type, Value::NONE));
        for n in self.take_all() {
            out.push(n.0);
            out.push(n.1);
        }
    }
}

impl Lru {
    fn unlink(&mut self, i: usize) {
        let (p, n) = (self.nodes[i].prev, self.nodes[i].next);
        if p == NIL {
            self.head = n;
        } else {
            self.nodes[p].next = n;
        }
        if n == NIL {
            self.tail = p;
        } else {
            self.nodes[n].prev = p;
        }
        self.nodes[i].prev = NIL;
        self.nodes[i].next = NIL;
    }

    fn push_tail(&mut self, i: usize) {
        self.nodes[i].prev = self.tail;
        self.nodes[i].next = NIL;
        if self.tail == NIL {
            self.head = i;
        } else {
            let t = self.tail;
            self.nodes[t].next = i;
        }
        self.tail = i;
    }

    /// Remove node `i`, returning its key and result (to drop outside).
    fn remove(&mut self, i: usize) -> (Value, Value) {
        self.unlink(i);
        let h = self.nodes[i].hash;
        if let Some(b) = self.buckets.get_mut(&h) {
            b.retain(|&x| x != i);
            if b.is_empty() {
                self.buckets.remove(&h);
            }
        }
        self.nodes[i].serial = 0;
        self.free.push(i);
        self.len -= 1;
        (std::mem::replace(&mut self.nodes[i].key, Value::NONE), std::mem::replace(&mut self.nodes[i].result, Value::NONE))
    }

    fn insert(&mut self, key: Value, hash: i64, result: Value) {
        self.serials += 1;
        let node = Node { key, result, hash, prev: NIL, next: NIL, serial: self.serials };
        let i = match self.free.pop() {
            Some(i) => {
                self.nodes[i] = node;
                i
            }
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        };
        self.buckets.entry(hash).or_default().push(i);
        self.push_tail(i);
        self.len += 1;
    }

    fn take_all(&mut self) -> Vec<(Value, Value)> {
        let mut out = Vec::with_capacity(self.len);
        for n in self.nodes.drain(..) {
            if n.serial != 0 {
                out.push((n.key, n.result));
            }
        }
        self.free.clear();
        self.buckets.clear();
        self.head = NIL;
        self.tail = NIL;
        self.len = 0;
        out
    }
}

const LR: &str = "functools._lru_cache_wrapper";

fn kwd_mark() -> Value {
    KWD_MARK.get_or_init(|| Value::from_obj(PyObject::new(types().object.as_obj().unwrap(), Payload::Object)))
}

fn lru_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(LRU), LR)?;
    let [f, maxsize, typed, info] =
        crate::args::bind("_lru_cache_wrapper", &args[1..], kw, &["user_function", "maxsize", "typed", "cache_info_type"])?;
    let f = f.unwrap_or(Value::NONE);
    if !vm.callable(&f) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let maxsize = maxsize.unwrap_or(Value::NONE);
    let ms = if maxsize.is_none() {
        None
    } else if maxsize.is_int() {
        let n = match vm.index_value(&maxsize) {
            Ok(n) => n,
            Err(e) if e.matches(&types().exc.overflow_error) => i64::MAX,
            Err(e) => return Err(e),
        };
        Some(n.max(0) as usize)
    } else {
        return Err(PyErr::type_error("maxsize should be integer or None"));
    };
    let typed = vm.truthy(&typed.unwrap_or(Value::FALSE))?;
    Ok(new_opaque(
        &cls,
        Lru {
            func: f,
            info_type: info.unwrap_or(Value::NONE),
            maxsize: ms,
            typed,
            hits: 0,
            misses: 0,
            buckets: HashMap::new(),
            nodes: Vec::new(),
            free: Vec::new(),
            head: NIL,
            tail: NIL,
            len: 0,
            serials: 0,
        },
    ))
}

fn is_exact_int(v: &Value) -> bool {
    v.as_small_int().is_some() || v.as_obj().map_or(false, |o| matches!(o.payload, Payload::Int(_)) && std::ptr::eq(o.ty(), types().int.as_obj().unwrap()))
}

fn make_key(pos: &[Value], kwnames: &[Value], kwvals: &[Value], typed: bool) -> Value {
    if !typed && kwnames.is_empty() {
        if pos.len() == 1 && (pos[0].as_pystr_exact().is_some() || is_exact_int(&pos[0])) {
            return pos[0].clone();
        }
        return Value::tuple(pos.to_vec());
    }
    let mut k = Vec::with_capacity(pos.len() * 2 + kwnames.len() * 3 + 1);
    k.extend_from_slice(pos);
    if !kwnames.is_empty() {
        k.push(kwd_mark());
        for (n, v) in kwnames.iter().zip(kwvals) {
            k.push(n.clone());
            k.push(v.clone());
        }
    }
    if typed {
        for v in pos {
            k.push(type_of(v));
        }
        for v in kwvals {
            k.push(type_of(v));
        }
    }
    Value::tuple(k)
}

/// The node holding `key`, if cached.
fn lru_find(vm: &mut Vm, me: &Value, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let cands: Vec<(usize, Value, u64)> = st(me, LR, |l: &mut Lru| {
        l.buckets.get(&hash).map(|b| b.iter().map(|&i| (i, l.nodes[i].key.clone(), l.nodes[i].serial)).collect()).unwrap_or_default()
    })?;
    for (i, k, s) in cands {
        if k.is(key) || vm.eq(&k, key)? {
            let live = st(me, LR, |l: &mut Lru| l.nodes.get(i).map_or(false, |n| n.serial == s))?;
            if live {
                return Ok(Some(i));
            }
        }
    }
    Ok(None)
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (f, maxsize, typed) = st(me, LR, |l: &mut Lru| (l.func.clone(), l.maxsize, l.typed))?;
    if maxsize == Some(0) {
        st(me, LR, |l: &mut Lru| l.misses += 1)?;
        return vm.call_kw(&f, &args[1..], kw);
    }
    let np = args.len() - kw.len();
    let key = make_key(&args[1..np], kw, &args[np..], typed);
    let hash = vm.hash(&key)?;
    if let Some(i) = lru_find(vm, me, &key, hash)? {
        let r = st(me, LR, |l: &mut Lru| {
            l.hits += 1;
            if l.maxsize.is_some() {
                l.unlink(i);
                l.push_tail(i);
            }
            l.nodes[i].result.clone()
        })?;
        return Ok(r);
    }
    st(me, LR, |l: &mut Lru| l.misses += 1)?;
    let result = vm.call_kw(&f, &args[1..], kw)?;
    // The call may have cached this key meanwhile (recursion).
    if let Some(i) = lru_find(vm, me, &key, hash)? {
        if maxsize.is_some() {
            return Ok(result);
        }
        let old = st(me, LR, |l: &mut Lru| std::mem::replace(&mut l.nodes[i].result, result.clone()))?;
        drop(old);
        return Ok(result);
    }
    let evicted = st(me, LR, |l: &mut Lru| {
        let mut ev = None;
        if let Some(m) = l.maxsize {
            if l.len >= m && l.head != NIL {
                let h = l.head;
                ev = Some(l.remove(h));
            }
        }
        l.insert(key, hash, result.clone());
        ev
    })?;
    drop(evicted);
    Ok(result)
}

fn lru_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    Ok(crate::types::function::new_method(args[0].clone(), obj))
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, h, m, ms, n) = st(&args[0], LR, |l: &mut Lru| (l.info_type.clone(), l.hits, l.misses, l.maxsize, l.len))?;
    let msv = match ms {
        Some(x) => Value::int(x as i64),
        None => Value::NONE,
    };
    vm.call(&t, &[Value::int(h as i64), Value::int(m as i64), msv, Value::int(n as i64)])
}

fn lru_cache_clear(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = st(&args[0], LR, |l: &mut Lru| {
        l.hits = 0;
        l.misses = 0;
        l.take_all()
    })?;
    drop(old);
    Ok(Value::NONE)
}

fn lru_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.getattr_str(&args[0], "__qualname__")
}

fn lru_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn lru_deepcopy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// The `functools.partial` class (for `methodcaller.__reduce__`).
pub fn partial_type() -> Value {
    ty(PARTIAL)
}
