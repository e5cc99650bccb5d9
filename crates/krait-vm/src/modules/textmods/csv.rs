//! `_csv`: the parser and writer under CPython's `csv.py`.
//!
//! * `Dialect`: an immutable record of the formatting options, validated on
//!   construction with CPython's messages (`csv.Dialect._validate` relies on
//!   them).
//! * `reader`: a state machine fed one character at a time; the end of each
//!   input line is fed as a distinct `Eol` event, so NUL characters are data.
//! * `writer`: joins a row into one string, quoting or escaping as the
//!   dialect says, and hands it to the file's `write`.
//! * The dialect registry and `field_size_limit` are process-wide.

use crate::modules::native::{native_data, new_exception, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::sync::atomic::{AtomicI64, Ordering};

static ERROR: GilSlot = GilSlot::new();
static DIALECT_TYPE: GilSlot = GilSlot::new();
static READER_TYPE: GilSlot = GilSlot::new();
static WRITER_TYPE: GilSlot = GilSlot::new();
static REGISTRY: GilSlot = GilSlot::new();
static FIELD_LIMIT: AtomicI64 = AtomicI64::new(128 * 1024);

const QUOTE_MINIMAL: i32 = 0;
const QUOTE_ALL: i32 = 1;
const QUOTE_NONNUMERIC: i32 = 2;
const QUOTE_NONE: i32 = 3;

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let e = new_exception(vm, "_csv", "Error", &[]);
    ERROR.get_or_init(|| e)
}

fn csv_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let c = error_class(vm);
    PyErr::new(&c, msg)
}

fn registry() -> Value {
    REGISTRY.get_or_init(dict::new_dict)
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

// ---------------------------------------------------------------- Dialect

/// The options of a dialect, copied into readers and writers.
#[derive(Clone)]
struct Opts {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    lineterminator: String,
    quoting: i32,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
}

struct DialectData {
    opts: Opts,
    /// The lineterminator str object itself (returned by the getter).
    lineterm: Value,
}

native_data!(DialectData, lineterm);

const DIALECT_KWS: [&str; 9] =
    ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

fn dialect_type() -> Value {
    DIALECT_TYPE.get_or_init(|| {
        let cls = new_type("_csv", "Dialect", None);
        add_native(&cls, "__new__", dialect_new, NativeKind::StaticMethod);
        add_getset(&cls, "delimiter", d_delimiter, Some(nw_delimiter));
        add_getset(&cls, "quotechar", d_quotechar, Some(nw_quotechar));
        add_getset(&cls, "escapechar", d_escapechar, Some(nw_escapechar));
        add_getset(&cls, "lineterminator", d_lineterminator, Some(nw_lineterminator));
        add_getset(&cls, "quoting", d_quoting, Some(nw_quoting));
        add_getset(&cls, "doublequote", d_doublequote, Some(readonly));
        add_getset(&cls, "skipinitialspace", d_skipinitialspace, Some(readonly));
        add_getset(&cls, "strict", d_strict, Some(readonly));
        add_method(&cls, "__reduce__", d_reduce);
        add_method(&cls, "__reduce_ex__", d_reduce);
        crate::types::add_attr(
            &cls,
            "__doc__",
            Value::str("CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n"),
        );
        cls
    })
}

macro_rules! not_writable {
    ($($f:ident => $n:literal),*) => {$(
        fn $f(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            Err(PyErr::attribute_error(concat!("attribute '", $n, "' of '_csv.Dialect' objects is not writable")))
        }
    )*};
}
not_writable!(nw_delimiter => "delimiter", nw_quotechar => "quotechar", nw_escapechar => "escapechar",
    nw_lineterminator => "lineterminator", nw_quoting => "quoting");

fn readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn d_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.first().map(tname).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot pickle '{name}' instances")))
}

fn dialect_opts(v: &Value) -> Option<Opts> {
    with_opaque::<DialectData, _>(v, |d| d.opts.clone())
}

