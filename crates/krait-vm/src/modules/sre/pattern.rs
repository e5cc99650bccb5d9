//! `re.Pattern`, `re.Match` and `_sre.SRE_Scanner`, and `_sre.compile`.

use super::engine::{self, SreChar, SreError, State};
use super::text::{has_backslash, slice_value, Text, View};
use crate::modules::native::{native_data, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

static PATTERN_T: GilSlot = GilSlot::new();
static MATCH_T: GilSlot = GilSlot::new();
static SCANNER_T: GilSlot = GilSlot::new();

/// A compiled pattern (shared by its Match and Scanner objects).
pub struct PatInfo {
    pub pattern: Value,
    pub flags: i64,
    pub prog: engine::Prog,
    /// Number of capture groups.
    pub groups: usize,
    /// name -> index dict, or None.
    pub groupindex: Value,
    /// index -> name tuple, or None.
    pub indexgroup: Value,
    /// 1 bytes, 0 str, -1 either (compiled without a source pattern).
    pub isbytes: i8,
}

struct PatternObj(Rc<PatInfo>);

impl NativeData for PatternObj {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.0.pattern);
        f(&self.0.groupindex);
        f(&self.0.indexgroup);
    }
}

#[derive(Clone)]
struct MatchObj {
    string: Value,
    re: Value,
    pat: Rc<PatInfo>,
    /// Start and end of group 0 and of every capture group (-1 if unset).
    regs: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
}

native_data!(MatchObj, string, re);

struct ScannerObj {
    pattern: Value,
    pat: Rc<PatInfo>,
    text: Text,
    /// Where the next attempt starts; None once exhausted.
    start: Option<usize>,
    end: usize,
    pos: usize,
    must_advance: bool,
}

impl NativeData for ScannerObj {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.pattern);
        f(&self.text.src);
    }
}

macro_rules! with_view {
    ($v:expr, $s:ident => $body:expr) => {
        match $v {
            View::N($s) => $body,
            View::W($s) => $body,
        }
    };
}

fn engine_error(e: SreError) -> PyErr {
    match e {
        SreError::Internal => PyErr::runtime_error("internal error in regular expression engine"),
        SreError::Interrupted => PyErr::bare(&types().exc.keyboard_interrupt),
    }
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

// ------------------------------------------------------------------ access

fn pat_of(v: &Value) -> PyResult<Rc<PatInfo>> {
    with_opaque::<PatternObj, _>(v, |p| p.0.clone()).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 're.Pattern' object but received '{}'", tname(v)))
    })
}

/// A copy of a match's state, taken without holding the borrow.
fn match_of(v: &Value) -> PyResult<MatchObj> {
    with_opaque::<MatchObj, _>(v, |m| m.clone()).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 're.Match' object but received '{}'", tname(v)))
    })
}

// ------------------------------------------------------------------ compile

fn invalid_code() -> PyErr {
    PyErr::runtime_error("invalid SRE code")
}

