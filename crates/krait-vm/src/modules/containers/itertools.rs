//! The `itertools` module: every iterator is a native object whose state
//! lives in an opaque payload (`NativeData`, traversed by the collector).
//!
//! Each `__next__` copies what it needs out of the state, releases the
//! borrow, runs Python code (the inner iterators, predicates, key
//! functions), then stores the new state back.

use super::common::{check_kwnames, check_new, iter_self, native_data, no_kw, st, stop, tname, unpack};
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, add_native, is_instance, type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

// ---------------------------------------------------------------- types

const COUNT: usize = 0;
const CYCLE: usize = 1;
const REPEAT: usize = 2;
const ACCUMULATE: usize = 3;
const CHAIN: usize = 4;
const COMPRESS: usize = 5;
const DROPWHILE: usize = 6;
const TAKEWHILE: usize = 7;
const FILTERFALSE: usize = 8;
const GROUPBY: usize = 9;
const GROUPER: usize = 10;
const ISLICE: usize = 11;
const STARMAP: usize = 12;
const TEE: usize = 13;
const TEEDATA: usize = 14;
const ZIP_LONGEST: usize = 15;
const PRODUCT: usize = 16;
const PERMUTATIONS: usize = 17;
const COMBINATIONS: usize = 18;
const CWR: usize = 19;
const PAIRWISE: usize = 20;

static TYPES: GilSlot = GilSlot::new();

fn ty(i: usize) -> Value {
    let t = TYPES.get_or_init(build_types);
    t.as_tuple().map(|t| t[i].clone()).unwrap_or(Value::NONE)
}

/// Register a class: `__new__`, `__iter__`, `__next__`, the doc.
fn mk(name: &str, new: crate::object::NativeFn, next: crate::object::NativeFn, doc: &str, base_ok: bool) -> Value {
    let c = if base_ok {
        new_type("itertools", name, None)
    } else {
        crate::types::new_native_type("itertools", name, &types().object, false)
    };
    add_native(&c, "__new__", new, NativeKind::StaticMethod);
    add_method(&c, "__iter__", iter_self);
    add_method(&c, "__next__", next);
    crate::types::add_attr(&c, "__doc__", Value::str(doc));
    c
}

fn build_types() -> Value {
    let count = mk("count", count_new, count_next, "Return a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step", true);
    add_method(&count, "__repr__", count_repr);
    add_method(&count, "__reduce__", count_reduce);
    let cycle = mk("cycle", cycle_new, cycle_next, "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.", true);
    add_method(&cycle, "__reduce__", cycle_reduce);
    add_method(&cycle, "__setstate__", cycle_setstate);
    let repeat = mk("repeat", repeat_new, repeat_next, "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.", true);
    add_method(&repeat, "__repr__", repeat_repr);
    add_method(&repeat, "__reduce__", repeat_reduce);
    add_method(&repeat, "__length_hint__", repeat_length_hint);
    let accumulate = mk("accumulate", accumulate_new, accumulate_next, "Return series of accumulated sums (or other binary function results).", true);
    add_method(&accumulate, "__reduce__", accumulate_reduce);
    add_method(&accumulate, "__setstate__", accumulate_setstate);
    let chain = mk("chain", chain_new, chain_next, "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.", true);
    add_native(&chain, "from_iterable", chain_from_iterable, NativeKind::ClassMethod);
    add_native(&chain, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
    add_method(&chain, "__reduce__", chain_reduce);
    add_method(&chain, "__setstate__", chain_setstate);
    let compress = mk("compress", compress_new, compress_next, "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements.", true);
    add_method(&compress, "__reduce__", compress_reduce);
    let dropwhile = mk("dropwhile", dropwhile_new, dropwhile_next, "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.", true);
    add_method(&dropwhile, "__reduce__", pred_reduce);
    add_method(&dropwhile, "__setstate__", pred_setstate);
    let takewhile = mk("takewhile", takewhile_new, takewhile_next, "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.", true);
    add_method(&takewhile, "__reduce__", pred_reduce);
    add_method(&takewhile, "__setstate__", pred_setstate);
    let filterfalse = mk("filterfalse", filterfalse_new, filterfalse_next, "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.", true);
    add_method(&filterfalse, "__reduce__", filterfalse_reduce);
    let groupby = mk("groupby", groupby_new, groupby_next, "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.", true);
    add_method(&groupby, "__reduce__", groupby_reduce);
    add_method(&groupby, "__setstate__", groupby_setstate);
    let grouper = mk("_grouper", grouper_new, grouper_next, "", false);
    add_method(&grouper, "__reduce__", grouper_reduce);
    let islice = mk("islice", islice_new, islice_next, "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator.", true);
    add_method(&islice, "__reduce__", islice_reduce);
    add_method(&islice, "__setstate__", islice_setstate);
    let starmap = mk("starmap", starmap_new, starmap_next, "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.", true);
    add_method(&starmap, "__reduce__", starmap_reduce);
    let tee = mk("_tee", tee_new, tee_next, "Iterator wrapped to make it copyable.", false);
    add_method(&tee, "__copy__", tee_copy);
    add_method(&tee, "__reduce__", tee_reduce);
    add_method(&tee, "__setstate__", tee_setstate);
    let teedata = crate::types::new_native_type("itertools", "_tee_dataobject", &types().object, false);
    add_native(&teedata, "__new__", teedata_new, NativeKind::StaticMethod);
    add_method(&teedata, "__reduce__", teedata_reduce);
    crate::types::add_attr(&teedata, "__doc__", Value::str("teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."));
    let zip_longest = mk("zip_longest", zip_longest_new, zip_longest_next, "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.\n", true);
    add_method(&zip_longest, "__reduce__", zip_longest_reduce);
    add_method(&zip_longest, "__setstate__", zip_longest_setstate);
    let product = mk("product", product_new, product_next, "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...", true);
    add_method(&product, "__reduce__", product_reduce);
    add_method(&product, "__setstate__", product_setstate);
    add_method(&product, "__sizeof__", combo_sizeof);
    let permutations = mk("permutations", permutations_new, permutations_next, "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)", true);
    add_method(&permutations, "__reduce__", combo_reduce);
    add_method(&permutations, "__setstate__", combo_setstate);
    add_method(&permutations, "__sizeof__", combo_sizeof);
    let combinations = mk("combinations", combinations_new, combo_next, "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)", true);
    add_method(&combinations, "__reduce__", combo_reduce);
    add_method(&combinations, "__setstate__", combo_setstate);
    add_method(&combinations, "__sizeof__", combo_sizeof);
    let cwr = mk("combinations_with_replacement", cwr_new, combo_next, "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')", true);
    add_method(&cwr, "__reduce__", combo_reduce);
    add_method(&cwr, "__setstate__", combo_setstate);
    add_method(&cwr, "__sizeof__", combo_sizeof);
    let pairwise = mk("pairwise", pairwise_new, pairwise_next, "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0, s1), (s1, s2), (s2, s3), ...", true);
    Value::tuple(vec![
        count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, grouper, islice, starmap, tee,
        teedata, zip_longest, product, permutations, combinations, cwr, pairwise,
    ])
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("itertools");
    set_attr(&m, "__doc__", Value::str("Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n"));
    let names = [
        (COUNT, "count"),
        (CYCLE, "cycle"),
        (REPEAT, "repeat"),
        (ACCUMULATE, "accumulate"),
        (CHAIN, "chain"),
        (COMPRESS, "compress"),
        (DROPWHILE, "dropwhile"),
        (TAKEWHILE, "takewhile"),
        (FILTERFALSE, "filterfalse"),
        (GROUPBY, "groupby"),
        (GROUPER, "_grouper"),
        (ISLICE, "islice"),
        (STARMAP, "starmap"),
        (TEE, "_tee"),
        (TEEDATA, "_tee_dataobject"),
        (ZIP_LONGEST, "zip_longest"),
        (PRODUCT, "product"),
        (PERMUTATIONS, "permutations"),
        (COMBINATIONS, "combinations"),
        (CWR, "combinations_with_replacement"),
        (PAIRWISE, "pairwise"),
    ];
    for (i, n) in names {
        set_attr(&m, n, ty(i));
    }
    add_function(&m, "tee", tee_func);
    m
}

/// The positional arguments of a `__new__` (after the class) that takes no
/// keyword arguments when called on the itertools class itself (subclasses
/// may take some for their `__init__`).
fn own_args<'a>(cls: &Value, which: usize, name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a [Value]> {
    if cls.is(&ty(which)) {
        no_kw(name, kw)?;
    }
    Ok(&args[1..args.len() - kw.len()])
}