fn dget<R>(args: &[Value], f: impl FnOnce(&DialectData) -> R) -> PyResult<R> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    with_opaque::<DialectData, _>(&me, |d| f(d))
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '_csv.Dialect' object but received '{}'", tname(&me))))
}

fn char_or_none(c: Option<char>) -> Value {
    match c {
        Some(c) => crate::types::str::char_value(c),
        None => Value::NONE,
    }
}

fn d_delimiter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| crate::types::str::char_value(d.opts.delimiter))
}
fn d_quotechar(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| char_or_none(d.opts.quotechar))
}
fn d_escapechar(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| char_or_none(d.opts.escapechar))
}
fn d_lineterminator(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| d.lineterm.clone())
}
fn d_quoting(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| Value::int(d.opts.quoting as i64))
}
fn d_doublequote(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| Value::bool(d.opts.doublequote))
}
fn d_skipinitialspace(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| Value::bool(d.opts.skipinitialspace))
}
fn d_strict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dget(args, |d| Value::bool(d.opts.strict))
}

/// Bind the nine optional Dialect parameters (positional or keyword).
fn bind_dialect_args(args: &[Value], kwnames: &[Value]) -> PyResult<[Option<Value>; 9]> {
    let npos = args.len() - kwnames.len();
    if npos > 9 {
        return Err(PyErr::type_error(format!("function takes at most 9 arguments ({npos} given)")));
    }
    let mut out: [Option<Value>; 9] = Default::default();
    for (i, v) in args[..npos].iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = k.as_str().unwrap_or("");
        match DIALECT_KWS.iter().position(|n| *n == name) {
            Some(i) if out[i].is_some() => {
                return Err(PyErr::type_error(format!(
                    "argument for function given by name ('{name}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for this function"))),
        }
    }
    Ok(out)
}

fn set_bool(vm: &mut Vm, src: &Option<Value>, dflt: bool) -> PyResult<bool> {
    match src {
        Some(v) => vm.truthy(v),
        None => Ok(dflt),
    }
}