pub fn m_compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pattern, flags, code, groups, groupindex, indexgroup] = crate::args::bind(
        "compile",
        args,
        kw,
        &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
    )?;
    let pattern = pattern.unwrap_or(Value::NONE);
    let flags = vm.index_value(&flags.unwrap_or(Value::NONE))?;
    let code = code.unwrap_or(Value::NONE);
    let items = match code.as_list() {
        Some(l) => l.borrow().clone(),
        None => {
            return Err(PyErr::type_error(format!("compile() argument 'code' must be list, not {}", tname(&code))));
        }
    };
    let mut words = Vec::with_capacity(items.len());
    for it in &items {
        let n = match it.as_i64() {
            Some(n) => n,
            None => {
                if !it.is_int() {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        tname(it)
                    )));
                }
                if it.to_bigint().map_or(false, |b| b.sign() == num_bigint::Sign::Minus) {
                    return Err(PyErr::overflow("can't convert negative value to unsigned int"));
                }
                return Err(PyErr::overflow("regular expression code size limit exceeded"));
            }
        };
        if n < 0 {
            return Err(PyErr::overflow("can't convert negative value to unsigned int"));
        }
        if n > u32::MAX as i64 {
            return Err(PyErr::overflow("regular expression code size limit exceeded"));
        }
        words.push(n as u32);
    }
    let groups = vm.index_value(&groups.unwrap_or(Value::NONE))?;
    let groupindex = groupindex.unwrap_or(Value::NONE);
    if groupindex.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            tname(&groupindex)
        )));
    }
    let indexgroup = indexgroup.unwrap_or(Value::NONE);
    if indexgroup.as_tuple().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            tname(&indexgroup)
        )));
    }
    if groups < 0 || groups as u64 > engine::MAXGROUPS || (groups as usize).saturating_mul(4) > words.len() {
        return Err(invalid_code());
    }
    let set_ops = super::validate::validate(&words, groups as usize).map_err(|_| invalid_code())?;
    let isbytes: i8 = if pattern.is_none() {
        -1
    } else {
        match Text::new(&pattern) {
            Some(t) => t.isbytes as i8,
            None => {
                return Err(PyErr::type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    tname(&pattern)
                )))
            }
        }
    };
    let has_names = groupindex.as_dict().map_or(false, |d| !d.borrow().is_empty());
    let info = PatInfo {
        pattern,
        flags,
        prog: engine::Prog::new(words, &set_ops),
        groups: groups as usize,
        groupindex: if has_names { groupindex } else { Value::NONE },
        indexgroup: if has_names { indexgroup } else { Value::NONE },
        isbytes,
    };
    let cls = pattern_type();
    Ok(new_opaque(&cls, PatternObj(Rc::new(info))))
}

// ------------------------------------------------------------------ state setup

struct Setup {
    text: Text,
    start: usize,
    end: usize,
}

fn clamp_pos(vm: &mut Vm, v: Option<Value>, default: i64, len: usize) -> PyResult<usize> {
    let n = match v {
        Some(v) => vm.index_value(&v).or_else(|e| {
            if e.matches(&types().exc.overflow_error) {
                // PyNumber_AsSsize_t clips huge values.
                let neg = v.to_bigint().map_or(false, |b| b.sign() == num_bigint::Sign::Minus);
                Ok(if neg { i64::MIN } else { i64::MAX })
            } else {
                Err(e)
            }
        })?,
        None => default,
    };
    Ok(if n < 0 { 0 } else { (n as u64).min(len as u64) as usize })
}

fn setup(vm: &mut Vm, pat: &PatInfo, string: &Value, pos: Option<Value>, endpos: Option<Value>) -> PyResult<Setup> {
    let text = Text::new(string).ok_or_else(|| {
        PyErr::type_error(format!("expected string or bytes-like object, got '{}'", tname(string)))
    })?;
    if text.isbytes && pat.isbytes == 0 {
        return Err(PyErr::type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !text.isbytes && pat.isbytes > 0 {
        return Err(PyErr::type_error("cannot use a bytes pattern on a string-like object"));
    }
    let start = clamp_pos(vm, pos, 0, text.len)?;
    let end = clamp_pos(vm, endpos, i64::MAX, text.len)?;
    Ok(Setup { text, start, end })
}

/// The spans of a successful match: group 0, then every capture group.
fn capture<C: SreChar>(st: &State<'_, C>, groups: usize) -> PyResult<(Vec<isize>, isize)> {
    let mut regs = Vec::with_capacity(2 * (groups + 1));
    regs.push(st.start as isize);
    regs.push(st.ptr as isize);
    for g in 0..groups {
        match st.group_span(g) {
            Some((a, b)) => {
                if a > b {
                    return Err(PyErr::new(
                        &types().exc.system_error,
                        "The span of capturing group is wrong, please report a bug for the re module.",
                    ));
                }
                regs.push(a as isize);
                regs.push(b as isize);
            }
            None => {
                regs.push(-1);
                regs.push(-1);
            }
        }
    }
    Ok((regs, st.lastindex))
}

fn new_match(re: &Value, pat: &Rc<PatInfo>, string: &Value, regs: Vec<isize>, lastindex: isize, pos: usize, endpos: usize) -> Value {
    let cls = match_type();
    new_opaque(
        &cls,
        MatchObj { string: string.clone(), re: re.clone(), pat: pat.clone(), regs, pos, endpos, lastindex },
    )
}

/// Group `i` of the current state as findall/split give it.
fn state_group<C: SreChar>(st: &State<'_, C>, text: &Text, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((a, b)) if a <= b => text.slice(a, b),
        _ => {
            if empty {
                text.empty()
            } else {
                Value::NONE
            }
        }
    }
}

// ------------------------------------------------------------------ Pattern methods

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn run_one<C: SreChar>(pat: &PatInfo, s: &[C], start: usize, end: usize, mode: Mode) -> PyResult<Option<(Vec<isize>, isize)>> {
    let mut st = State::new(&pat.prog, s, start, end, pat.groups);
    st.match_all = mode == Mode::Full;
    let ok = match mode {
        Mode::Search => st.search(),
        _ => st.do_match(),
    }
    .map_err(engine_error)?;
    if ok {
        Ok(Some(capture(&st, pat.groups)?))
    } else {
        Ok(None)
    }
}

fn pattern_do(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, mode: Mode) -> PyResult<Value> {
    let [me, string, pos, endpos] = crate::args::bind(name, args, kw, &["self", "string", "pos=", "endpos="])?;
    let me = me.unwrap_or(Value::NONE);
    let pat = pat_of(&me)?;
    let string = string.unwrap_or(Value::NONE);
    let su = setup(vm, &pat, &string, pos, endpos)?;
    let r = with_view!(su.text.view(), s => run_one(&pat, s, su.start, su.end, mode))?;
    Ok(match r {
        Some((regs, li)) => new_match(&me, &pat, &string, regs, li, su.start, su.end),
        None => Value::NONE,
    })
}

fn p_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pattern_do(vm, args, kw, "match", Mode::Match)
}

