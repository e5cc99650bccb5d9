//! `_bz2`: `BZ2Compressor` and `BZ2Decompressor` (what CPython's `bz2.py`
//! uses), over the system libbz2 through a small hand-written binding.
//!
//! The decompressor keeps unconsumed input between calls and follows
//! CPython's rules for `max_length`, `needs_input`, `eof` and `unused_data`.

use super::{need_bytes, tname};
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{new_module, set_attr};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::os::raw::{c_char, c_int, c_uint, c_void};

#[repr(C)]
struct BzStream {
    next_in: *const c_char,
    avail_in: c_uint,
    total_in_lo32: c_uint,
    total_in_hi32: c_uint,
    next_out: *mut c_char,
    avail_out: c_uint,
    total_out_lo32: c_uint,
    total_out_hi32: c_uint,
    state: *mut c_void,
    bzalloc: Option<unsafe extern "C" fn(*mut c_void, c_int, c_int) -> *mut c_void>,
    bzfree: Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>,
    opaque: *mut c_void,
}

#[link(name = "bz2")]
extern "C" {
    fn BZ2_bzCompressInit(strm: *mut BzStream, block_size_100k: c_int, verbosity: c_int, work_factor: c_int) -> c_int;
    fn BZ2_bzCompress(strm: *mut BzStream, action: c_int) -> c_int;
    fn BZ2_bzCompressEnd(strm: *mut BzStream) -> c_int;
    fn BZ2_bzDecompressInit(strm: *mut BzStream, verbosity: c_int, small: c_int) -> c_int;
    fn BZ2_bzDecompress(strm: *mut BzStream) -> c_int;
    fn BZ2_bzDecompressEnd(strm: *mut BzStream) -> c_int;
}

const BZ_RUN: c_int = 0;
const BZ_FINISH: c_int = 2;
const BZ_STREAM_END: c_int = 4;

static COMP_TYPE: GilSlot = GilSlot::new();
static DECOMP_TYPE: GilSlot = GilSlot::new();

const INITIAL_BUF: usize = 16 * 1024;

fn new_stream() -> Box<BzStream> {
    Box::new(BzStream {
        next_in: std::ptr::null(),
        avail_in: 0,
        total_in_lo32: 0,
        total_in_hi32: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out_lo32: 0,
        total_out_hi32: 0,
        state: std::ptr::null_mut(),
        bzalloc: None,
        bzfree: None,
        opaque: std::ptr::null_mut(),
    })
}

/// A libbz2 error code as the Python exception CPython raises.
enum BzErr {
    Code(c_int),
}

fn bz_error(code: c_int) -> PyErr {
    match code {
        -2 => PyErr::value_error("Internal error - invalid parameters passed to libbzip2"),
        -3 => PyErr::memory_error(),
        -4 | -5 => PyErr::os_error("Invalid data stream"),
        -6 => PyErr::os_error("Unknown I/O error"),
        -7 => PyErr::new(&types().exc.eof_error, "Compressed file ended before the logical end-of-stream was detected"),
        -1 => PyErr::runtime_error("Internal error - Invalid sequence of commands sent to libbzip2"),
        c => PyErr::new(&types().exc.system_error, format!("Unrecognized error from libbzip2: {c}")),
    }
}

fn is_ok(code: c_int) -> bool {
    (0..=4).contains(&code)
}


// ---------------------------------------------------------------- running without the GIL

/// The native state of a (de)compressor object: `None` while a call is
/// working on it with the GIL released.
pub(super) struct Busy<T>(pub Option<Box<T>>);

impl<T: 'static> NativeData for Busy<T> {}

/// Inputs at least this large are (de)compressed with the GIL released.
const GIL_MIN: usize = 64 * 1024;

/// Run `f` on the state of `me` (of the class named `cls`), releasing the GIL
/// for large inputs. A call that finds the state in use by another thread
/// waits for it (CPython takes a lock per object).
pub(super) fn run_state<T: 'static, R>(
    vm: &mut Vm,
    me: &Value,
    cls: &str,
    size: usize,
    f: impl FnOnce(&mut T) -> R,
) -> PyResult<R> {
    loop {
        let taken = with_opaque::<Busy<T>, _>(me, |b| b.0.take()).ok_or_else(|| {
            PyErr::type_error(format!("descriptor requires a '{cls}' object but received '{}'", tname(me)))
        })?;
        match taken {
            Some(mut inner) => {
                let r = if size >= GIL_MIN { crate::gil::allow_threads(vm, || f(&mut inner)) } else { f(&mut inner) };
                with_opaque::<Busy<T>, _>(me, |b| b.0 = Some(inner));
                return Ok(r);
            }
            None => crate::gil::allow_threads(vm, || std::thread::sleep(std::time::Duration::from_micros(200))),
        }
    }
}

/// Read a field of the state of `me` (None while it is in use).
pub(super) fn peek_state<T: 'static, R>(me: &Value, cls: &str, f: impl FnOnce(&T) -> R) -> PyResult<Option<R>> {
    with_opaque::<Busy<T>, _>(me, |b| b.0.as_deref().map(f))
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '{cls}' object but received '{}'", tname(me))))
}