/// A one-character option that must be a str.
fn set_char(name: &str, src: &Option<Value>, dflt: char) -> PyResult<char> {
    let Some(v) = src else { return Ok(dflt) };
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!("\"{name}\" must be string, not {}", tname(v))));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// A one-character option that may be None.
fn set_char_or_none(name: &str, src: &Option<Value>, dflt: Option<char>) -> PyResult<Option<char>> {
    let Some(v) = src else { return Ok(dflt) };
    if v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!("\"{name}\" must be string or None, not {}", tname(v))));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(PyErr::type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

fn dialect_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().ok_or_else(|| PyErr::type_error("Dialect.__new__(): not enough arguments"))?;
    let [dialect, mut delimiter, mut doublequote, mut escapechar, mut lineterminator, mut quotechar, mut quoting, mut skipinitialspace, mut strict] =
        bind_dialect_args(&args[1..], kwnames)?;
    let dtype = dialect_type();
    if let Some(mut d) = dialect {
        if d.as_str().is_some() {
            d = get_dialect_from_registry(vm, &d)?;
        }
        let no_overrides = delimiter.is_none()
            && doublequote.is_none()
            && escapechar.is_none()
            && lineterminator.is_none()
            && quotechar.is_none()
            && quoting.is_none()
            && skipinitialspace.is_none()
            && strict.is_none();
        if no_overrides && crate::types::is_instance(&d, &dtype) {
            return Ok(d);
        }
        for (slot, name) in [
            (&mut delimiter, "delimiter"),
            (&mut doublequote, "doublequote"),
            (&mut escapechar, "escapechar"),
            (&mut lineterminator, "lineterminator"),
            (&mut quotechar, "quotechar"),
            (&mut quoting, "quoting"),
            (&mut skipinitialspace, "skipinitialspace"),
            (&mut strict, "strict"),
        ] {
            if slot.is_none() {
                if let Ok(v) = vm.getattr_str(&d, name) {
                    *slot = Some(v);
                }
            }
        }
    }
    let delim = set_char("delimiter", &delimiter, ',')?;
    let dq = set_bool(vm, &doublequote, true)?;
    let esc = set_char_or_none("escapechar", &escapechar, None)?;
    let lt = match &lineterminator {
        None => Some(Value::str("\r\n")),
        Some(v) if v.is_none() => None,
        Some(v) if v.as_str().is_some() => Some(v.clone()),
        Some(_) => return Err(PyErr::type_error("\"lineterminator\" must be a string")),
    };
    let qc = set_char_or_none("quotechar", &quotechar, Some('"'))?;
    let mut q = match &quoting {
        None => QUOTE_MINIMAL,
        Some(v) => {
            let is_exact_int = v.is_int() && !v.is_bool() && crate::types::type_of(v).is(&types().int);
            if !is_exact_int {
                return Err(PyErr::type_error("\"quoting\" must be an integer"));
            }
            match v.as_i64().filter(|i| *i >= i32::MIN as i64 && *i <= i32::MAX as i64) {
                Some(i) => i as i32,
                None => return Err(PyErr::overflow("Python int too large to convert to C int")),
            }
        }
    };
    let sis = set_bool(vm, &skipinitialspace, false)?;
    let st = set_bool(vm, &strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&q) {
        return Err(PyErr::type_error("bad \"quoting\" value"));
    }
    if quotechar.as_ref().is_some_and(|v| v.is_none()) && quoting.is_none() {
        q = QUOTE_NONE;
    }
    if q != QUOTE_NONE && qc.is_none() {
        return Err(PyErr::type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lt) = lt else {
        return Err(PyErr::type_error("lineterminator must be set"));
    };
    let opts = Opts {
        delimiter: delim,
        quotechar: qc,
        escapechar: esc,
        lineterminator: lt.as_str().unwrap_or("").to_string(),
        quoting: q,
        doublequote: dq,
        skipinitialspace: sis,
        strict: st,
    };
    Ok(new_opaque(&cls, DialectData { opts, lineterm: lt }))
}

fn get_dialect_from_registry(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = registry();
    match dict::dict_get(vm, &reg, name)? {
        Some(d) => Ok(d),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

/// `Dialect(dialect, **kwargs)`: the dialect object a reader or writer uses.
fn call_dialect(vm: &mut Vm, dialect: Option<&Value>, kwvals: &[Value], kwnames: &[Value]) -> PyResult<(Value, Opts)> {
    let dtype = dialect_type();
    let mut a: Vec<Value> = dialect.into_iter().cloned().collect();
    a.extend_from_slice(kwvals);
    let d = vm.call_kw(&dtype, &a, kwnames)?;
    let opts = dialect_opts(&d).ok_or_else(|| PyErr::type_error("Dialect() did not return a dialect"))?;
    Ok((d, opts))
}

// ---------------------------------------------------------------- reader

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// A character of input, or the end of an input line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ev {
    C(char),
    Eol,
}

struct ReaderData {
    input: Value,
    dialect: Value,
    opts: Opts,
    fields: Vec<Value>,
    state: PState,
    field: String,
    field_len: usize,
    numeric: bool,
    line_num: u64,
}

native_data!(ReaderData, input, dialect, fields);

enum ParseErr {
    Csv(String),
    Value(PyErr),
}

impl ReaderData {
    fn reset(&mut self) {
        self.fields.clear();
        self.field.clear();
        self.field_len = 0;
        self.state = PState::StartRecord;
        self.numeric = false;
    }

    fn save_field(&mut self) -> Result<(), ParseErr> {
        let s = std::mem::take(&mut self.field);
        self.field_len = 0;
        let v = if self.numeric {
            self.numeric = false;
            match crate::text::numparse::parse_float(&s) {
                Ok(f) => Value::float(f),
                Err(e) => return Err(ParseErr::Value(crate::text::to_pyerr(e))),
            }
        } else {
            Value::string(s)
        };
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, c: char) -> Result<(), ParseErr> {
        let limit = FIELD_LIMIT.load(Ordering::Relaxed);
        if self.field_len as i64 >= limit {
            return Err(ParseErr::Csv(format!("field larger than field limit ({limit})")));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    fn process(&mut self, ev: Ev) -> Result<(), ParseErr> {
        use PState::*;
        let o = &self.opts;
        let (delim, quote, esc, quoting) = (o.delimiter, o.quotechar, o.escapechar, o.quoting);
        let is = |c: char, x: Option<char>| x == Some(c);
        let c = match ev {
            Ev::C(c) => Some(c),
            Ev::Eol => None,
        };
        let nl = |c: Option<char>| matches!(c, Some('\n') | Some('\r'));
        let mut state = self.state;
        if state == StartRecord {
            match c {
                None => return Ok(()),
                Some('\n') | Some('\r') => {
                    self.state = EatCrnl;
                    return Ok(());
                }
                _ => state = StartField,
            }
        }
        if state == AfterEscapedCrnl {
            if c.is_none() {
                return Ok(());
            }
            state = InField;
        }
        match state {
            StartField => match c {
                None | Some('\n') | Some('\r') => {
                    self.save_field()?;
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                }
                Some(ch) if is(ch, quote) && quoting != QUOTE_NONE => self.state = InQuotedField,
                Some(ch) if is(ch, esc) => self.state = EscapedChar,
                Some(' ') if self.opts.skipinitialspace => self.state = StartField,
                Some(ch) if ch == delim => {
                    self.save_field()?;
                    self.state = StartField;
                }
                Some(ch) => {
                    if quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(ch)?;
                    self.state = InField;
                }
            },
            EscapedChar => {
                if nl(c) {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = AfterEscapedCrnl;
                } else {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = InField;
                }
            }
            InField => match c {
                None | Some('\n') | Some('\r') => {
                    self.save_field()?;
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                }
                Some(ch) if is(ch, esc) => self.state = EscapedChar,
                Some(ch) if ch == delim => {
                    self.save_field()?;
                    self.state = StartField;
                }
                // A plain character keeps the state (AfterEscapedCrnl stays
                // until the next delimiter or line end, as in CPython).
                Some(ch) => self.add_char(ch)?,
            },
            InQuotedField => match c {
                None => self.state = InQuotedField,
                Some(ch) if is(ch, esc) => self.state = EscapeInQuotedField,
                Some(ch) if is(ch, quote) && quoting != QUOTE_NONE => {
                    self.state = if self.opts.doublequote { QuoteInQuotedField } else { InField };
                }
                Some(ch) => {
                    self.add_char(ch)?;
                    self.state = InQuotedField;
                }
            },
            EscapeInQuotedField => {
                self.add_char(c.unwrap_or('\n'))?;
                self.state = InQuotedField;
            }
            QuoteInQuotedField => match c {
                Some(ch) if quoting != QUOTE_NONE && is(ch, quote) => {
                    self.add_char(ch)?;
                    self.state = InQuotedField;
                }
                Some(ch) if ch == delim => {
                    self.save_field()?;
                    self.state = StartField;
                }
                None | Some('\n') | Some('\r') => {
                    self.save_field()?;
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                }
                Some(ch) if !self.opts.strict => {
                    self.add_char(ch)?;
                    self.state = InField;
                }
                Some(_) => {
                    let q = quote.map(String::from).unwrap_or_default();
                    return Err(ParseErr::Csv(format!("'{delim}' expected after '{q}'")));
                }
            },
            EatCrnl => match c {
                Some('\n') | Some('\r') => {}
                None => self.state = StartRecord,
                Some(_) => {
                    return Err(ParseErr::Csv(
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?"
                            .into(),
                    ))
                }
            },
            StartRecord | AfterEscapedCrnl => {}
        }
        Ok(())
    }

    /// Feed one input line and its end.
    fn feed_line(&mut self, line: &str) -> Result<(), ParseErr> {
        self.line_num += 1;
        for ch in line.chars() {
            self.process(Ev::C(ch))?;
        }
        self.process(Ev::Eol)
    }
}

fn rdata<R>(v: &Value, f: impl FnOnce(&mut ReaderData) -> R) -> PyResult<R> {
    with_opaque::<ReaderData, _>(v, f)
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '_csv.reader' object but received '{}'", tname(v))))
}

fn perr(vm: &mut Vm, e: ParseErr) -> PyErr {
    match e {
        ParseErr::Csv(m) => csv_error(vm, m),
        ParseErr::Value(e) => e,
    }
}

fn reader_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    let input = rdata(&me, |r| {
        r.reset();
        r.input.clone()
    })?;
    loop {
        match vm.next(&input)? {
            None => {
                let (pending, strict) = rdata(&me, |r| (r.field_len != 0 || r.state == PState::InQuotedField, r.opts.strict))?;
                if !pending {
                    return Err(PyErr::bare(&types().exc.stop_iteration));
                }
                if strict {
                    return Err(csv_error(vm, "unexpected end of data"));
                }
                let r = rdata(&me, |r| r.save_field())?;
                if let Err(e) = r {
                    return Err(perr(vm, e));
                }
                break;
            }
            Some(line) => {
                let Some(s) = line.as_str() else {
                    let msg = format!(
                        "iterator should return strings, not {} (the file should be opened in text mode)",
                        tname(&line)
                    );
                    return Err(csv_error(vm, msg));
                };
                let r = rdata(&me, |r| r.feed_line(s).map(|_| r.state == PState::StartRecord))?;
                match r {
                    Ok(true) => break,
                    Ok(false) => {}
                    Err(e) => return Err(perr(vm, e)),
                }
            }
        }
    }
    let fields = rdata(&me, |r| std::mem::take(&mut r.fields))?;
    Ok(Value::list(fields))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::NONE))
}

fn r_dialect(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rdata(&args.first().cloned().unwrap_or(Value::NONE), |r| r.dialect.clone())
}

fn r_line_num(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rdata(&args.first().cloned().unwrap_or(Value::NONE), |r| Value::int(r.line_num as i64))
}

fn no_new_reader(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_csv.reader' instances"))
}

fn no_new_writer(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_csv.writer' instances"))
}

fn reader_type() -> Value {
    READER_TYPE.get_or_init(|| {
        let cls = new_type("_csv", "reader", None);
        add_native(&cls, "__new__", no_new_reader, NativeKind::StaticMethod);
        add_method(&cls, "__iter__", iter_self);
        add_method(&cls, "__next__", reader_next);
        add_getset(&cls, "dialect", r_dialect, Some(readonly));
        add_getset(&cls, "line_num", r_line_num, Some(readonly));
        cls
    })
}

/// Split vectorcall arguments into (positionals, keyword values, keyword names).
fn split_args<'a>(args: &'a [Value], kwnames: &'a [Value]) -> (&'a [Value], &'a [Value]) {
    let npos = args.len() - kwnames.len();
    (&args[..npos], &args[npos..])
}