/// `PyArg_ParseTupleAndKeywords`/clinic-style binding with CPython's
/// messages for the keyword-accepting constructors.
fn kwbind<const N: usize>(name: &str, args: &[Value], kw: &[Value], names: [&str; N], nreq: usize, npos: usize) -> PyResult<[Option<Value>; N]> {
    let np = args.len() - kw.len();
    if np > npos {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {npos} {}argument{} ({np} given)",
            if npos < N { "positional " } else { "" },
            if npos == 1 { "" } else { "s" }
        )));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (i, a) in args[..np].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, n) in kw.iter().enumerate() {
        let s = n.as_str().unwrap_or("");
        if let Some(i) = names.iter().position(|x| *x == s) {
            if out[i].is_some() {
                return Err(PyErr::type_error(format!("argument for {name}() given by name ('{s}') and position ({})", i + 1)));
            }
            out[i] = Some(args[np + k].clone());
        }
    }
    for i in 0..nreq {
        if out[i].is_none() {
            return Err(PyErr::type_error(format!("{name}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    check_kwnames(name, kw, &names)?;
    Ok(out)
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

/// Whether `v` is an iterator (has `__next__`).
fn is_iterator(v: &Value) -> bool {
    crate::types::lookup(crate::types::type_ref(v), "__next__").is_some()
}

fn not_tuple() -> PyErr {
    PyErr::type_error("state is not a tuple")
}

fn state_tuple(v: &Value) -> PyResult<Vec<Value>> {
    v.as_tuple().map(|t| t.to_vec()).ok_or_else(not_tuple)
}

fn call1(vm: &mut Vm, f: &Value, x: &Value) -> PyResult<Value> {
    vm.call(f, std::slice::from_ref(x))
}

// ---------------------------------------------------------------- count

struct Count {
    cnt: Value,
    step: Value,
}
native_data!(Count, cnt, step);

fn is_number(v: &Value) -> bool {
    if v.is_int() || v.is_float() || v.as_obj().map_or(false, |o| matches!(o.payload, crate::object::Payload::Float(_) | crate::object::Payload::Complex(..))) {
        return true;
    }
    let t = crate::types::type_ref(v);
    ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| crate::types::lookup(t, n).is_some())
}

fn count_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(COUNT), "itertools.count")?;
    let [start, step] = kwbind("count", &args[1..], kw, ["start", "step"], 0, 2)?;
    let start = start.unwrap_or(Value::int(0));
    let step = step.unwrap_or(Value::int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(new_opaque(&cls, Count { cnt: start, step }))
}

fn count_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (c, s) = st(&args[0], "itertools.count", |x: &mut Count| (x.cnt.clone(), x.step.clone()))?;
    let n = match (c.as_small_int(), s.as_small_int()) {
        (Some(a), Some(b)) => Value::int(a + b),
        _ => vm.binary_op(&c, &s, BinOpKind::Add, false)?,
    };
    st(&args[0], "itertools.count", |x: &mut Count| x.cnt = n)?;
    Ok(c)
}

fn step_is_one(s: &Value) -> bool {
    s.is_int() && !s.is_bool() && s.as_i64() == Some(1) || s.as_small_int() == Some(1)
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (c, s) = st(&args[0], "itertools.count", |x: &mut Count| (x.cnt.clone(), x.step.clone()))?;
    let name = tname(&args[0]);
    let cr = vm.repr_string(&c)?;
    if step_is_one(&s) {
        return Ok(Value::string(format!("{name}({cr})")));
    }
    let sr = vm.repr_string(&s)?;
    Ok(Value::string(format!("{name}({cr}, {sr})")))
}

fn count_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (c, s) = st(&args[0], "itertools.count", |x: &mut Count| (x.cnt.clone(), x.step.clone()))?;
    // CPython's fast mode (an index-sized int counting by 1) pickles the count alone.
    let fast = step_is_one(&s) && c.is_int() && c.as_i64().map_or(false, |i| i < i64::MAX);
    let a = if fast { vec![c] } else { vec![c, s] };
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(a)]))
}

// ---------------------------------------------------------------- cycle

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
    firstpass: bool,
}
native_data!(Cycle, it, saved);

fn cycle_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(CYCLE), "itertools.cycle")?;
    no_kw("cycle", kw)?;
    unpack("cycle", &args[1..], 1, 1)?;
    let it = vm.iter(&args[1])?;
    Ok(new_opaque(&cls, Cycle { it: Some(it), saved: Vec::new(), index: 0, firstpass: false }))
}

fn cycle_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.cycle";
    let me = &args[0];
    if let Some(it) = st(me, W, |c: &mut Cycle| c.it.clone())? {
        match vm.next(&it)? {
            Some(v) => {
                st(me, W, |c: &mut Cycle| {
                    if !c.firstpass {
                        c.saved.push(v.clone())
                    }
                })?;
                return Ok(v);
            }
            None => st(me, W, |c: &mut Cycle| c.it = None)?,
        }
    }
    let r = st(me, W, |c: &mut Cycle| {
        if c.saved.is_empty() {
            return None;
        }
        if c.index >= c.saved.len() {
            c.index = 0;
        }
        let v = c.saved[c.index].clone();
        c.index += 1;
        if c.index >= c.saved.len() {
            c.index = 0;
        }
        Some(v)
    })?;
    r.ok_or_else(stop)
}

fn cycle_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (it, saved, index, firstpass) = st(&args[0], "itertools.cycle", |c: &mut Cycle| (c.it.clone(), c.saved.clone(), c.index, c.firstpass))?;
    let cls = type_of(&args[0]);
    let saved_l = Value::list(saved);
    match it {
        Some(it) => Ok(Value::tuple(vec![cls, Value::tuple(vec![it]), Value::tuple(vec![saved_l, Value::bool(firstpass)])])),
        None => {
            let it = vm.iter(&saved_l)?;
            for _ in 0..index {
                vm.next(&it)?;
            }
            Ok(Value::tuple(vec![cls, Value::tuple(vec![it]), Value::tuple(vec![saved_l, Value::TRUE])]))
        }
    }
}