// ---------------------------------------------------------------- compressor

struct Compressor {
    strm: Box<BzStream>,
    live: bool,
    flushed: bool,
}

impl Drop for Compressor {
    fn drop(&mut self) {
        if self.live {
            // SAFETY: the stream was initialised by BZ2_bzCompressInit and is boxed (never moved).
            unsafe { BZ2_bzCompressEnd(&mut *self.strm) };
        }
    }
}

impl Compressor {
    fn run(&mut self, data: &[u8], action: c_int) -> Result<Vec<u8>, BzErr> {
        let mut out: Vec<u8> = Vec::with_capacity(INITIAL_BUF);
        let mut pos = 0usize;
        let s = &mut *self.strm;
        s.avail_in = 0;
        loop {
            if s.avail_in == 0 && pos < data.len() {
                let n = (data.len() - pos).min(c_uint::MAX as usize);
                s.next_in = data[pos..].as_ptr().cast();
                s.avail_in = n as c_uint;
                pos += n;
            }
            // Plain compression stops when the input is used up (libbz2
            // reports a parameter error for a call that can make no progress).
            if action == BZ_RUN && s.avail_in == 0 {
                break;
            }
            if out.len() == out.capacity() {
                out.reserve(out.capacity().max(INITIAL_BUF));
            }
            let room = (out.capacity() - out.len()).min(c_uint::MAX as usize);
            // SAFETY: next_out points at `room` writable bytes of `out`'s spare capacity.
            s.next_out = unsafe { out.as_mut_ptr().add(out.len()) }.cast();
            s.avail_out = room as c_uint;
            // SAFETY: initialised stream; input and output buffers live for the call.
            let r = unsafe { BZ2_bzCompress(s, action) };
            let produced = room - s.avail_out as usize;
            // SAFETY: libbz2 wrote `produced` bytes.
            unsafe { out.set_len(out.len() + produced) };
            if !is_ok(r) {
                s.next_in = std::ptr::null();
                s.avail_in = 0;
                return Err(BzErr::Code(r));
            }
            if action == BZ_FINISH && r == BZ_STREAM_END {
                break;
            }
        }
        s.next_in = std::ptr::null();
        Ok(out)
    }
}

fn comp_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    if !kw.is_empty() {
        return Err(PyErr::type_error("BZ2Compressor() takes no keyword arguments"));
    }
    let pos = &args[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("BZ2Compressor expected at most 1 argument, got {}", pos.len())));
    }
    let level = match pos.first() {
        Some(v) => {
            if v.is_float() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            match v.as_i64() {
                Some(i) => i,
                None if v.is_int() => return Err(PyErr::overflow("Python int too large to convert to C int")),
                None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v)))),
            }
        }
        None => 9,
    };
    if !(1..=9).contains(&level) {
        return Err(PyErr::value_error("compresslevel must be between 1 and 9"));
    }
    let mut strm = new_stream();
    // SAFETY: a zeroed, boxed stream.
    let r = unsafe { BZ2_bzCompressInit(&mut *strm, level as c_int, 0, 0) };
    if !is_ok(r) {
        return Err(bz_error(r));
    }
    Ok(new_opaque(&cls, Busy(Some(Box::new(Compressor { strm, live: true, flushed: false })))))
}

const COMP: &str = "_bz2.BZ2Compressor";
const DECOMP: &str = "_bz2.BZ2Decompressor";

fn c_compress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data] = bind("compress", args, kw, &["self", "data", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let r = run_state(vm, &me, COMP, data.len(), |c: &mut Compressor| if c.flushed { None } else { Some(c.run(&data, BZ_RUN)) })?;
    match r {
        None => Err(PyErr::value_error("Compressor has been flushed")),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(BzErr::Code(c))) => Err(bz_error(c)),
    }
}

fn c_flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me] = bind("flush", args, kw, &["self"])?;
    let me = me.unwrap_or(Value::NONE);
    let r = run_state(vm, &me, COMP, 0, |c: &mut Compressor| {
        if c.flushed {
            None
        } else {
            c.flushed = true;
            Some(c.run(&[], BZ_FINISH))
        }
    })?;
    match r {
        None => Err(PyErr::value_error("Repeated call to flush()")),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(BzErr::Code(c))) => Err(bz_error(c)),
    }
}

// ---------------------------------------------------------------- decompressor

struct Decompressor {
    strm: Box<BzStream>,
    live: bool,
    eof: bool,
    needs_input: bool,
    unused_data: Vec<u8>,
    /// Input given but not consumed yet (kept for the next call).
    pending: Vec<u8>,
}

impl Drop for Decompressor {
    fn drop(&mut self) {
        if self.live {
            // SAFETY: initialised by BZ2_bzDecompressInit, boxed.
            unsafe { BZ2_bzDecompressEnd(&mut *self.strm) };
        }
    }
}