fn unpack_1_2(pos: &[Value]) -> PyResult<()> {
    match pos.len() {
        0 => Err(PyErr::type_error(" expected at least 1 argument, got 0")),
        1 | 2 => Ok(()),
        n => Err(PyErr::type_error(format!(" expected at most 2 arguments, got {n}"))),
    }
}

fn m_reader(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kwvals) = split_args(args, kwnames);
    unpack_1_2(pos)?;
    let input = vm.iter(&pos[0])?;
    let (dialect, opts) = call_dialect(vm, pos.get(1), kwvals, kwnames)?;
    let cls = reader_type();
    Ok(new_opaque(
        &cls,
        ReaderData {
            input,
            dialect,
            opts,
            fields: Vec::new(),
            state: PState::StartRecord,
            field: String::new(),
            field_len: 0,
            numeric: false,
            line_num: 0,
        },
    ))
}

// ---------------------------------------------------------------- writer

struct WriterData {
    write: Value,
    dialect: Value,
    opts: Opts,
}

native_data!(WriterData, write, dialect);

fn wdata<R>(v: &Value, f: impl FnOnce(&mut WriterData) -> R) -> PyResult<R> {
    with_opaque::<WriterData, _>(v, f)
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '_csv.writer' object but received '{}'", tname(v))))
}