fn cycle_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = state_tuple(&args[1])?;
    if s.len() != 2 {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", s.len())));
    }
    let saved = match s[0].as_list() {
        Some(l) => l.borrow().clone(),
        None => return Err(PyErr::type_error(format!("argument 1 must be list, not {}", tname(&s[0])))),
    };
    let fp = vm.index_value(&s[1])? != 0;
    st(&args[0], "itertools.cycle", |c: &mut Cycle| {
        c.saved = saved;
        c.firstpass = fp;
        c.index = 0;
    })?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- repeat

struct Repeat {
    elem: Value,
    /// Remaining count; -1 forever.
    cnt: i64,
}
native_data!(Repeat, elem);

fn repeat_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(REPEAT), "itertools.repeat")?;
    let [elem, times] = kwbind("repeat", &args[1..], kw, ["object", "times"], 1, 2)?;
    let cnt = match times {
        Some(t) => vm.index_value(&t)?.max(0),
        None => -1,
    };
    Ok(new_opaque(&cls, Repeat { elem: elem.unwrap_or(Value::NONE), cnt }))
}

fn repeat_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = st(&args[0], "itertools.repeat", |r: &mut Repeat| {
        if r.cnt == 0 {
            return None;
        }
        if r.cnt > 0 {
            r.cnt -= 1;
        }
        Some(r.elem.clone())
    })?;
    r.ok_or_else(stop)
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (e, c) = st(&args[0], "itertools.repeat", |r: &mut Repeat| (r.elem.clone(), r.cnt))?;
    let name = tname(&args[0]);
    if !vm.repr_enter(&args[0]) {
        return Ok(Value::str("..."));
    }
    let er = vm.repr_string(&e);
    vm.repr_leave(&args[0]);
    let er = er?;
    Ok(Value::string(if c == -1 { format!("{name}({er})") } else { format!("{name}({er}, {c})") }))
}

fn repeat_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (e, c) = st(&args[0], "itertools.repeat", |r: &mut Repeat| (r.elem.clone(), r.cnt))?;
    let a = if c == -1 { vec![e] } else { vec![e, Value::int(c)] };
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(a)]))
}

fn repeat_length_hint(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = st(&args[0], "itertools.repeat", |r: &mut Repeat| r.cnt)?;
    if c == -1 {
        return Err(PyErr::type_error("len() of unsized object"));
    }
    Ok(Value::int(c))
}

// ---------------------------------------------------------------- accumulate

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}
native_data!(Accumulate, it, func, total, initial);

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(ACCUMULATE), "itertools.accumulate")?;
    let [iterable, func, initial] = kwbind("accumulate", &args[1..], kw, ["iterable", "func", "initial"], 1, 2)?;
    let it = vm.iter(&iterable.unwrap_or(Value::NONE))?;
    let initial = initial.filter(|v| !v.is_none());
    Ok(new_opaque(&cls, Accumulate { it, func: func.unwrap_or(Value::NONE), total: None, initial }))
}

fn accumulate_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.accumulate";
    let me = &args[0];
    let (it, func, total, initial) = st(me, W, |a: &mut Accumulate| {
        let init = a.initial.take();
        if let Some(i) = &init {
            a.total = Some(i.clone());
        }
        (a.it.clone(), a.func.clone(), a.total.clone(), init)
    })?;
    if let Some(i) = initial {
        return Ok(i);
    }
    let v = vm.next(&it)?.ok_or_else(stop)?;
    let nt = match total {
        None => v,
        Some(t) => {
            if func.is_none() {
                vm.binary_op(&t, &v, BinOpKind::Add, false)?
            } else {
                vm.call(&func, &[t, v])?
            }
        }
    };
    st(me, W, |a: &mut Accumulate| a.total = Some(nt.clone()))?;
    Ok(nt)
}

fn accumulate_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (it, func, total, initial) =
        st(&args[0], "itertools.accumulate", |a: &mut Accumulate| (a.it.clone(), a.func.clone(), a.total.clone(), a.initial.clone()))?;
    let cls = type_of(&args[0]);
    if let Some(i) = initial {
        let ch = make_chain(vm, &ty(CHAIN), vec![Value::tuple(vec![i]), it])?;
        return Ok(Value::tuple(vec![cls, Value::tuple(vec![ch, func]), Value::NONE]));
    }
    match total {
        Some(t) if t.is_none() => {
            let ch = make_chain(vm, &ty(CHAIN), vec![Value::tuple(vec![t]), it])?;
            let sl = vm.call(&ty(ISLICE), &[ch, Value::int(1), Value::NONE])?;
            Ok(Value::tuple(vec![cls, Value::tuple(vec![sl, func]), Value::NONE]))
        }
        t => Ok(Value::tuple(vec![cls, Value::tuple(vec![it, func]), t.unwrap_or(Value::NONE)])),
    }
}

fn accumulate_setstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    st(&args[0], "itertools.accumulate", |a: &mut Accumulate| a.total = Some(v))?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- chain

struct Chain {
    source: Option<Value>,
    active: Option<Value>,
}
native_data!(Chain, source, active);

fn make_chain(vm: &mut Vm, cls: &Value, iterables: Vec<Value>) -> PyResult<Value> {
    let src = vm.iter(&Value::tuple(iterables))?;
    Ok(new_opaque(cls, Chain { source: Some(src), active: None }))
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(CHAIN), "itertools.chain")?;
    let a = own_args(&cls, CHAIN, "chain", args, kw)?;
    make_chain(vm, &cls, a.to_vec())
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("chain.from_iterable", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let src = vm.iter(&args[1])?;
    Ok(new_opaque(&args[0], Chain { source: Some(src), active: None }))
}

fn chain_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.chain";
    let me = &args[0];
    loop {
        let (src, act) = st(me, W, |c: &mut Chain| (c.source.clone(), c.active.clone()))?;
        if let Some(a) = act {
            match vm.next(&a)? {
                Some(v) => return Ok(v),
                None => st(me, W, |c: &mut Chain| c.active = None)?,
            }
        }
        let Some(src) = src else { return Err(stop()) };
        let nx = vm.next(&src);
        match nx {
            Ok(Some(iterable)) => match vm.iter(&iterable) {
                Ok(it) => st(me, W, |c: &mut Chain| c.active = Some(it))?,
                Err(e) => {
                    st(me, W, |c: &mut Chain| c.source = None)?;
                    return Err(e);
                }
            },
            Ok(None) => {
                st(me, W, |c: &mut Chain| c.source = None)?;
                return Err(stop());
            }
            Err(e) => {
                st(me, W, |c: &mut Chain| c.source = None)?;
                return Err(e);
            }
        }
    }
}

fn chain_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (src, act) = st(&args[0], "itertools.chain", |c: &mut Chain| (c.source.clone(), c.active.clone()))?;
    let cls = type_of(&args[0]);
    let empty = Value::tuple(vec![]);
    Ok(match (src, act) {
        (Some(s), Some(a)) => Value::tuple(vec![cls, empty, Value::tuple(vec![s, a])]),
        (Some(s), None) => Value::tuple(vec![cls, empty, Value::tuple(vec![s])]),
        _ => Value::tuple(vec![cls, empty]),
    })
}

