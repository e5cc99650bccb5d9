//! `zlib` on flate2's low-level `Compress`/`Decompress` (zlib-rs backend):
//! one-shot `compress`/`decompress`, streaming `Compress`/`Decompress`
//! objects, `crc32`, `adler32` and the constants.
//!
//! flate2 cannot duplicate a stream, so `copy()` replays the calls made so
//! far on a fresh stream (the history is kept up to `HISTORY_LIMIT` bytes of
//! input; past that `copy()` is refused). memLevel and strategy are checked
//! but not applied (flate2 does not expose them).

use super::{c_int, need_bytes, tname, u32_mask};
use crate::args::bind;
use crate::modules::native::{new_exception, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_getset, add_method, add_native};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

static ERROR: GilSlot = GilSlot::new();
static COMPRESS_TYPE: GilSlot = GilSlot::new();
static DECOMPRESS_TYPE: GilSlot = GilSlot::new();

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;
const DEF_MEM_LEVEL: i64 = 8;
const HISTORY_LIMIT: usize = 8 << 20;

const Z_NO_FLUSH: i64 = 0;
const Z_PARTIAL_FLUSH: i64 = 1;
const Z_SYNC_FLUSH: i64 = 2;
const Z_FULL_FLUSH: i64 = 3;
const Z_FINISH: i64 = 4;
const Z_BLOCK: i64 = 5;

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let e = new_exception(vm, "zlib", "error", &[]);
    ERROR.get_or_init(|| e)
}

fn zerr(vm: &mut Vm, msg: String) -> PyErr {
    let c = error_class(vm);
    PyErr::new(&c, msg)
}

fn inconsistent(vm: &mut Vm, during: &str) -> PyErr {
    zerr(vm, format!("Error -2 while {during}: inconsistent stream state"))
}

fn init_error() -> PyErr {
    PyErr::value_error("Invalid initialization option")
}

// ---------------------------------------------------------------- checksums

/// Adler-32 of `data`, continuing from `a`.
pub fn adler32(data: &[u8], a: u32) -> u32 {
    const MOD: u32 = 65521;
    let mut s1 = a & 0xffff;
    let mut s2 = a >> 16;
    for chunk in data.chunks(5552) {
        for &b in chunk {
            s1 += b as u32;
            s2 += s1;
        }
        s1 %= MOD;
        s2 %= MOD;
    }
    (s2 << 16) | s1
}

fn m_adler32(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, value] = bind("adler32", args, kw, &["data", "value=", "/"])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let v = match value {
        Some(v) => u32_mask(vm, &v)?,
        None => 1,
    };
    Ok(Value::int(adler32(&data, v) as i64))
}

fn m_crc32(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, value] = bind("crc32", args, kw, &["data", "value=", "/"])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let v = match value {
        Some(v) => u32_mask(vm, &v)?,
        None => 0,
    };
    Ok(Value::int(super::binascii::crc32(&data, v) as i64))
}

// ---------------------------------------------------------------- stream set-up

#[derive(Clone, Copy)]
struct CompParams {
    level: u32,
    /// Window bits (9..=15).
    bits: u8,
    /// 0 raw, 1 zlib, 2 gzip.
    wrap: u8,
}

fn comp_params(level: i64, wbits: i64, mem_level: i64, strategy: i64) -> Option<CompParams> {
    let level = match level {
        -1 => 6,
        0..=9 => level as u32,
        _ => return None,
    };
    if !(1..=9).contains(&mem_level) || !(0..=4).contains(&strategy) {
        return None;
    }
    let (wrap, bits) = match wbits {
        8 => (1, 9),
        9..=15 => (1, wbits),
        -15..=-9 => (0, -wbits),
        25..=31 => (2, wbits - 16),
        _ => return None,
    };
    Some(CompParams { level, bits: bits as u8, wrap })
}