fn p_fullmatch(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pattern_do(vm, args, kw, "fullmatch", Mode::Full)
}

fn p_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pattern_do(vm, args, kw, "search", Mode::Search)
}

fn findall_gen<C: SreChar>(pat: &PatInfo, text: &Text, s: &[C], start: usize, end: usize) -> PyResult<Value> {
    let mut out = Vec::new();
    let mut st = State::new(&pat.prog, s, start, end, pat.groups);
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !st.search().map_err(engine_error)? {
            break;
        }
        let item = match pat.groups {
            0 => text.slice(st.start, st.ptr),
            1 => state_group(&st, text, 0, true),
            n => Value::tuple((0..n).map(|g| state_group(&st, text, g, true)).collect()),
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(Value::list(out))
}

fn p_findall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, string, pos, endpos] = crate::args::bind("findall", args, kw, &["self", "string", "pos=", "endpos="])?;
    let pat = pat_of(&me.unwrap_or(Value::NONE))?;
    let string = string.unwrap_or(Value::NONE);
    let su = setup(vm, &pat, &string, pos, endpos)?;
    with_view!(su.text.view(), s => findall_gen(&pat, &su.text, s, su.start, su.end))
}

fn new_scanner(vm: &mut Vm, me: &Value, string: &Value, pos: Option<Value>, endpos: Option<Value>) -> PyResult<Value> {
    let pat = pat_of(me)?;
    let su = setup(vm, &pat, string, pos, endpos)?;
    let cls = scanner_type();
    Ok(new_opaque(
        &cls,
        ScannerObj {
            pattern: me.clone(),
            pat,
            start: Some(su.start),
            end: su.end,
            pos: su.start,
            text: su.text,
            must_advance: false,
        },
    ))
}

fn p_scanner(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, string, pos, endpos] = crate::args::bind("scanner", args, kw, &["self", "string", "pos=", "endpos="])?;
    new_scanner(vm, &me.unwrap_or(Value::NONE), &string.unwrap_or(Value::NONE), pos, endpos)
}

fn p_finditer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, string, pos, endpos] = crate::args::bind("finditer", args, kw, &["self", "string", "pos=", "endpos="])?;
    let sc = new_scanner(vm, &me.unwrap_or(Value::NONE), &string.unwrap_or(Value::NONE), pos, endpos)?;
    let search = vm.getattr_str(&sc, "search")?;
    Ok(crate::types::iter::new_callable_iter(search, Value::NONE))
}

fn split_gen<C: SreChar>(pat: &PatInfo, text: &Text, s: &[C], maxsplit: i64) -> PyResult<Value> {
    let mut out = Vec::new();
    let mut st = State::new(&pat.prog, s, 0, text.len, pat.groups);
    let mut n: i64 = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !st.search().map_err(engine_error)? {
            break;
        }
        out.push(text.slice(last, st.start));
        for g in 0..pat.groups {
            out.push(state_group(&st, text, g, false));
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        last = st.ptr;
        st.start = st.ptr;
    }
    out.push(text.slice(last, text.len));
    Ok(Value::list(out))
}