fn chain_setstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = state_tuple(&args[1])?;
    if s.is_empty() || s.len() > 2 {
        return Err(PyErr::type_error(format!("function takes at most 2 arguments ({} given)", s.len())));
    }
    if !is_iterator(&s[0]) || (s.len() == 2 && !is_iterator(&s[1])) {
        return Err(PyErr::type_error("Arguments must be iterators."));
    }
    let src = s[0].clone();
    let act = s.get(1).cloned();
    st(&args[0], "itertools.chain", |c: &mut Chain| {
        c.source = Some(src);
        c.active = act;
    })?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- compress

struct Compress {
    data: Value,
    selectors: Value,
}
native_data!(Compress, data, selectors);

fn compress_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(COMPRESS), "itertools.compress")?;
    let [d, s] = kwbind("compress", &args[1..], kw, ["data", "selectors"], 2, 2)?;
    let data = vm.iter(&d.unwrap_or(Value::NONE))?;
    let selectors = vm.iter(&s.unwrap_or(Value::NONE))?;
    Ok(new_opaque(&cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, s) = st(&args[0], "itertools.compress", |c: &mut Compress| (c.data.clone(), c.selectors.clone()))?;
    loop {
        let Some(x) = vm.next(&d)? else { return Err(stop()) };
        let Some(sel) = vm.next(&s)? else { return Err(stop()) };
        if vm.truthy(&sel)? {
            return Ok(x);
        }
    }
}

fn compress_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, s) = st(&args[0], "itertools.compress", |c: &mut Compress| (c.data.clone(), c.selectors.clone()))?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![d, s])]))
}

// ---------------------------------------------------------------- dropwhile / takewhile / filterfalse / starmap

/// Predicate and iterator; `flag` is "dropped" for dropwhile, "stopped"
/// for takewhile.
struct PredIter {
    func: Value,
    it: Value,
    flag: bool,
}
native_data!(PredIter, func, it);

fn pred_new(vm: &mut Vm, args: &[Value], kw: &[Value], which: usize, name: &str) -> PyResult<Value> {
    let cls = check_new(args, &ty(which), &format!("itertools.{name}"))?;
    let a = own_args(&cls, which, name, args, kw)?;
    unpack(name, a, 2, 2)?;
    let it = vm.iter(&a[1])?;
    Ok(new_opaque(&cls, PredIter { func: a[0].clone(), it, flag: false }))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred_new(vm, args, kw, DROPWHILE, "dropwhile")
}
fn takewhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred_new(vm, args, kw, TAKEWHILE, "takewhile")
}
fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred_new(vm, args, kw, FILTERFALSE, "filterfalse")
}
fn starmap_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred_new(vm, args, kw, STARMAP, "starmap")
}

fn pred_parts(me: &Value) -> PyResult<(Value, Value, bool)> {
    st(me, "itertools iterator", |p: &mut PredIter| (p.func.clone(), p.it.clone(), p.flag))
}

fn dropwhile_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, dropped) = pred_parts(&args[0])?;
    loop {
        let Some(x) = vm.next(&it)? else { return Err(stop()) };
        if dropped {
            return Ok(x);
        }
        let r = call1(vm, &f, &x)?;
        if !vm.truthy(&r)? {
            st(&args[0], "itertools.dropwhile", |p: &mut PredIter| p.flag = true)?;
            return Ok(x);
        }
    }
}

fn takewhile_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, stopped) = pred_parts(&args[0])?;
    if stopped {
        return Err(stop());
    }
    let Some(x) = vm.next(&it)? else { return Err(stop()) };
    let r = call1(vm, &f, &x)?;
    if vm.truthy(&r)? {
        return Ok(x);
    }
    st(&args[0], "itertools.takewhile", |p: &mut PredIter| p.flag = true)?;
    Err(stop())
}

fn pred_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, flag) = pred_parts(&args[0])?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![f, it]), Value::int(flag as i64)]))
}

fn pred_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    let b = vm.truthy(&v)?;
    st(&args[0], "itertools iterator", |p: &mut PredIter| p.flag = b)?;
    Ok(Value::NONE)
}

fn filterfalse_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, _) = pred_parts(&args[0])?;
    let plain = f.is_none() || f.is(&types().bool);
    loop {
        let Some(x) = vm.next(&it)? else { return Err(stop()) };
        let ok = if plain {
            vm.truthy(&x)?
        } else {
            let r = call1(vm, &f, &x)?;
            vm.truthy(&r)?
        };
        if !ok {
            return Ok(x);
        }
    }
}

fn filterfalse_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, _) = pred_parts(&args[0])?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![f, it])]))
}

fn starmap_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, it, _) = pred_parts(&args[0])?;
    let Some(a) = vm.next(&it)? else { return Err(stop()) };
    if let Some(t) = a.as_tuple() {
        let t = t.to_vec();
        return vm.call(&f, &t);
    }
    let items = vm.collect(&a)?;
    vm.call(&f, &items)
}

fn starmap_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    filterfalse_reduce(_vm, args, _kw)
}

// ---------------------------------------------------------------- groupby

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Serial number of the live grouper (0: none).
    current: u64,
    serials: u64,
}
native_data!(GroupBy, it, keyfunc, tgtkey, currkey, currvalue);

struct Grouper {
    parent: Value,
    tgtkey: Value,
    serial: u64,
}
native_data!(Grouper, parent, tgtkey);

const GB: &str = "itertools.groupby";

fn groupby_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(GROUPBY), GB)?;
    let [iterable, key] = kwbind("groupby", &args[1..], kw, ["iterable", "key"], 1, 2)?;
    let it = vm.iter(&iterable.unwrap_or(Value::NONE))?;
    Ok(new_opaque(
        &cls,
        GroupBy { it, keyfunc: key.unwrap_or(Value::NONE), tgtkey: None, currkey: None, currvalue: None, current: 0, serials: 0 },
    ))
}

/// Advance the groupby's underlying iterator: Ok(false) when exhausted.
fn groupby_step(vm: &mut Vm, gb: &Value) -> PyResult<bool> {
    let (it, kf) = st(gb, GB, |g: &mut GroupBy| (g.it.clone(), g.keyfunc.clone()))?;
    let Some(v) = vm.next(&it)? else { return Ok(false) };
    let k = if kf.is_none() { v.clone() } else { call1(vm, &kf, &v)? };
    st(gb, GB, |g: &mut GroupBy| {
        g.currvalue = Some(v);
        g.currkey = Some(k);
    })?;
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    st(me, GB, |g: &mut GroupBy| g.current = 0)?;
    loop {
        let (cur, tgt) = st(me, GB, |g: &mut GroupBy| (g.currkey.clone(), g.tgtkey.clone()))?;
        match (cur, tgt) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                if !vm.eq(&t, &c)? {
                    break;
                }
            }
        }
        if !groupby_step(vm, me)? {
            return Err(stop());
        }
    }
    let (key, serial) = st(me, GB, |g: &mut GroupBy| {
        g.tgtkey = g.currkey.clone();
        g.serials += 1;
        g.current = g.serials;
        (g.currkey.clone().unwrap_or(Value::NONE), g.serials)
    })?;
    let gr = new_opaque(&ty(GROUPER), Grouper { parent: me.clone(), tgtkey: key.clone(), serial });
    Ok(Value::tuple(vec![key, gr]))
}