fn new_compress(p: CompParams) -> Compress {
    let level = Compression::new(p.level);
    match p.wrap {
        0 => Compress::new_with_window_bits(level, false, p.bits),
        1 => Compress::new_with_window_bits(level, true, p.bits),
        _ => Compress::new_gzip(level, p.bits),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum DWrap {
    Raw,
    Zlib,
    Gzip,
    /// zlib or gzip, decided by the first byte.
    Auto,
}

#[derive(Clone, Copy)]
struct DecompParams {
    bits: u8,
    wrap: DWrap,
}

fn decomp_params(wbits: i64) -> Option<DecompParams> {
    let (wrap, bits) = match wbits {
        0 => (DWrap::Zlib, 15),
        8..=15 => (DWrap::Zlib, wbits.max(9)),
        -15..=-8 => (DWrap::Raw, (-wbits).max(9)),
        16 => (DWrap::Gzip, 15),
        24..=31 => (DWrap::Gzip, (wbits - 16).max(9)),
        32 => (DWrap::Auto, 15),
        40..=47 => (DWrap::Auto, (wbits - 32).max(9)),
        _ => return None,
    };
    Some(DecompParams { bits: bits as u8, wrap })
}

fn new_decompress(p: DecompParams, first: Option<u8>) -> Decompress {
    match p.wrap {
        DWrap::Raw => Decompress::new_with_window_bits(false, p.bits),
        DWrap::Zlib => Decompress::new_with_window_bits(true, p.bits),
        DWrap::Gzip => Decompress::new_gzip(p.bits),
        DWrap::Auto => {
            if first == Some(0x1f) {
                Decompress::new_gzip(p.bits)
            } else {
                Decompress::new_with_window_bits(true, p.bits)
            }
        }
    }
}

fn flush_mode(mode: i64) -> Option<FlushCompress> {
    Some(match mode {
        Z_NO_FLUSH => FlushCompress::None,
        Z_PARTIAL_FLUSH | Z_BLOCK => FlushCompress::Partial,
        Z_SYNC_FLUSH => FlushCompress::Sync,
        Z_FULL_FLUSH => FlushCompress::Full,
        Z_FINISH => FlushCompress::Finish,
        _ => return None,
    })
}

/// Feed `input` to `c` with `flush`, collecting all the output zlib produces.
fn run_compress(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 2 + 64);
    let mut pos = 0usize;
    loop {
        if out.capacity() - out.len() < 32 {
            out.reserve(out.len().max(16384));
        }
        let before = c.total_in();
        let st = c.compress_vec(&input[pos..], &mut out, flush).map_err(|e| e.message().unwrap_or("").to_string())?;
        pos += (c.total_in() - before) as usize;
        if matches!(st, Status::StreamEnd) {
            break;
        }
        if pos >= input.len() && out.len() < out.capacity() && !matches!(flush, FlushCompress::Finish) {
            break;
        }
    }
    Ok(out)
}

enum DErr {
    NeedDict,
    Data(String),
}

/// One inflate pass over `input` (from `*pos`) into `out`, stopping at the end
/// of the stream, when `max_out` bytes are out (0: no limit) or when no more
/// progress is possible. Returns whether the stream ended.
fn run_decompress(
    d: &mut Decompress,
    input: &[u8],
    pos: &mut usize,
    out: &mut Vec<u8>,
    max_out: usize,
    zdict: Option<&[u8]>,
) -> Result<bool, DErr> {
    loop {
        let room = if max_out > 0 {
            if out.len() >= max_out {
                return Ok(false);
            }
            (max_out - out.len()).min(out.len().max(16384))
        } else {
            out.len().max(16384)
        };
        let start = out.len();
        out.resize(start + room, 0);
        let (bi, bo) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[*pos..], &mut out[start..], FlushDecompress::None);
        let consumed = (d.total_in() - bi) as usize;
        let produced = (d.total_out() - bo) as usize;
        out.truncate(start + produced);
        *pos += consumed;
        match r {
            Ok(Status::StreamEnd) => return Ok(true),
            Ok(_) => {
                if produced < room && (*pos >= input.len() || (consumed == 0 && produced == 0)) {
                    return Ok(false);
                }
                if consumed == 0 && produced == 0 {
                    return Ok(false);
                }
            }
            Err(e) => {
                if e.needs_dictionary().is_some() {
                    match zdict {
                        Some(z) => {
                            if d.set_dictionary(z).is_err() {
                                return Err(DErr::Data("invalid dictionary".into()));
                            }
                        }
                        None => return Err(DErr::NeedDict),
                    }
                } else {
                    return Err(DErr::Data(e.message().unwrap_or("invalid data").to_string()));
                }
            }
        }
    }
}