/// Whether `v` counts as a number for QUOTE_NONNUMERIC (CPython's PyNumber_Check).
fn is_number(v: &Value) -> bool {
    if v.is_int() || v.is_float() {
        return true;
    }
    let t = type_ref(v);
    ["__index__", "__int__", "__float__"].iter().any(|n| crate::types::lookup(t, n).is_some())
        || crate::types::is_instance(v, &types().complex)
}

/// Append one field to `rec` (`nfields` fields are already there).
fn append_field(o: &Opts, rec: &mut String, nfields: usize, field: &str, mut quoted: bool) -> Result<(), String> {
    if nfields > 0 {
        rec.push(o.delimiter);
    }
    let mut buf = String::with_capacity(field.len() + 2);
    for c in field.chars() {
        let is_q = o.quotechar == Some(c);
        let is_e = o.escapechar == Some(c);
        if c == o.delimiter || is_e || is_q || o.lineterminator.contains(c) {
            let mut want_escape = false;
            if o.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if is_q {
                    if o.doublequote {
                        buf.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if is_e {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match o.escapechar {
                    Some(e) => buf.push(e),
                    None => return Err("need to escape, but no escapechar set".into()),
                }
            }
        }
        buf.push(c);
    }
    if quoted {
        let q = o.quotechar.unwrap_or('"');
        rec.push(q);
        rec.push_str(&buf);
        rec.push(q);
    } else {
        rec.push_str(&buf);
    }
    Ok(())
}

fn writerow_impl(vm: &mut Vm, me: &Value, row: &Value) -> PyResult<Value> {
    let (write, o) = wdata(me, |w| (w.write.clone(), w.opts.clone()))?;
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if e.matches(&types().exc.type_error) => {
            return Err(csv_error(vm, format!("iterable expected, not {}", tname(row))));
        }
        Err(e) => return Err(e),
    };
    let mut rec = String::new();
    let mut nfields = 0usize;
    while let Some(field) = vm.next(&it)? {
        let quoted = match o.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text: String = if let Some(s) = field.as_str() {
            s.to_string()
        } else if field.is_none() {
            String::new()
        } else if crate::types::is_instance(&field, &types().float) {
            vm.repr_string(&field)?
        } else {
            vm.str_string(&field)?
        };
        if let Err(m) = append_field(&o, &mut rec, nfields, &text, quoted) {
            return Err(csv_error(vm, m));
        }
        nfields += 1;
    }
    if nfields > 0 && rec.is_empty() {
        if o.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        if let Err(m) = append_field(&o, &mut rec, 0, "", true) {
            return Err(csv_error(vm, m));
        }
    }
    rec.push_str(&o.lineterminator);
    vm.call(&write, &[Value::string(rec)])
}

fn w_writerow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, row] = crate::args::bind("writerow", args, kw, &["self", "row", "/"])?;
    writerow_impl(vm, &me.unwrap_or(Value::NONE), &row.unwrap_or(Value::NONE))
}