fn groupby_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (it, kf, t, k, v) =
        st(&args[0], GB, |g: &mut GroupBy| (g.it.clone(), g.keyfunc.clone(), g.tgtkey.clone(), g.currkey.clone(), g.currvalue.clone()))?;
    let cls = type_of(&args[0]);
    Ok(match (t, k, v) {
        (Some(t), Some(k), Some(v)) => Value::tuple(vec![cls, Value::tuple(vec![it, kf]), Value::tuple(vec![k, v, t])]),
        _ => Value::tuple(vec![cls, Value::tuple(vec![it, kf])]),
    })
}

fn groupby_setstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = state_tuple(&args[1])?;
    if s.len() != 3 {
        return Err(PyErr::type_error(format!("function takes exactly 3 arguments ({} given)", s.len())));
    }
    st(&args[0], GB, |g: &mut GroupBy| {
        g.currkey = Some(s[0].clone());
        g.currvalue = Some(s[1].clone());
        g.tgtkey = Some(s[2].clone());
    })?;
    Ok(Value::NONE)
}

fn grouper_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(GROUPER), "itertools._grouper")?;
    no_kw("_grouper", kw)?;
    unpack("_grouper", &args[1..], 2, 2)?;
    let parent = args[1].clone();
    if !is_instance(&parent, &ty(GROUPBY)) {
        return Err(PyErr::type_error(format!("_grouper() argument 1 must be itertools.groupby, not {}", tname(&parent))));
    }
    let serial = st(&parent, GB, |g: &mut GroupBy| {
        g.serials += 1;
        g.current = g.serials;
        g.serials
    })?;
    Ok(new_opaque(&cls, Grouper { parent, tgtkey: args[2].clone(), serial }))
}

fn grouper_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (parent, tgt, serial) = st(&args[0], "itertools._grouper", |g: &mut Grouper| (g.parent.clone(), g.tgtkey.clone(), g.serial))?;
    let (cur, have) = st(&parent, GB, |g: &mut GroupBy| (g.current, g.currvalue.is_some()))?;
    if cur != serial {
        return Err(stop());
    }
    if !have && !groupby_step(vm, &parent)? {
        return Err(stop());
    }
    let ck = st(&parent, GB, |g: &mut GroupBy| g.currkey.clone())?.unwrap_or(Value::NONE);
    if !vm.eq(&tgt, &ck)? {
        return Err(stop());
    }
    let v = st(&parent, GB, |g: &mut GroupBy| g.currvalue.take())?;
    v.ok_or_else(stop)
}

fn grouper_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (parent, tgt, serial) = st(&args[0], "itertools._grouper", |g: &mut Grouper| (g.parent.clone(), g.tgtkey.clone(), g.serial))?;
    let cur = st(&parent, GB, |g: &mut GroupBy| g.current)?;
    if cur != serial {
        let it = crate::types::dict::dict_get_str(&vm.builtins_dict, "iter").unwrap_or(Value::NONE);
        return Ok(Value::tuple(vec![it, Value::tuple(vec![Value::tuple(vec![])])]));
    }
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![parent, tgt])]))
}

// ---------------------------------------------------------------- islice

struct ISlice {
    it: Option<Value>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}
native_data!(ISlice, it);

fn islice_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    let bad = || PyErr::value_error(msg.to_string());
    if !v.is_int() && crate::types::lookup(crate::types::type_ref(v), "__index__").is_none() {
        return Err(bad());
    }
    match vm.index_value(v) {
        Ok(i) if i >= 0 => Ok(Some(i)),
        Ok(_) => Err(bad()),
        Err(e) if e.matches(&types().exc.overflow_error) => Err(bad()),
        Err(e) => Err(e),
    }
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(ISLICE), "itertools.islice")?;
    let a = own_args(&cls, ISLICE, "islice", args, kw)?;
    unpack("islice", a, 2, 4)?;
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step);
    if a.len() == 2 {
        start = 0;
        stop = islice_arg(vm, &a[1], STOP)?.unwrap_or(-1);
        step = 1;
    } else {
        let s0 = islice_arg(vm, &a[1], IDX);
        let s1 = islice_arg(vm, &a[2], STOP);
        let s1 = match s1 {
            Ok(v) => v,
            Err(e) if e.matches(&types().exc.value_error) => {
                // CPython reports bad start/stop pairs with the Indices message.
                s0?;
                return Err(PyErr::value_error(STOP));
            }
            Err(e) => return Err(e),
        };
        start = s0?.unwrap_or(0);
        stop = s1.unwrap_or(-1);
        step = if a.len() == 4 {
            match &a[3] {
                v if v.is_none() => 1,
                v => {
                    let st = if v.is_int() || crate::types::lookup(crate::types::type_ref(v), "__index__").is_some() {
                        match vm.index_value(v) {
                            Ok(x) => Some(x),
                            Err(e) if e.matches(&types().exc.overflow_error) => None,
                            Err(e) => return Err(e),
                        }
                    } else {
                        None
                    };
                    match st {
                        Some(x) if x >= 1 => x,
                        _ => return Err(PyErr::value_error("Step for islice() must be a positive integer or None.")),
                    }
                }
            }
        } else {
            1
        };
    }
    let it = vm.iter(&a[0])?;
    Ok(new_opaque(&cls, ISlice { it: Some(it), next: start, stop, step, cnt: 0 }))
}

fn islice_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.islice";
    let me = &args[0];
    let (it, next, stopv) = st(me, W, |s: &mut ISlice| (s.it.clone(), s.next, s.stop))?;
    let Some(it) = it else { return Err(stop()) };
    loop {
        let cnt = st(me, W, |s: &mut ISlice| s.cnt)?;
        if cnt >= next {
            break;
        }
        match vm.next(&it)? {
            Some(_) => st(me, W, |s: &mut ISlice| s.cnt += 1)?,
            None => {
                st(me, W, |s: &mut ISlice| s.it = None)?;
                return Err(stop());
            }
        }
    }
    let cnt = st(me, W, |s: &mut ISlice| s.cnt)?;
    if stopv != -1 && cnt >= stopv {
        st(me, W, |s: &mut ISlice| s.it = None)?;
        return Err(stop());
    }
    match vm.next(&it)? {
        Some(v) => {
            st(me, W, |s: &mut ISlice| {
                s.cnt += 1;
                let old = s.next;
                s.next = s.next.saturating_add(s.step);
                if s.next < old || (s.stop != -1 && s.next > s.stop) {
                    s.next = s.stop;
                }
            })?;
            Ok(v)
        }
        None => {
            st(me, W, |s: &mut ISlice| s.it = None)?;
            Err(stop())
        }
    }
}

fn islice_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (it, next, stopv, step, cnt) = st(&args[0], "itertools.islice", |s: &mut ISlice| (s.it.clone(), s.next, s.stop, s.step, s.cnt))?;
    let cls = type_of(&args[0]);
    match it {
        None => {
            let e = vm.iter(&Value::list(vec![]))?;
            Ok(Value::tuple(vec![cls, Value::tuple(vec![e, Value::int(0)]), Value::int(0)]))
        }
        Some(it) => {
            let stopv = if stopv == -1 { Value::NONE } else { Value::int(stopv) };
            Ok(Value::tuple(vec![cls, Value::tuple(vec![it, Value::int(next), stopv, Value::int(step)]), Value::int(cnt)]))
        }
    }
}