fn derr(vm: &mut Vm, e: DErr, during: &str) -> PyErr {
    match e {
        DErr::NeedDict => zerr(vm, format!("Error 2 while {during}")),
        DErr::Data(m) => zerr(vm, format!("Error -3 while {during}: {m}")),
    }
}

// ---------------------------------------------------------------- one-shot

fn opt_int(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => Ok(c_int(vm, v)? as i64),
        None => Ok(default),
    }
}

fn m_compress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, level, wbits] = bind("compress", args, kw, &["data", "/", "level=", "wbits="])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let level = opt_int(vm, &level, -1)?;
    let wbits = opt_int(vm, &wbits, MAX_WBITS)?;
    let Some(p) = comp_params(level, wbits, DEF_MEM_LEVEL, 0) else {
        return Err(zerr(vm, "Bad compression level".into()));
    };
    let mut c = new_compress(p);
    match run_compress(&mut c, &data, FlushCompress::Finish) {
        Ok(out) => Ok(Value::bytes(out)),
        Err(m) => Err(zerr(vm, format!("Error -2 while compressing data: {m}"))),
    }
}

fn m_decompress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, wbits, bufsize] = bind("decompress", args, kw, &["data", "/", "wbits=", "bufsize="])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let wbits = opt_int(vm, &wbits, MAX_WBITS)?;
    if let Some(b) = &bufsize {
        if vm.index_value(b)? < 0 {
            return Err(PyErr::value_error("bufsize must be non-negative"));
        }
    }
    let Some(p) = decomp_params(wbits) else {
        return Err(inconsistent(vm, "preparing to decompress data"));
    };
    let mut d = new_decompress(p, data.first().copied());
    let mut out = Vec::new();
    let mut pos = 0;
    match run_decompress(&mut d, &data, &mut pos, &mut out, 0, None) {
        Ok(true) => Ok(Value::bytes(out)),
        Ok(false) => Err(zerr(vm, "Error -5 while decompressing data: incomplete or truncated stream".into())),
        Err(e) => Err(derr(vm, e, "decompressing data")),
    }
}

// ---------------------------------------------------------------- Compress objects

struct CompState {
    params: CompParams,
    zdict: Option<Vec<u8>>,
    strm: Option<Compress>,
    /// Calls so far (input, flush mode), for `copy`; None once too big.
    history: Option<Vec<(Vec<u8>, i64)>>,
    hist_bytes: usize,
}

impl NativeData for CompState {}

impl CompState {
    fn record(&mut self, data: &[u8], mode: i64) {
        if let Some(h) = &mut self.history {
            self.hist_bytes += data.len();
            if self.hist_bytes > HISTORY_LIMIT {
                self.history = None;
            } else {
                h.push((data.to_vec(), mode));
            }
        }
    }
}

fn fresh_compress(p: CompParams, zdict: Option<&[u8]>) -> Compress {
    let mut c = new_compress(p);
    if let Some(z) = zdict {
        let _ = c.set_dictionary(z);
    }
    c
}