fn p_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, string, maxsplit] = crate::args::bind("split", args, kw, &["self", "string", "maxsplit="])?;
    let pat = pat_of(&me.unwrap_or(Value::NONE))?;
    let string = string.unwrap_or(Value::NONE);
    let maxsplit = match maxsplit {
        Some(v) => vm.index_value(&v)?,
        None => 0,
    };
    let su = setup(vm, &pat, &string, None, None)?;
    with_view!(su.text.view(), s => split_gen(&pat, &su.text, s, maxsplit))
}

enum Filter {
    Literal(Value),
    Call(Value),
}

#[allow(clippy::too_many_arguments)]
fn sub_gen<C: SreChar>(
    vm: &mut Vm,
    me: &Value,
    pat: &Rc<PatInfo>,
    text: &Text,
    s: &[C],
    filter: &Filter,
    count: i64,
) -> PyResult<(Vec<Value>, i64)> {
    let mut out = Vec::new();
    let mut st = State::new(&pat.prog, s, 0, text.len, pat.groups);
    let mut n: i64 = 0;
    let mut i = 0usize;
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !st.search().map_err(engine_error)? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            out.push(text.slice(i, b));
        }
        let item = match filter {
            Filter::Literal(v) => v.clone(),
            Filter::Call(f) => {
                let (regs, li) = capture(&st, pat.groups)?;
                let m = new_match(me, pat, &text.src, regs, li, 0, text.len);
                vm.call(f, &[m])?
            }
        };
        if !item.is_none() {
            out.push(item);
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < text.len {
        out.push(text.slice(i, text.len));
    }
    Ok((out, n))
}

fn subx(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, subn: bool) -> PyResult<Value> {
    let [me, repl, string, count] = crate::args::bind(name, args, kw, &["self", "repl", "string", "count="])?;
    let me = me.unwrap_or(Value::NONE);
    let pat = pat_of(&me)?;
    let repl = repl.unwrap_or(Value::NONE);
    let string = string.unwrap_or(Value::NONE);
    let count = match count {
        Some(v) => vm.index_value(&v)?,
        None => 0,
    };
    let filter = if vm.callable(&repl) {
        Filter::Call(repl)
    } else if has_backslash(&repl) == Some(false) {
        Filter::Literal(repl)
    } else {
        let re = crate::import::import_module(vm, "re")?;
        let f = vm.getattr_str(&re, "_subx")?;
        let t = vm.call(&f, &[me.clone(), repl])?;
        if vm.callable(&t) {
            Filter::Call(t)
        } else {
            Filter::Literal(t)
        }
    };
    let su = setup(vm, &pat, &string, None, None)?;
    let (parts, n) = with_view!(su.text.view(), s => sub_gen(vm, &me, &pat, &su.text, s, &filter, count))?;
    let joiner = su.text.empty();
    let result = if parts.is_empty() {
        joiner
    } else {
        let l = Value::list(parts);
        vm.call_method(&joiner, "join", &[l])?
    };
    if subn {
        Ok(Value::tuple(vec![result, Value::int(n)]))
    } else {
        Ok(result)
    }
}

fn p_sub(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subx(vm, args, kw, "sub", false)
}

fn p_subn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subx(vm, args, kw, "subn", true)
}

fn p_pattern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(pat_of(&args[0])?.pattern.clone())
}

fn p_flags(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pat_of(&args[0])?.flags))
}

fn p_groups(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pat_of(&args[0])?.groups as i64))
}

fn p_groupindex(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let pat = pat_of(&args[0])?;
    if pat.groupindex.is_none() {
        return Ok(dict::new_dict());
    }
    Ok(crate::types::dict_methods::new_mappingproxy(pat.groupindex.clone()))
}

/// `repr` truncated to `n` characters (`%.<n>R`).
fn repr_trunc(vm: &mut Vm, v: &Value, n: usize) -> PyResult<String> {
    let r = vm.repr_string(v)?;
    Ok(match r.char_indices().nth(n) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    })
}