fn w_writerows(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, rows] = crate::args::bind("writerows", args, kw, &["self", "rows", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let it = vm.iter(&rows.unwrap_or(Value::NONE))?;
    while let Some(row) = vm.next(&it)? {
        writerow_impl(vm, &me, &row)?;
    }
    Ok(Value::NONE)
}

fn w_dialect(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    wdata(&args.first().cloned().unwrap_or(Value::NONE), |w| w.dialect.clone())
}

fn writer_type() -> Value {
    WRITER_TYPE.get_or_init(|| {
        let cls = new_type("_csv", "writer", None);
        add_native(&cls, "__new__", no_new_writer, NativeKind::StaticMethod);
        add_method(&cls, "writerow", w_writerow);
        add_method(&cls, "writerows", w_writerows);
        add_getset(&cls, "dialect", w_dialect, Some(readonly));
        cls
    })
}

fn m_writer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kwvals) = split_args(args, kwnames);
    unpack_1_2(pos)?;
    let write = match vm.getattr_str(&pos[0], "write") {
        Ok(w) => Some(w),
        Err(e) if e.matches(&types().exc.attribute_error) => None,
        Err(e) => return Err(e),
    };
    let write = match write {
        Some(w) if vm.callable(&w) => w,
        _ => return Err(PyErr::type_error("argument 1 must have a \"write\" method")),
    };
    let (dialect, opts) = call_dialect(vm, pos.get(1), kwvals, kwnames)?;
    let cls = writer_type();
    Ok(new_opaque(&cls, WriterData { write, dialect, opts }))
}