fn m_compressobj(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [level, method, wbits, mem_level, strategy, zdict] = bind(
        "compressobj",
        args,
        kw,
        &["level=", "method=", "wbits=", "memLevel=", "strategy=", "zdict="],
    )?;
    let level = opt_int(vm, &level, -1)?;
    let method = opt_int(vm, &method, 8)?;
    let wbits = opt_int(vm, &wbits, MAX_WBITS)?;
    let mem_level = opt_int(vm, &mem_level, DEF_MEM_LEVEL)?;
    let strategy = opt_int(vm, &strategy, 0)?;
    let zdict = match zdict {
        Some(z) => Some(
            super::bytes_like(&z).ok_or_else(|| PyErr::type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    if method != 8 {
        return Err(init_error());
    }
    let p = comp_params(level, wbits, mem_level, strategy).ok_or_else(init_error)?;
    let strm = fresh_compress(p, zdict.as_deref());
    let cls = compress_type();
    Ok(new_opaque(&cls, CompState { params: p, zdict, strm: Some(strm), history: Some(Vec::new()), hist_bytes: 0 }))
}

fn cstate<R>(v: &Value, f: impl FnOnce(&mut CompState) -> R) -> PyResult<R> {
    with_opaque::<CompState, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'zlib.Compress' object but received '{}'", tname(v)))
    })
}

fn c_compress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data] = bind("compress", args, kw, &["self", "data", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let r = cstate(&me, |st| {
        st.record(&data, Z_NO_FLUSH);
        match &mut st.strm {
            Some(c) => Some(run_compress(c, &data, FlushCompress::None)),
            None => None,
        }
    })?;
    match r {
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(m)) => Err(zerr(vm, format!("Error -2 while compressing data: {m}"))),
        None => Err(inconsistent(vm, "compressing data")),
    }
}

fn c_flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, mode] = bind("flush", args, kw, &["self", "mode=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let mode = opt_int(vm, &mode, Z_FINISH)?;
    if mode == Z_NO_FLUSH {
        return Ok(Value::bytes(vec![]));
    }
    let Some(fm) = flush_mode(mode) else {
        return Err(inconsistent(vm, "flushing"));
    };
    let r = cstate(&me, |st| {
        st.record(&[], mode);
        let r = match &mut st.strm {
            Some(c) => Some(run_compress(c, &[], fm)),
            None => None,
        };
        if mode == Z_FINISH {
            st.strm = None;
            st.history = None;
        }
        r
    })?;
    match r {
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(m)) => Err(zerr(vm, format!("Error -2 while flushing: {m}"))),
        None => Err(inconsistent(vm, "flushing")),
    }
}

fn c_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = super::first(args)?;
    let r = cstate(me, |st| {
        let h = st.history.clone()?;
        st.strm.as_ref()?;
        let mut c = fresh_compress(st.params, st.zdict.as_deref());
        for (data, mode) in &h {
            let fm = flush_mode(*mode).unwrap_or(FlushCompress::None);
            let _ = run_compress(&mut c, data, fm);
        }
        Some(CompState {
            params: st.params,
            zdict: st.zdict.clone(),
            strm: Some(c),
            hist_bytes: st.hist_bytes,
            history: Some(h),
        })
    })?;
    copy_result(me, r)
}

fn c_deepcopy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    c_copy(vm, &args[..1.min(args.len())], &[])
}

fn no_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.first().and_then(|c| c.as_obj().and_then(|o| o.as_type().map(|t| t.name.borrow().clone())));
    Err(PyErr::type_error(format!("cannot create 'zlib.{}' instances", name.unwrap_or_default())))
}

pub(crate) fn no_pickle(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = super::first(args)?;
    let name = crate::types::type_ref(me).type_name_str();
    let module = crate::types::lookup(crate::types::type_ref(me), "__module__")
        .and_then(|m| m.as_str().map(|s| s.to_string()))
        .unwrap_or_default();
    Err(PyErr::type_error(format!("cannot pickle '{module}.{name}' object")))
}

fn compress_type() -> Value {
    COMPRESS_TYPE.get_or_init(|| {
        let cls = new_type("zlib", "Compress", None);
        add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
        add_method(&cls, "compress", c_compress);
        add_method(&cls, "flush", c_flush);
        add_method(&cls, "copy", c_copy);
        add_method(&cls, "__copy__", c_copy);
        add_method(&cls, "__deepcopy__", c_deepcopy);
        add_method(&cls, "__reduce_ex__", no_pickle);
        cls
    })
}