fn p_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let pat = pat_of(&args[0])?;
    const NAMES: [(&str, i64); 9] = [
        ("re.TEMPLATE", 1),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let mut flags = pat.flags as i32 as i64;
    if pat.isbytes == 0 && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut items: Vec<String> = Vec::new();
    for (n, v) in NAMES {
        if flags & v != 0 {
            items.push(n.to_string());
            flags &= !v;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as i32 as u32));
    }
    let pr = repr_trunc(vm, &pat.pattern, 200)?;
    Ok(Value::string(if items.is_empty() {
        format!("re.compile({pr})")
    } else {
        format!("re.compile({pr}, {})", items.join("|"))
    }))
}

fn is_pattern(v: &Value) -> bool {
    with_opaque::<PatternObj, _>(v, |_| ()).is_some()
}

fn pattern_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if !is_pattern(b) {
        return Ok(None);
    }
    if a.is(b) {
        return Ok(Some(true));
    }
    let (pa, pb) = (pat_of(a)?, pat_of(b)?);
    if pa.flags != pb.flags || pa.isbytes != pb.isbytes || pa.prog.code != pb.prog.code {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&pa.pattern, &pb.pattern)?))
}

fn p_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("Pattern", "__eq__", args, &[], 2)?;
    pat_of(&args[0])?;
    Ok(match pattern_eq(vm, &args[0], &args[1])? {
        Some(b) => Value::bool(b),
        None => types().not_implemented.clone(),
    })
}

fn p_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("Pattern", "__ne__", args, &[], 2)?;
    pat_of(&args[0])?;
    Ok(match pattern_eq(vm, &args[0], &args[1])? {
        Some(b) => Value::bool(!b),
        None => types().not_implemented.clone(),
    })
}

fn p_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let pat = pat_of(&args[0])?;
    let mut h = vm.hash(&pat.pattern)?;
    let bytes: Vec<u8> = pat.prog.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= crate::types::str::hash_bytes(&bytes);
    h ^= pat.flags;
    h ^= pat.isbytes as i64;
    h ^= pat.prog.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::int(h))
}

fn same(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error("__class_getitem__ expected 1 argument"));
    }
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

fn no_new_pattern(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 're.Pattern' instances"))
}

fn no_new_match(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 're.Match' instances"))
}

fn no_new_scanner(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_sre.SRE_Scanner' instances"))
}

// ------------------------------------------------------------------ Match methods

/// A group number from an index or a group name.
fn group_index(vm: &mut Vm, m: &MatchObj, idx: &Value) -> PyResult<usize> {
    let ngroups = m.pat.groups + 1;
    let is_index = idx.is_int() || crate::types::lookup(type_ref(idx), "__index__").is_some();
    let i: i64 = if is_index {
        match vm.index_value(idx) {
            Ok(i) => i,
            Err(e) if e.matches(&types().exc.overflow_error) => -1,
            Err(e) => return Err(e),
        }
    } else if !m.pat.groupindex.is_none() {
        match dict::dict_get(vm, &m.pat.groupindex, idx)? {
            Some(v) if v.is_int() => v.as_i64().unwrap_or(-1),
            _ => -1,
        }
    } else {
        -1
    };
    if i < 0 || i as u64 >= ngroups as u64 {
        return Err(PyErr::index_error("no such group"));
    }
    Ok(i as usize)
}

fn group_value(m: &MatchObj, g: usize, default: &Value) -> Value {
    let (a, b) = (m.regs[2 * g], m.regs[2 * g + 1]);
    if a < 0 || b < 0 {
        return default.clone();
    }
    slice_value(&m.string, a as usize, b as usize)
}