impl Decompressor {
    /// One `decompress(data, max_length)` call (max_length < 0: no limit).
    fn step(&mut self, data: &[u8], max_length: i64) -> Result<Vec<u8>, c_int> {
        let input: Vec<u8> = if self.pending.is_empty() {
            data.to_vec()
        } else {
            let mut p = std::mem::take(&mut self.pending);
            p.extend_from_slice(data);
            p
        };
        let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
        let first = if limit < INITIAL_BUF { limit } else { INITIAL_BUF };
        let mut out: Vec<u8> = Vec::with_capacity(first);
        let mut pos = 0usize;
        let mut out_full = false;
        let s = &mut *self.strm;
        loop {
            if s.avail_in == 0 && pos < input.len() {
                let n = (input.len() - pos).min(c_uint::MAX as usize);
                s.next_in = input[pos..].as_ptr().cast();
                s.avail_in = n as c_uint;
                pos += n;
            }
            if out.len() == out.capacity() {
                if out.len() >= limit {
                    out_full = true;
                    break;
                }
                let grow = out.capacity().max(INITIAL_BUF).min(limit - out.len());
                out.reserve_exact(grow);
            }
            let room = (out.capacity() - out.len()).min(limit - out.len()).min(c_uint::MAX as usize);
            // SAFETY: `room` bytes of spare capacity.
            s.next_out = unsafe { out.as_mut_ptr().add(out.len()) }.cast();
            s.avail_out = room as c_uint;
            // SAFETY: initialised stream; buffers live for the call.
            let r = unsafe { BZ2_bzDecompress(s) };
            let produced = room - s.avail_out as usize;
            // SAFETY: libbz2 wrote `produced` bytes.
            unsafe { out.set_len(out.len() + produced) };
            if !is_ok(r) {
                s.next_in = std::ptr::null();
                s.avail_in = 0;
                return Err(r);
            }
            if r == BZ_STREAM_END {
                self.eof = true;
                break;
            }
            if s.avail_out == 0 {
                if out.len() >= limit {
                    out_full = true;
                    break;
                }
                continue;
            }
            if s.avail_in == 0 && pos >= input.len() {
                break;
            }
        }
        let rest_start = pos - s.avail_in as usize;
        s.next_in = std::ptr::null();
        s.avail_in = 0;
        let rest = &input[rest_start..];
        if self.eof {
            self.needs_input = false;
            if !rest.is_empty() {
                self.unused_data = rest.to_vec();
            }
        } else if rest.is_empty() {
            self.needs_input = !out_full;
        } else {
            self.needs_input = false;
            self.pending = rest.to_vec();
        }
        Ok(out)
    }
}

fn decomp_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    if !kw.is_empty() {
        return Err(PyErr::type_error("BZ2Decompressor() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error("BZ2Decompressor() takes no arguments"));
    }
    let mut strm = new_stream();
    // SAFETY: a zeroed, boxed stream.
    let r = unsafe { BZ2_bzDecompressInit(&mut *strm, 0, 0) };
    if !is_ok(r) {
        return Err(bz_error(r));
    }
    Ok(new_opaque(
        &cls,
        Busy(Some(Box::new(Decompressor {
            strm,
            live: true,
            eof: false,
            needs_input: true,
            unused_data: vec![],
            pending: vec![],
        }))),
    ))
}

fn d_decompress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data, max_length] = bind("decompress", args, kw, &["self", "data", "max_length="])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let max = match &max_length {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let r = run_state(vm, &me, DECOMP, data.len(), |d: &mut Decompressor| if d.eof { None } else { Some(d.step(&data, max)) })?;
    match r {
        None => Err(PyErr::new(&types().exc.eof_error, "End of stream already reached")),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(c)) => Err(bz_error(c)),
    }
}

fn d_eof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(peek_state(super::first(args)?, DECOMP, |d: &Decompressor| d.eof)?.unwrap_or(false)))
}

fn d_unused(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(peek_state(super::first(args)?, DECOMP, |d: &Decompressor| d.unused_data.clone())?.unwrap_or_default()))
}

fn d_needs_input(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(peek_state(super::first(args)?, DECOMP, |d: &Decompressor| d.needs_input)?.unwrap_or(false)))
}

fn readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn comp_type() -> Value {
    COMP_TYPE.get_or_init(|| {
        let cls = new_type("_bz2", "BZ2Compressor", None);
        add_native(&cls, "__new__", comp_new, NativeKind::StaticMethod);
        add_method(&cls, "compress", c_compress);
        add_method(&cls, "flush", c_flush);
        add_method(&cls, "__reduce_ex__", super::zlib::no_pickle);
        cls
    })
}

fn decomp_type() -> Value {
    DECOMP_TYPE.get_or_init(|| {
        let cls = new_type("_bz2", "BZ2Decompressor", None);
        add_native(&cls, "__new__", decomp_new, NativeKind::StaticMethod);
        add_method(&cls, "decompress", d_decompress);
        add_method(&cls, "__reduce_ex__", super::zlib::no_pickle);
        add_getset(&cls, "eof", d_eof, Some(readonly));
        add_getset(&cls, "unused_data", d_unused, Some(readonly));
        add_getset(&cls, "needs_input", d_needs_input, Some(readonly));
        cls
    })
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_bz2");
    set_attr(&m, "BZ2Compressor", comp_type());
    set_attr(&m, "BZ2Decompressor", decomp_type());
    m
}