// ---------------------------------------------------------------- Decompress objects

struct DecompState {
    params: DecompParams,
    zdict: Option<Vec<u8>>,
    /// Created on the first input byte (auto-detection needs it).
    strm: Option<Decompress>,
    eof: bool,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    /// Calls so far (input, max_length, is_flush), for `copy`.
    history: Option<Vec<(Vec<u8>, usize, bool)>>,
    hist_bytes: usize,
}

impl NativeData for DecompState {}

fn dstate<R>(v: &Value, f: impl FnOnce(&mut DecompState) -> R) -> PyResult<R> {
    with_opaque::<DecompState, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'zlib.Decompress' object but received '{}'", tname(v)))
    })
}

fn m_decompressobj(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [wbits, zdict] = bind("decompressobj", args, kw, &["wbits=", "zdict="])?;
    let wbits = opt_int(vm, &wbits, MAX_WBITS)?;
    let zdict = match zdict {
        Some(z) => Some(
            super::bytes_like(&z).ok_or_else(|| PyErr::type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    let p = decomp_params(wbits).ok_or_else(init_error)?;
    let cls = decompress_type();
    Ok(new_opaque(
        &cls,
        DecompState::new(p, zdict),
    ))
}

/// The copy of the (de)compressor `me` with the state `r` rebuilt from its
/// history; None when the history was dropped.
fn copy_result<T: crate::object::NativeData>(me: &Value, r: Option<T>) -> PyResult<Value> {
    match r {
        Some(ns) => Ok(new_opaque(&super::type_of(me), ns)),
        None => Err(PyErr::value_error("Inconsistent stream state")),
    }
}

impl DecompState {
    /// A fresh decompressor's state (nothing fed yet).
    fn new(params: DecompParams, zdict: Option<Vec<u8>>) -> DecompState {
        DecompState {
            params,
            zdict,
            strm: None,
            eof: false,
            unused_data: vec![],
            unconsumed_tail: vec![],
            history: Some(Vec::new()),
            hist_bytes: 0,
        }
    }

    /// Run one `decompress(data, max_length)` (or `flush`) call.
    fn step(&mut self, data: &[u8], max_length: usize, is_flush: bool) -> Result<Vec<u8>, DErr> {
        if let Some(h) = &mut self.history {
            self.hist_bytes += data.len();
            if self.hist_bytes > HISTORY_LIMIT {
                self.history = None;
            } else {
                h.push((data.to_vec(), max_length, is_flush));
            }
        }
        let mut out = Vec::new();
        if self.eof {
            // Everything after the end of the stream is unused data; the tail
            // is only rewritten if it was not empty (CPython's rule).
            self.unused_data.extend_from_slice(data);
            if !self.unconsumed_tail.is_empty() {
                self.unconsumed_tail = data.to_vec();
            }
            return Ok(out);
        }
        if self.strm.is_none() {
            if data.is_empty() {
                return Ok(out);
            }
            let mut d = new_decompress(self.params, data.first().copied());
            if self.params.wrap == DWrap::Raw {
                if let Some(z) = &self.zdict {
                    let _ = d.set_dictionary(z);
                }
            }
            self.strm = Some(d);
        }
        let Some(d) = self.strm.as_mut() else { return Ok(out) };
        let mut pos = 0;
        let ended = run_decompress(d, data, &mut pos, &mut out, max_length, self.zdict.as_deref())?;
        let rest = &data[pos.min(data.len())..];
        if ended {
            self.eof = true;
            self.unused_data.extend_from_slice(rest);
            if !self.unconsumed_tail.is_empty() {
                self.unconsumed_tail = rest.to_vec();
            }
        } else if !rest.is_empty() || !self.unconsumed_tail.is_empty() {
            self.unconsumed_tail = rest.to_vec();
        }
        Ok(out)
    }
}

fn d_decompress(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data, max_length] = bind("decompress", args, kw, &["self", "data", "/", "max_length="])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let max = match &max_length {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    if max < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let r = dstate(&me, |st| st.step(&data, max as usize, false))?;
    match r {
        Ok(out) => Ok(Value::bytes(out)),
        Err(e) => Err(derr(vm, e, "decompressing data")),
    }
}

fn d_flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, length] = bind("flush", args, kw, &["self", "length=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let length = match &length {
        Some(l) => vm.index_value(l)?,
        None => DEF_BUF_SIZE,
    };
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let r = dstate(&me, |st| {
        let tail = std::mem::take(&mut st.unconsumed_tail);
        let had_tail = !tail.is_empty();
        if had_tail {
            // Keep the "tail was non-empty" rule of `step`.
            st.unconsumed_tail = vec![0];
        }
        let r = st.step(&tail, 0, true);
        if st.eof {
            // CPython releases the stream here (inflateEnd): copy() is refused from now on.
            st.history = None;
        }
        r
    })?;
    match r {
        Ok(out) => Ok(Value::bytes(out)),
        Err(e) => Err(derr(vm, e, "flushing")),
    }
}

fn d_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = super::first(args)?;
    let r = dstate(me, |st| {
        let h = st.history.clone()?;
        let mut ns = DecompState::new(st.params, st.zdict.clone());
        for (data, max, is_flush) in &h {
            if *is_flush && !ns.unconsumed_tail.is_empty() {
                ns.unconsumed_tail = vec![0];
            }
            let _ = ns.step(data, *max, *is_flush);
        }
        Some(ns)
    })?;
    copy_result(me, r)
}

fn d_deepcopy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    d_copy(vm, &args[..1.min(args.len())], &[])
}