fn m_group(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("group", kw)?;
    let m = match_of(&args[0])?;
    match args.len() {
        1 => Ok(group_value(&m, 0, &Value::NONE)),
        2 => {
            let g = group_index(vm, &m, &args[1])?;
            Ok(group_value(&m, g, &Value::NONE))
        }
        _ => {
            let mut out = Vec::with_capacity(args.len() - 1);
            for a in &args[1..] {
                let g = group_index(vm, &m, a)?;
                out.push(group_value(&m, g, &Value::NONE));
            }
            Ok(Value::tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("Match", "__getitem__", args, kw, 2)?;
    let m = match_of(&args[0])?;
    let g = group_index(vm, &m, &args[1])?;
    Ok(group_value(&m, g, &Value::NONE))
}

fn m_groups(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, default] = crate::args::bind("groups", args, kw, &["self", "default="])?;
    let m = match_of(&me.unwrap_or(Value::NONE))?;
    let d = default.unwrap_or(Value::NONE);
    Ok(Value::tuple((1..=m.pat.groups).map(|g| group_value(&m, g, &d)).collect()))
}

fn m_groupdict(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, default] = crate::args::bind("groupdict", args, kw, &["self", "default="])?;
    let m = match_of(&me.unwrap_or(Value::NONE))?;
    let d = default.unwrap_or(Value::NONE);
    let out = dict::new_dict();
    if m.pat.groupindex.is_none() {
        return Ok(out);
    }
    let items = m.pat.groupindex.as_dict().map(|dd| dd.borrow().items()).unwrap_or_default();
    for (k, _) in items {
        let g = group_index(vm, &m, &k)?;
        let v = group_value(&m, g, &d);
        dict::dict_set(vm, &out, k, v)?;
    }
    Ok(out)
}

fn span_arg(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(isize, isize)> {
    crate::args::no_kwargs(name, kw)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("{name} expected at most 1 argument, got {}", args.len() - 1)));
    }
    let m = match_of(&args[0])?;
    let g = if args.len() == 2 { group_index(vm, &m, &args[1])? } else { 0 };
    Ok((m.regs[2 * g], m.regs[2 * g + 1]))
}

fn m_start(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(span_arg(vm, args, kw, "start")?.0 as i64))
}

fn m_end(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(span_arg(vm, args, kw, "end")?.1 as i64))
}

fn m_span(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = span_arg(vm, args, kw, "span")?;
    Ok(Value::tuple(vec![Value::int(a as i64), Value::int(b as i64)]))
}

fn m_expand(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, template] = crate::args::bind("expand", args, kw, &["self", "template"])?;
    let me = me.unwrap_or(Value::NONE);
    let m = match_of(&me)?;
    let re = crate::import::import_module(vm, "re")?;
    let f = vm.getattr_str(&re, "_expand")?;
    vm.call(&f, &[m.re.clone(), me, template.unwrap_or(Value::NONE)])
}

fn m_regs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(&args[0])?;
    Ok(Value::tuple(
        (0..=m.pat.groups)
            .map(|g| Value::tuple(vec![Value::int(m.regs[2 * g] as i64), Value::int(m.regs[2 * g + 1] as i64)]))
            .collect(),
    ))
}

fn m_string(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match_of(&args[0])?.string)
}

fn m_re(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match_of(&args[0])?.re)
}

fn m_pos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(match_of(&args[0])?.pos as i64))
}

fn m_endpos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(match_of(&args[0])?.endpos as i64))
}

fn m_lastindex(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(&args[0])?;
    Ok(if m.lastindex >= 0 { Value::int(m.lastindex as i64) } else { Value::NONE })
}

fn m_lastgroup(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(&args[0])?;
    if m.lastindex < 0 {
        return Ok(Value::NONE);
    }
    Ok(m.pat.indexgroup.as_tuple().and_then(|t| t.get(m.lastindex as usize).cloned()).unwrap_or(Value::NONE))
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(&args[0])?;
    let g = group_value(&m, 0, &Value::NONE);
    let r = repr_trunc(vm, &g, 50)?;
    Ok(Value::string(format!("<re.Match object; span=({}, {}), match={}>", m.regs[0], m.regs[1], r)))
}

// ------------------------------------------------------------------ Scanner methods