fn islice_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    let c = vm.index_value(&v)?;
    st(&args[0], "itertools.islice", |s: &mut ISlice| s.cnt = c)?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- tee

const LINKCELLS: usize = 57;

struct TeeData {
    it: Value,
    values: Vec<Value>,
    next: Option<Value>,
    running: bool,
}
native_data!(TeeData, it, values, next);

impl Drop for TeeData {
    /// Unlink long chains iteratively (a recursive drop could overflow the stack).
    fn drop(&mut self) {
        let mut next = self.next.take();
        while let Some(n) = next {
            next = None;
            if n.refcount() == 1 {
                next = crate::object::with_opaque::<TeeData, _>(&n, |d| d.next.take()).flatten();
            }
            drop(n);
        }
    }
}

struct Tee {
    data: Value,
    index: usize,
}
native_data!(Tee, data);

const TD: &str = "itertools._tee_dataobject";

fn new_teedata(it: Value) -> Value {
    new_opaque(&ty(TEEDATA), TeeData { it, values: Vec::new(), next: None, running: false })
}

fn teedata_get(vm: &mut Vm, d: &Value, i: usize) -> PyResult<Option<Value>> {
    enum S {
        Have(Value),
        Need(Value),
        Running,
    }
    let s = st(d, TD, |t: &mut TeeData| {
        if i < t.values.len() {
            S::Have(t.values[i].clone())
        } else if t.running {
            S::Running
        } else {
            t.running = true;
            S::Need(t.it.clone())
        }
    })?;
    match s {
        S::Have(v) => Ok(Some(v)),
        S::Running => Err(PyErr::runtime_error("cannot re-enter the tee iterator")),
        S::Need(it) => {
            let r = vm.next(&it);
            st(d, TD, |t: &mut TeeData| t.running = false)?;
            match r? {
                Some(v) => {
                    st(d, TD, |t: &mut TeeData| t.values.push(v.clone()))?;
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        }
    }
}

fn teedata_jump(d: &Value) -> PyResult<Value> {
    st(d, TD, |t: &mut TeeData| {
        if t.next.is_none() {
            t.next = Some(new_teedata(t.it.clone()));
        }
        t.next.clone().unwrap_or(Value::NONE)
    })
}

fn tee_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools._tee";
    let me = &args[0];
    let (mut data, idx) = st(me, W, |t: &mut Tee| (t.data.clone(), t.index))?;
    let mut idx = idx;
    if idx >= LINKCELLS {
        data = teedata_jump(&data)?;
        idx = 0;
        let d2 = data.clone();
        st(me, W, |t: &mut Tee| {
            t.data = d2;
            t.index = 0;
        })?;
    }
    match teedata_get(vm, &data, idx)? {
        Some(v) => {
            st(me, W, |t: &mut Tee| t.index += 1)?;
            Ok(v)
        }
        None => Err(stop()),
    }
}

fn tee_from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    if super::common::has::<Tee>(&it) && is_instance(&it, &ty(TEE)) {
        return tee_copy(vm, std::slice::from_ref(&it), &[]);
    }
    Ok(new_opaque(&ty(TEE), Tee { data: new_teedata(it), index: 0 }))
}

fn tee_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_new(args, &ty(TEE), "itertools._tee")?;
    no_kw("_tee", kw)?;
    unpack("_tee", &args[1..], 1, 1)?;
    tee_from_iterable(vm, &args[1])
}

fn tee_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, i) = st(&args[0], "itertools._tee", |t: &mut Tee| (t.data.clone(), t.index))?;
    Ok(new_opaque(&type_of(&args[0]), Tee { data: d, index: i }))
}

fn tee_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, i) = st(&args[0], "itertools._tee", |t: &mut Tee| (t.data.clone(), t.index))?;
    Ok(Value::tuple(vec![
        type_of(&args[0]),
        Value::tuple(vec![Value::tuple(vec![])]),
        Value::tuple(vec![d, Value::int(i as i64)]),
    ]))
}

fn tee_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = state_tuple(&args[1])?;
    if s.len() != 2 {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", s.len())));
    }
    if !super::common::has::<TeeData>(&s[0]) {
        return Err(PyErr::type_error(format!("argument 1 must be itertools._tee_dataobject, not {}", tname(&s[0]))));
    }
    let i = vm.index_value(&s[1])?;
    if i < 0 || i as usize > LINKCELLS {
        return Err(PyErr::value_error("Index out of range"));
    }
    let d = s[0].clone();
    st(&args[0], "itertools._tee", |t: &mut Tee| {
        t.data = d;
        t.index = i as usize;
    })?;
    Ok(Value::NONE)
}

fn teedata_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_new(args, &ty(TEEDATA), TD)?;
    no_kw("teedataobject", kw)?;
    unpack("teedataobject", &args[1..], 3, 3)?;
    let values = match args[2].as_list() {
        Some(l) => l.borrow().clone(),
        None => return Err(PyErr::type_error(format!("teedataobject() argument 2 must be list, not {}", tname(&args[2])))),
    };
    let next = &args[3];
    let bad = || PyErr::value_error("Invalid arguments");
    if values.len() > LINKCELLS {
        return Err(bad());
    }
    let nx = if values.len() == LINKCELLS {
        if next.is_none() {
            None
        } else if super::common::has::<TeeData>(next) {
            Some(next.clone())
        } else {
            return Err(bad());
        }
    } else if next.is_none() {
        None
    } else {
        return Err(bad());
    };
    Ok(new_opaque(&ty(TEEDATA), TeeData { it: args[1].clone(), values, next: nx, running: false }))
}

fn teedata_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (it, vals, nx) = st(&args[0], TD, |t: &mut TeeData| (t.it.clone(), t.values.clone(), t.next.clone()))?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![it, Value::list(vals), nx.unwrap_or(Value::NONE)])]))
}

fn tee_func(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("itertools.tee() takes no keyword arguments"));
    }
    unpack("tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => vm.index_value(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(Value::tuple(vec![]));
    }
    let it = vm.iter(&args[0])?;
    let mut cur = if crate::types::lookup(crate::types::type_ref(&it), "__copy__").is_some() {
        it
    } else {
        tee_from_iterable(vm, &it)?
    };
    let mut out = Vec::with_capacity(n as usize);
    out.push(cur.clone());
    for _ in 1..n {
        cur = vm.call_method(&cur, "__copy__", &[])?;
        out.push(cur.clone());
    }
    Ok(Value::tuple(out))
}

// ---------------------------------------------------------------- zip_longest

struct ZipLongest {
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}
native_data!(ZipLongest, its, fill);

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(ZIP_LONGEST), "itertools.zip_longest")?;
    let np = args.len() - kw.len();
    let mut fill = Value::NONE;
    for (k, n) in kw.iter().enumerate() {
        if n.as_str() == Some("fillvalue") {
            fill = args[np + k].clone();
        } else {
            return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::with_capacity(np - 1);
    for a in &args[1..np] {
        its.push(Some(vm.iter(a)?));
    }
    let active = its.len();
    Ok(new_opaque(&cls, ZipLongest { its, active, fill }))
}

fn zip_longest_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.zip_longest";
    let me = &args[0];
    let (its, active, fill) = st(me, W, |z: &mut ZipLongest| (z.its.clone(), z.active, z.fill.clone()))?;
    if its.is_empty() || active == 0 {
        return Err(stop());
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match it {
            None => out.push(fill.clone()),
            Some(it) => match vm.next(it) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => {
                    let left = st(me, W, |z: &mut ZipLongest| {
                        z.active = z.active.saturating_sub(1);
                        if z.active == 0 {
                            return 0;
                        }
                        z.its[i] = None;
                        z.active
                    })?;
                    if left == 0 {
                        return Err(stop());
                    }
                    out.push(fill.clone());
                }
                Err(e) => {
                    st(me, W, |z: &mut ZipLongest| z.active = 0)?;
                    return Err(e);
                }
            },
        }
    }
    Ok(Value::tuple(out))
}