fn d_eof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(dstate(super::first(args)?, |st| st.eof)?))
}

fn d_unused(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(dstate(super::first(args)?, |st| st.unused_data.clone())?))
}

fn d_tail(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(dstate(super::first(args)?, |st| st.unconsumed_tail.clone())?))
}

fn decompress_type() -> Value {
    DECOMPRESS_TYPE.get_or_init(|| {
        let cls = new_type("zlib", "Decompress", None);
        add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
        add_method(&cls, "decompress", d_decompress);
        add_method(&cls, "flush", d_flush);
        add_method(&cls, "copy", d_copy);
        add_method(&cls, "__copy__", d_copy);
        add_method(&cls, "__deepcopy__", d_deepcopy);
        add_method(&cls, "__reduce_ex__", no_pickle);
        add_getset(&cls, "eof", d_eof, None);
        add_getset(&cls, "unused_data", d_unused, None);
        add_getset(&cls, "unconsumed_tail", d_tail, None);
        cls
    })
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("zlib");
    let e = error_class(vm);
    set_attr(&m, "error", e);
    set_attr(&m, "Compress", compress_type());
    set_attr(&m, "Decompress", decompress_type());
    add_function(&m, "adler32", m_adler32);
    add_function(&m, "crc32", m_crc32);
    add_function(&m, "compress", m_compress);
    add_function(&m, "decompress", m_decompress);
    add_function(&m, "compressobj", m_compressobj);
    add_function(&m, "decompressobj", m_decompressobj);
    for (name, v) in [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH),
        ("Z_SYNC_FLUSH", Z_SYNC_FLUSH),
        ("Z_FULL_FLUSH", Z_FULL_FLUSH),
        ("Z_FINISH", Z_FINISH),
        ("Z_BLOCK", Z_BLOCK),
        ("Z_TREES", 6),
    ] {
        set_attr(&m, name, Value::int(v));
    }
    set_attr(&m, "ZLIB_VERSION", Value::str("1.2.13"));
    set_attr(&m, "ZLIB_RUNTIME_VERSION", Value::str("1.2.13"));
    m
}