fn scan(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, search: bool) -> PyResult<Value> {
    crate::args::check_arity(name, &args[1..], kw, 0, 0)?;
    let me = &args[0];
    type Found = (Value, Rc<PatInfo>, Value, Vec<isize>, isize, usize, usize);
    let r: Option<PyResult<Option<Found>>> = with_opaque::<ScannerObj, _>(me, |sc| {
        let Some(start) = sc.start else { return Ok(None) };
        let pat = sc.pat.clone();
        let (end, must_advance) = (sc.end, sc.must_advance);
        let res = with_view!(sc.text.view(), s => {
            let mut st = State::new(&pat.prog, s, start, end, pat.groups);
            st.must_advance = must_advance;
            let ok = if search { st.search() } else { st.do_match() }.map_err(engine_error)?;
            if ok {
                let (regs, li) = capture(&st, pat.groups)?;
                Ok::<_, PyErr>(Some((regs, li, st.start, st.ptr)))
            } else {
                Ok(None)
            }
        })?;
        match res {
            None => {
                sc.start = None;
                Ok(None)
            }
            Some((regs, li, mstart, mend)) => {
                sc.must_advance = mend == mstart;
                sc.start = Some(mend);
                Ok(Some((sc.pattern.clone(), pat, sc.text.src.clone(), regs, li, sc.pos, sc.end)))
            }
        }
    });
    let r = r.ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' for '_sre.SRE_Scanner' objects doesn't apply to a '{}' object",
            tname(me)
        ))
    })??;
    let _ = vm;
    Ok(match r {
        Some((re, pat, string, regs, li, pos, endpos)) => new_match(&re, &pat, &string, regs, li, pos, endpos),
        None => Value::NONE,
    })
}

fn s_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    scan(vm, args, kw, "match", false)
}

fn s_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    scan(vm, args, kw, "search", true)
}

fn s_pattern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    with_opaque::<ScannerObj, _>(&args[0], |sc| sc.pattern.clone())
        .ok_or_else(|| PyErr::type_error("descriptor 'pattern' for '_sre.SRE_Scanner' objects doesn't apply"))
}

// ------------------------------------------------------------------ types

fn pattern_type() -> Value {
    PATTERN_T.get_or_init(|| {
        let t = crate::types::new_native_type("re", "Pattern", &types().object, false);
        add_native(&t, "__new__", no_new_pattern, NativeKind::StaticMethod);
        add_method(&t, "match", p_match);
        add_method(&t, "fullmatch", p_fullmatch);
        add_method(&t, "search", p_search);
        add_method(&t, "findall", p_findall);
        add_method(&t, "finditer", p_finditer);
        add_method(&t, "scanner", p_scanner);
        add_method(&t, "split", p_split);
        add_method(&t, "sub", p_sub);
        add_method(&t, "subn", p_subn);
        add_method(&t, "__repr__", p_repr);
        add_method(&t, "__eq__", p_eq);
        add_method(&t, "__ne__", p_ne);
        add_method(&t, "__hash__", p_hash);
        add_method(&t, "__copy__", same);
        add_method(&t, "__deepcopy__", same);
        add_native(&t, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        add_getset(&t, "pattern", p_pattern, None);
        add_getset(&t, "flags", p_flags, None);
        add_getset(&t, "groups", p_groups, None);
        add_getset(&t, "groupindex", p_groupindex, None);
        t
    })
}

fn match_type() -> Value {
    MATCH_T.get_or_init(|| {
        let t = crate::types::new_native_type("re", "Match", &types().object, false);
        add_native(&t, "__new__", no_new_match, NativeKind::StaticMethod);
        add_method(&t, "group", m_group);
        add_method(&t, "groups", m_groups);
        add_method(&t, "groupdict", m_groupdict);
        add_method(&t, "start", m_start);
        add_method(&t, "end", m_end);
        add_method(&t, "span", m_span);
        add_method(&t, "expand", m_expand);
        add_method(&t, "__getitem__", m_getitem);
        add_method(&t, "__repr__", m_repr);
        add_method(&t, "__copy__", same);
        add_method(&t, "__deepcopy__", same);
        add_native(&t, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        add_getset(&t, "string", m_string, None);
        add_getset(&t, "re", m_re, None);
        add_getset(&t, "pos", m_pos, None);
        add_getset(&t, "endpos", m_endpos, None);
        add_getset(&t, "lastindex", m_lastindex, None);
        add_getset(&t, "lastgroup", m_lastgroup, None);
        add_getset(&t, "regs", m_regs, None);
        t
    })
}

fn scanner_type() -> Value {
    SCANNER_T.get_or_init(|| {
        let t = crate::types::new_native_type("_sre", "SRE_Scanner", &types().object, false);
        add_native(&t, "__new__", no_new_scanner, NativeKind::StaticMethod);
        add_method(&t, "match", s_match);
        add_method(&t, "search", s_search);
        add_getset(&t, "pattern", s_pattern, None);
        t
    })
}

pub fn init_types(_vm: &mut Vm) {
    pattern_type();
    match_type();
    scanner_type();
}