fn zip_longest_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (its, fill) = st(&args[0], "itertools.zip_longest", |z: &mut ZipLongest| (z.its.clone(), z.fill.clone()))?;
    let a: Vec<Value> = its.into_iter().map(|x| x.unwrap_or_else(|| Value::tuple(vec![]))).collect();
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(a), fill]))
}

fn zip_longest_setstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    st(&args[0], "itertools.zip_longest", |z: &mut ZipLongest| z.fill = v)?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- pairwise

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}
native_data!(Pairwise, it, old);

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(PAIRWISE), "itertools.pairwise")?;
    let a = own_args(&cls, PAIRWISE, "pairwise", args, kw)?;
    unpack("pairwise", a, 1, 1)?;
    let it = vm.iter(&a[0])?;
    Ok(new_opaque(&cls, Pairwise { it: Some(it), old: None }))
}

fn pairwise_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    const W: &str = "itertools.pairwise";
    let me = &args[0];
    let (it, old) = st(me, W, |p: &mut Pairwise| (p.it.clone(), p.old.clone()))?;
    let Some(it) = it else { return Err(stop()) };
    let old = match old {
        Some(o) => o,
        None => match vm.next(&it)? {
            Some(o) => {
                st(me, W, |p: &mut Pairwise| p.old = Some(o.clone()))?;
                o
            }
            None => {
                st(me, W, |p: &mut Pairwise| p.it = None)?;
                return Err(stop());
            }
        },
    };
    match vm.next(&it)? {
        Some(new) => {
            st(me, W, |p: &mut Pairwise| p.old = Some(new.clone()))?;
            Ok(Value::tuple(vec![old, new]))
        }
        None => {
            st(me, W, |p: &mut Pairwise| {
                p.it = None;
                p.old = None;
            })?;
            Err(stop())
        }
    }
}

// ---------------------------------------------------------------- product / permutations / combinations

#[derive(Clone, Copy, PartialEq)]
enum ComboKind {
    Product,
    Permutations,
    Combinations,
    Cwr,
}

struct Combo {
    kind: ComboKind,
    /// One pool (permutations/combinations) or one per position (product).
    pools: Vec<Vec<Value>>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    result: Option<Vec<Value>>,
    stopped: bool,
}
native_data!(Combo, pools, result);

const CB: &str = "itertools combinatoric iterator";

fn product_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(PRODUCT), "itertools.product")?;
    let np = args.len() - kw.len();
    let mut repeat = 1i64;
    for (k, n) in kw.iter().enumerate() {
        if n.as_str() == Some("repeat") {
            repeat = vm.index_value(&args[np + k])?;
        } else {
            return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for product()", n.as_str().unwrap_or(""))));
        }
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for a in &args[1..np] {
        base.push(vm.collect(a)?);
    }
    let total = base.len().checked_mul(repeat as usize).filter(|&n| n < (1 << 40)).ok_or_else(|| PyErr::overflow("repeat argument too large"))?;
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(new_opaque(&cls, Combo { kind: ComboKind::Product, pools, r: n, indices: vec![0; n], cycles: vec![], result: None, stopped: false }))
}

fn product_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = st(&args[0], CB, |c: &mut Combo| {
        if c.stopped {
            return None;
        }
        match &mut c.result {
            None => {
                if c.pools.iter().any(|p| p.is_empty()) {
                    c.stopped = true;
                    return None;
                }
                let res: Vec<Value> = c.pools.iter().zip(&c.indices).map(|(p, &i)| p[i].clone()).collect();
                c.result = Some(res.clone());
                Some(res)
            }
            Some(res) => {
                let n = c.pools.len();
                let mut i = n;
                loop {
                    if i == 0 {
                        c.stopped = true;
                        return None;
                    }
                    i -= 1;
                    let pool = &c.pools[i];
                    c.indices[i] += 1;
                    if c.indices[i] == pool.len() {
                        c.indices[i] = 0;
                        res[i] = pool[0].clone();
                    } else {
                        res[i] = pool[c.indices[i]].clone();
                        break;
                    }
                }
                Some(res.clone())
            }
        }
    })?;
    r.map(Value::tuple).ok_or_else(stop)
}

fn product_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (pools, indices, started, stopped) = st(&args[0], CB, |c: &mut Combo| (c.pools.clone(), c.indices.clone(), c.result.is_some(), c.stopped))?;
    let cls = type_of(&args[0]);
    if stopped {
        return Ok(Value::tuple(vec![cls, Value::tuple(vec![Value::tuple(vec![])])]));
    }
    let pt = Value::tuple(pools.into_iter().map(Value::tuple).collect());
    if !started {
        return Ok(Value::tuple(vec![cls, pt]));
    }
    let it = Value::tuple(indices.into_iter().map(|i| Value::int(i as i64)).collect());
    Ok(Value::tuple(vec![cls, pt, it]))
}

fn product_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = state_tuple(&args[1])?;
    let mut idx = Vec::with_capacity(s.len());
    for v in &s {
        idx.push(vm.index_value(v)?);
    }
    st(&args[0], CB, |c: &mut Combo| {
        if idx.len() != c.pools.len() {
            return Err(PyErr::value_error("invalid arguments"));
        }
        for (i, &x) in idx.iter().enumerate() {
            let n = c.pools[i].len();
            if n == 0 {
                c.stopped = true;
                return Ok(());
            }
            c.indices[i] = x.clamp(0, n as i64 - 1) as usize;
        }
        c.result = Some(c.pools.iter().zip(&c.indices).map(|(p, &i)| p[i].clone()).collect());
        Ok(())
    })??;
    Ok(Value::NONE)
}

fn combo_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = st(&args[0], CB, |c: &mut Combo| c.indices.len() + c.cycles.len())?;
    Ok(Value::int(48 + 8 * n as i64))
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(PERMUTATIONS), "itertools.permutations")?;
    let [iterable, r] = kwbind("permutations", &args[1..], kw, ["iterable", "r"], 1, 2)?;
    let pool = vm.collect(&iterable.unwrap_or(Value::NONE))?;
    let n = pool.len();
    let r = match r {
        None => n as i64,
        Some(v) if v.is_none() => n as i64,
        Some(v) => {
            if !v.is_int() {
                return Err(PyErr::type_error("Expected int as r"));
            }
            vm.index_value(&v)?
        }
    };
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    let r = r as usize;
    let cycles = if r <= n { (0..r).map(|i| n - i).collect() } else { vec![] };
    Ok(new_opaque(
        &cls,
        Combo { kind: ComboKind::Permutations, pools: vec![pool], r, indices: (0..n).collect(), cycles, result: None, stopped: r > n },
    ))
}