// ---------------------------------------------------------------- module functions

fn m_register_dialect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (pos, kwvals) = split_args(args, kwnames);
    unpack_1_2(pos)?;
    let name = &pos[0];
    if name.as_str().is_none() {
        return Err(PyErr::type_error("dialect name must be a string"));
    }
    let (d, _) = call_dialect(vm, pos.get(1), kwvals, kwnames)?;
    let reg = registry();
    dict::dict_set(vm, &reg, name.clone(), d)?;
    Ok(Value::NONE)
}

fn m_unregister_dialect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("unregister_dialect", args, kw, &["name"])?;
    let name = name.unwrap_or(Value::NONE);
    let reg = registry();
    match dict::dict_del(vm, &reg, &name)? {
        Some(_) => Ok(Value::NONE),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

fn m_get_dialect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("get_dialect", args, kw, &["name"])?;
    get_dialect_from_registry(vm, &name.unwrap_or(Value::NONE))
}

fn m_list_dialects(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(PyErr::type_error(format!("_csv.list_dialects() takes no arguments ({} given)", args.len())));
    }
    let reg = registry();
    let keys = vm.collect(&reg)?;
    Ok(Value::list(keys))
}

fn m_field_size_limit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [limit] = crate::args::bind("field_size_limit", args, kwnames, &["new_limit="])?;
    let old = FIELD_LIMIT.load(Ordering::Relaxed);
    if let Some(l) = limit {
        if !l.is_int() {
            return Err(PyErr::type_error("limit must be an integer"));
        }
        let n = match l.as_i64() {
            Some(n) => n,
            None => return Err(PyErr::overflow("Python int too large to convert to C long")),
        };
        let _ = vm;
        FIELD_LIMIT.store(n, Ordering::Relaxed);
    }
    Ok(Value::int(old))
}

const MODULE_DOC: &str = "CSV parsing and writing.\n\n\
This module provides the parser and writer behind the csv module: reader()\n\
and writer() objects, dialects (named sets of formatting options) and the\n\
quoting constants QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC and QUOTE_NONE.\n";

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("_csv");
    set_attr(&m, "__doc__", Value::str(MODULE_DOC));
    set_attr(&m, "__version__", Value::str("1.0"));
    let e = error_class(vm);
    set_attr(&m, "Error", e);
    set_attr(&m, "Dialect", dialect_type());
    set_attr(&m, "Reader", reader_type());
    set_attr(&m, "Writer", writer_type());
    set_attr(&m, "_dialects", registry());
    for (n, v) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        set_attr(&m, n, Value::int(v as i64));
    }
    add_function(&m, "reader", m_reader);
    add_function(&m, "writer", m_writer);
    add_function(&m, "register_dialect", m_register_dialect);
    add_function(&m, "unregister_dialect", m_unregister_dialect);
    add_function(&m, "get_dialect", m_get_dialect);
    add_function(&m, "list_dialects", m_list_dialects);
    add_function(&m, "field_size_limit", m_field_size_limit);
    m
}