fn combo_r_arg(vm: &mut Vm, r: Option<Value>) -> PyResult<usize> {
    let r = vm.index_value(&r.unwrap_or(Value::NONE))?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(COMBINATIONS), "itertools.combinations")?;
    let [iterable, r] = kwbind("combinations", &args[1..], kw, ["iterable", "r"], 2, 2)?;
    let pool = vm.collect(&iterable.unwrap_or(Value::NONE))?;
    let r = combo_r_arg(vm, r)?;
    let n = pool.len();
    Ok(new_opaque(
        &cls,
        Combo { kind: ComboKind::Combinations, pools: vec![pool], r, indices: (0..r).collect(), cycles: vec![], result: None, stopped: r > n },
    ))
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(CWR), "itertools.combinations_with_replacement")?;
    let [iterable, r] = kwbind("combinations_with_replacement", &args[1..], kw, ["iterable", "r"], 2, 2)?;
    let pool = vm.collect(&iterable.unwrap_or(Value::NONE))?;
    let r = combo_r_arg(vm, r)?;
    let n = pool.len();
    Ok(new_opaque(&cls, Combo { kind: ComboKind::Cwr, pools: vec![pool], r, indices: vec![0; r], cycles: vec![], result: None, stopped: n == 0 && r > 0 }))
}

fn permutations_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    combo_next(vm, args, kw)
}

/// One step of permutations/combinations/cwr (product has its own).
fn combo_step(c: &mut Combo) -> Option<Vec<Value>> {
    if c.stopped {
        return None;
    }
    let pool = &c.pools[0];
    let n = pool.len();
    let r = c.r;
    match &mut c.result {
        None => {
            let res: Vec<Value> = match c.kind {
                ComboKind::Cwr => {
                    if r > 0 && n == 0 {
                        c.stopped = true;
                        return None;
                    }
                    (0..r).map(|_| pool[0].clone()).collect()
                }
                _ => {
                    if r > n {
                        c.stopped = true;
                        return None;
                    }
                    c.indices[..r].iter().map(|&i| pool[i].clone()).collect()
                }
            };
            c.result = Some(res.clone());
            Some(res)
        }
        Some(res) => {
            match c.kind {
                ComboKind::Permutations => {
                    if n == 0 {
                        c.stopped = true;
                        return None;
                    }
                    let mut i = r;
                    loop {
                        if i == 0 {
                            c.stopped = true;
                            return None;
                        }
                        i -= 1;
                        c.cycles[i] -= 1;
                        if c.cycles[i] == 0 {
                            let idx = c.indices[i];
                            c.indices[i..].rotate_left(1);
                            c.indices[n - 1] = idx;
                            c.cycles[i] = n - i;
                        } else {
                            let j = c.cycles[i];
                            c.indices.swap(i, n - j);
                            for k in i..r {
                                res[k] = pool[c.indices[k]].clone();
                            }
                            break;
                        }
                    }
                }
                ComboKind::Combinations => {
                    let mut i = r;
                    loop {
                        if i == 0 {
                            c.stopped = true;
                            return None;
                        }
                        i -= 1;
                        if c.indices[i] != i + n - r {
                            break;
                        }
                    }
                    c.indices[i] += 1;
                    for j in i + 1..r {
                        c.indices[j] = c.indices[j - 1] + 1;
                    }
                    for j in i..r {
                        res[j] = pool[c.indices[j]].clone();
                    }
                }
                ComboKind::Cwr => {
                    let mut i = r;
                    loop {
                        if i == 0 {
                            c.stopped = true;
                            return None;
                        }
                        i -= 1;
                        if c.indices[i] != n - 1 {
                            break;
                        }
                    }
                    let idx = c.indices[i] + 1;
                    for j in i..r {
                        c.indices[j] = idx;
                        res[j] = pool[idx].clone();
                    }
                }
                ComboKind::Product => return None,
            }
            Some(res.clone())
        }
    }
}

fn combo_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = st(&args[0], CB, combo_step)?;
    r.map(Value::tuple).ok_or_else(stop)
}

fn combo_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (kind, pool, r, indices, cycles, started, stopped) =
        st(&args[0], CB, |c: &mut Combo| (c.kind, c.pools[0].clone(), c.r, c.indices.clone(), c.cycles.clone(), c.result.is_some(), c.stopped))?;
    let cls = type_of(&args[0]);
    let rv = Value::int(r as i64);
    if stopped {
        return Ok(Value::tuple(vec![cls, Value::tuple(vec![Value::tuple(vec![]), rv])]));
    }
    let a = Value::tuple(vec![Value::tuple(pool), rv]);
    if !started {
        return Ok(Value::tuple(vec![cls, a]));
    }
    let ints = |v: Vec<usize>| Value::tuple(v.into_iter().map(|i| Value::int(i as i64)).collect());
    let state = if kind == ComboKind::Permutations { Value::tuple(vec![ints(indices), ints(cycles)]) } else { ints(indices) };
    Ok(Value::tuple(vec![cls, a, state]))
}

fn int_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<i64>> {
    let items = state_tuple(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(vm.index_value(x)?);
    }
    Ok(out)
}

fn combo_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let kind = st(&args[0], CB, |c: &mut Combo| c.kind)?;
    let bad = || PyErr::value_error("invalid arguments");
    let (idx, cyc) = if kind == ComboKind::Permutations {
        let s = state_tuple(&args[1])?;
        if s.len() != 2 {
            return Err(bad());
        }
        (int_list(vm, &s[0])?, int_list(vm, &s[1])?)
    } else {
        (int_list(vm, &args[1])?, vec![])
    };
    st(&args[0], CB, |c: &mut Combo| {
        let n = c.pools[0].len();
        let r = c.r;
        match c.kind {
            ComboKind::Permutations => {
                if idx.len() != n || cyc.len() != r {
                    return Err(bad());
                }
                for (i, &x) in idx.iter().enumerate() {
                    c.indices[i] = x.clamp(0, n as i64 - 1).max(0) as usize;
                }
                for (i, &x) in cyc.iter().enumerate() {
                    c.cycles[i] = x.clamp(1, (n - i) as i64) as usize;
                }
                c.result = Some(c.indices[..r].iter().map(|&i| c.pools[0][i].clone()).collect());
            }
            ComboKind::Combinations => {
                if idx.len() != r {
                    return Err(bad());
                }
                for (i, &x) in idx.iter().enumerate() {
                    let max = (i + n) as i64 - r as i64;
                    c.indices[i] = x.min(max).max(0) as usize;
                }
                if c.indices.iter().any(|&i| i >= n) {
                    return Err(bad());
                }
                c.result = Some(c.indices.iter().map(|&i| c.pools[0][i].clone()).collect());
            }
            _ => {
                if idx.len() != r {
                    return Err(bad());
                }
                if n == 0 {
                    if r > 0 {
                        c.stopped = true;
                        return Ok(());
                    }
                }
                for (i, &x) in idx.iter().enumerate() {
                    c.indices[i] = x.clamp(0, (n as i64 - 1).max(0)) as usize;
                }
                c.result = Some(c.indices.iter().map(|&i| c.pools[0][i].clone()).collect());
            }
        }
        Ok(())
    })??;
    Ok(Value::NONE)
}
