//! `_lzma`: `LZMACompressor`, `LZMADecompressor`, `LZMAError`, the
//! FORMAT_*/CHECK_*/FILTER_*/MF_*/MODE_*/PRESET_* constants,
//! `is_check_supported` and the filter-properties helpers `zipfile` uses,
//! over the system liblzma (bindings from the `lzma-sys` crate).
//!
//! Filter chains are given as sequences of dicts (`{"id": FILTER_LZMA2,
//! "preset": 6, "dict_size": ...}`), parsed with CPython's messages. The
//! object plumbing is shared with `_bz2` in `stream.rs`.

use super::stream::{
    compressor_type, decompressor_type, new_decoder, new_encoder, peek_decoder, Coder, Decode, Decoder, Encode, Progress,
};
use super::{c_int, need_bytes, tname};
use crate::args::bind;
use crate::modules::native::{new_exception, GilSlot};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use lzma_sys as lz;
use std::mem::MaybeUninit;
use std::os::raw::c_void;

static ERROR: GilSlot = GilSlot::new();
static COMP_TYPE: GilSlot = GilSlot::new();
static DECOMP_TYPE: GilSlot = GilSlot::new();

const FORMAT_AUTO: i32 = 0;
const FORMAT_XZ: i32 = 1;
const FORMAT_ALONE: i32 = 2;
const FORMAT_RAW: i32 = 3;
const CHECK_UNKNOWN: i64 = 16;
const FILTER_DELTA: u64 = 0x03;
const FILTERS_MAX: usize = 4;

/// `lzma_options_delta` (lzma/delta.h), with its reserved tail.
#[repr(C)]
struct OptionsDelta {
    type_: u32,
    dist: u32,
    reserved_int: [u32; 4],
    reserved_ptr: [*mut c_void; 2],
}

/// `lzma_options_bcj` (lzma/bcj.h).
#[repr(C)]
struct OptionsBcj {
    start_offset: u32,
}

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let e = new_exception(vm, "_lzma", "LZMAError", &[]);
    ERROR.get_or_init(|| e)
}

fn lzerr(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let c = error_class(vm);
    PyErr::new(&c, msg)
}

/// liblzma's return code as CPython's exception (None: not an error).
fn catch(vm: &mut Vm, r: lz::lzma_ret) -> PyResult<()> {
    let msg = match r {
        lz::LZMA_OK | lz::LZMA_GET_CHECK | lz::LZMA_NO_CHECK | lz::LZMA_STREAM_END => return Ok(()),
        lz::LZMA_UNSUPPORTED_CHECK => "Unsupported integrity check".to_string(),
        lz::LZMA_MEM_ERROR => return Err(PyErr::memory_error()),
        lz::LZMA_MEMLIMIT_ERROR => "Memory usage limit exceeded".to_string(),
        lz::LZMA_FORMAT_ERROR => "Input format not supported by decoder".to_string(),
        lz::LZMA_OPTIONS_ERROR => "Invalid or unsupported options".to_string(),
        lz::LZMA_DATA_ERROR => "Corrupt input data".to_string(),
        lz::LZMA_BUF_ERROR => "Insufficient buffer space".to_string(),
        lz::LZMA_PROG_ERROR => "Internal error".to_string(),
        other => format!("Unrecognized error from liblzma: {other}"),
    };
    Err(lzerr(vm, msg))
}

// ---------------------------------------------------------------- integer converters

/// `PyLong_AsUnsignedLongLong`: ints only, no negatives.
fn as_u64(v: &Value) -> PyResult<u64> {
    if !v.is_int() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let b = v.to_bigint().unwrap_or_default();
    if b.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    num_traits::ToPrimitive::to_u64(&b)
        .ok_or_else(|| PyErr::overflow("int too big to convert"))
}

fn as_u32(v: &Value) -> PyResult<u32> {
    let x = as_u64(v)?;
    u32::try_from(x).map_err(|_| PyErr::overflow("Value too large for uint32_t type"))
}

// ---------------------------------------------------------------- filter chains

enum FilterOpts {
    Lzma(Box<lz::lzma_options_lzma>),
    Delta(Box<OptionsDelta>),
    Bcj(Box<OptionsBcj>),
}

struct Filter {
    id: u64,
    opts: FilterOpts,
}

impl Filter {
    fn raw(&mut self) -> lz::lzma_filter {
        let options: *mut c_void = match &mut self.opts {
            FilterOpts::Lzma(b) => (&mut **b as *mut lz::lzma_options_lzma).cast(),
            FilterOpts::Delta(b) => (&mut **b as *mut OptionsDelta).cast(),
            FilterOpts::Bcj(b) => (&mut **b as *mut OptionsBcj).cast(),
        };
        lz::lzma_filter { id: self.id, options }
    }
}

/// A filter chain as liblzma wants it: the filters and the terminated array.
struct Chain {
    filters: Vec<Filter>,
    raw: Vec<lz::lzma_filter>,
}

impl Chain {
    fn new(mut filters: Vec<Filter>) -> Chain {
        let mut raw: Vec<lz::lzma_filter> = filters.iter_mut().map(|f| f.raw()).collect();
        raw.push(lz::lzma_filter { id: lz::LZMA_VLI_UNKNOWN, options: std::ptr::null_mut() });
        Chain { filters, raw }
    }
}

fn zeroed_lzma_options() -> Box<lz::lzma_options_lzma> {
    // SAFETY: the struct is plain integers and raw pointers; all-zero is valid
    // (CPython memsets it the same way).
    Box::new(unsafe { std::mem::zeroed() })
}

fn is_bcj(id: u64) -> bool {
    matches!(id, lz::LZMA_FILTER_X86 | lz::LZMA_FILTER_POWERPC | lz::LZMA_FILTER_IA64 | lz::LZMA_FILTER_ARM | lz::LZMA_FILTER_ARMTHUMB | lz::LZMA_FILTER_SPARC)
}

/// The (key, value) pairs of a filter-spec dict, or None if it is not a dict
/// (the keyword parser CPython uses only takes dicts).
fn spec_items(vm: &mut Vm, spec: &Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    if !crate::types::is_instance(spec, &types().dict) {
        return Ok(None);
    }
    let items = vm.call_method(spec, "items", &[])?;
    let items = vm.collect(&items)?;
    let mut out = Vec::new();
    for it in items {
        if let Some(t) = it.as_tuple() {
            if t.len() == 2 {
                out.push((t[0].clone(), t[1].clone()));
            }
        }
    }
    Ok(Some(out))
}

/// The one option `key` (default `default`) of a `kind` filter's spec, whose
/// other key can only be "id".
fn one_option(vm: &mut Vm, spec: &Value, kind: &str, key: &str, default: u32) -> PyResult<u32> {
    let bad = || PyErr::value_error(format!("Invalid filter specifier for {kind} filter"));
    let items = spec_items(vm, spec)?.ok_or_else(bad)?;
    let mut value = default;
    for (k, v) in items {
        match k.as_str().ok_or_else(bad)? {
            "id" => {}
            k if k == key => value = as_u32(&v).map_err(|_| bad())?,
            _ => return Err(bad()),
        }
    }
    Ok(value)
}

fn parse_filter(vm: &mut Vm, spec: &Value) -> PyResult<Filter> {
    let is_mapping = crate::types::lookup(crate::types::type_ref(spec), "__getitem__").is_some();
    if !is_mapping {
        return Err(PyErr::type_error("Filter specifier must be a dict or dict-like object"));
    }
    let id_obj = match vm.getitem(spec, &Value::str("id")) {
        Ok(v) => v,
        Err(e) if e.matches(&types().exc.key_error) => {
            return Err(PyErr::value_error("Filter specifier must have an \"id\" entry"))
        }
        Err(e) => return Err(e),
    };
    let id = as_u64(&id_obj)?;
    if id == lz::LZMA_FILTER_LZMA1 || id == lz::LZMA_FILTER_LZMA2 {
        let mut preset = lz::LZMA_PRESET_DEFAULT;
        match vm.getitem(spec, &Value::str("preset")) {
            Ok(p) => preset = as_u32(&p)?,
            Err(e) if e.matches(&types().exc.key_error) => {}
            Err(e) => return Err(e),
        }
        let mut o = zeroed_lzma_options();
        // SAFETY: `o` is a valid options struct.
        if unsafe { lz::lzma_lzma_preset(&mut *o, preset) } != 0 {
            return Err(lzerr(vm, format!("Invalid compression preset: {preset}")));
        }
        let bad = || PyErr::value_error("Invalid filter specifier for LZMA filter");
        let items = spec_items(vm, spec)?.ok_or_else(bad)?;
        for (k, v) in items {
            let key = k.as_str().ok_or_else(bad)?.to_string();
            match key.as_str() {
                "id" | "preset" => {}
                "dict_size" => o.dict_size = as_u32(&v).map_err(|_| bad())?,
                "lc" => o.lc = as_u32(&v).map_err(|_| bad())?,
                "lp" => o.lp = as_u32(&v).map_err(|_| bad())?,
                "pb" => o.pb = as_u32(&v).map_err(|_| bad())?,
                "mode" => o.mode = as_u32(&v).map_err(|_| bad())? as lz::lzma_mode,
                "nice_len" => o.nice_len = as_u32(&v).map_err(|_| bad())?,
                "mf" => o.mf = as_u32(&v).map_err(|_| bad())? as lz::lzma_match_finder,
                "depth" => o.depth = as_u32(&v).map_err(|_| bad())?,
                _ => return Err(bad()),
            }
        }
        return Ok(Filter { id, opts: FilterOpts::Lzma(o) });
    }
    if id == FILTER_DELTA {
        let dist = one_option(vm, spec, "delta", "dist", 1)?;
        let o = Box::new(OptionsDelta { type_: 0, dist, reserved_int: [0; 4], reserved_ptr: [std::ptr::null_mut(); 2] });
        return Ok(Filter { id, opts: FilterOpts::Delta(o) });
    }
    if is_bcj(id) {
        let start_offset = one_option(vm, spec, "BCJ", "start_offset", 0)?;
        return Ok(Filter { id, opts: FilterOpts::Bcj(Box::new(OptionsBcj { start_offset })) });
    }
    Err(PyErr::value_error(format!("Invalid filter ID: {id}")))
}

fn parse_chain(vm: &mut Vm, specs: &Value) -> PyResult<Chain> {
    if crate::types::is_instance(specs, &types().dict) {
        return Err(PyErr::type_error(format!("{} is not a sequence", tname(specs))));
    }
    let n = vm.len(specs)?;
    if n > FILTERS_MAX {
        return Err(PyErr::value_error(format!("Too many filters - liblzma supports a maximum of {FILTERS_MAX}")));
    }
    let mut filters = Vec::with_capacity(n);
    for i in 0..n {
        let spec = vm.getitem(specs, &Value::int(i as i64))?;
        filters.push(parse_filter(vm, &spec)?);
    }
    Ok(Chain::new(filters))
}

fn new_stream() -> Box<lz::lzma_stream> {
    // SAFETY: LZMA_STREAM_INIT is all zeros.
    Box::new(unsafe { std::mem::zeroed() })
}

/// One `lzma_code` call on `s` over `input` into `out`; the code it returned
/// unless that is an error.
fn lz_code(
    s: &mut lz::lzma_stream,
    input: &[u8],
    out: &mut [MaybeUninit<u8>],
    action: lz::lzma_action,
) -> Result<(Progress, lz::lzma_ret), lz::lzma_ret> {
    s.next_in = input.as_ptr();
    s.avail_in = input.len();
    s.next_out = out.as_mut_ptr().cast();
    s.avail_out = out.len();
    // SAFETY: initialised stream, buffers valid for the call.
    let mut r = unsafe { lz::lzma_code(s, action) };
    let consumed = input.len() - s.avail_in;
    let produced = out.len() - s.avail_out;
    if r == lz::LZMA_BUF_ERROR && s.avail_in == 0 && s.avail_out > 0 {
        r = lz::LZMA_OK;
    }
    s.next_in = std::ptr::null();
    s.avail_in = 0;
    if !matches!(r, lz::LZMA_OK | lz::LZMA_STREAM_END | lz::LZMA_GET_CHECK | lz::LZMA_NO_CHECK) {
        return Err(r);
    }
    Ok((Progress { consumed, produced, end: r == lz::LZMA_STREAM_END }, r))
}

/// liblzma's error code `r` as the exception CPython raises.
fn raise_code(vm: &mut Vm, r: lz::lzma_ret) -> PyErr {
    match catch(vm, r) {
        Err(e) => e,
        Ok(()) => lzerr(vm, format!("Unrecognized error from liblzma: {r}")),
    }
}

// ---------------------------------------------------------------- compressor

struct LzCompress(Box<lz::lzma_stream>);

impl Drop for LzCompress {
    fn drop(&mut self) {
        // SAFETY: lzma_end accepts any stream, initialised or zeroed.
        unsafe { lz::lzma_end(&mut *self.0) };
    }
}

// SAFETY: lz_code reports what liblzma wrote.
unsafe impl Coder for LzCompress {
    type Err = lz::lzma_ret;
    const CLASS: &'static str = "_lzma.LZMACompressor";
    const MAX_CHUNK: usize = usize::MAX;
    fn code(&mut self, input: &[u8], out: &mut [MaybeUninit<u8>], finish: bool) -> Result<Progress, lz::lzma_ret> {
        let action = if finish { lz::LZMA_FINISH } else { lz::LZMA_RUN };
        lz_code(&mut self.0, input, out, action).map(|(p, _)| p)
    }
    fn raise(vm: &mut Vm, e: lz::lzma_ret) -> PyErr {
        raise_code(vm, e)
    }
}

impl Encode for LzCompress {
    // The first call writes the stream header, even without input.
    const CODE_WITHOUT_INPUT: bool = true;
}

fn opt_c_int(vm: &mut Vm, v: &Option<Value>, default: i32) -> PyResult<i32> {
    match v {
        Some(v) => c_int(vm, v),
        None => Ok(default),
    }
}

fn comp_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let [format, check, preset, filters] =
        bind("LZMACompressor", &args[1..], kw, &["format=", "check=", "preset=", "filters="])?;
    let format = opt_c_int(vm, &format, FORMAT_XZ)?;
    let mut check = opt_c_int(vm, &check, -1)?;
    let preset_obj = preset.filter(|p| !p.is_none());
    let filters = filters.filter(|f| !f.is_none());
    if format != FORMAT_XZ && check != -1 && check != lz::LZMA_CHECK_NONE as i32 {
        return Err(PyErr::value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    if preset_obj.is_some() && filters.is_some() {
        return Err(PyErr::value_error("Cannot specify both preset and filter chain"));
    }
    let preset = match &preset_obj {
        Some(p) => as_u32(p)?,
        None => lz::LZMA_PRESET_DEFAULT,
    };
    let mut strm = new_stream();
    let r = match format {
        FORMAT_XZ => {
            if check == -1 {
                check = lz::LZMA_CHECK_CRC64 as i32;
            }
            match &filters {
                None => unsafe { lz::lzma_easy_encoder(&mut *strm, preset, check as lz::lzma_check) },
                Some(f) => {
                    let chain = parse_chain(vm, f)?;
                    // SAFETY: the chain lives across the call.
                    unsafe { lz::lzma_stream_encoder(&mut *strm, chain.raw.as_ptr(), check as lz::lzma_check) }
                }
            }
        }
        FORMAT_ALONE => match &filters {
            None => {
                let mut o = zeroed_lzma_options();
                // SAFETY: valid options struct.
                if unsafe { lz::lzma_lzma_preset(&mut *o, preset) } != 0 {
                    return Err(lzerr(vm, format!("Invalid compression preset: {preset}")));
                }
                unsafe { lz::lzma_alone_encoder(&mut *strm, &*o) }
            }
            Some(f) => {
                let mut chain = parse_chain(vm, f)?;
                if chain.filters.len() == 1 && chain.filters[0].id == lz::LZMA_FILTER_LZMA1 {
                    let FilterOpts::Lzma(o) = &mut chain.filters[0].opts else { unreachable!() };
                    unsafe { lz::lzma_alone_encoder(&mut *strm, &**o) }
                } else {
                    return Err(PyErr::value_error("Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter"));
                }
            }
        },
        FORMAT_RAW => match &filters {
            None => return Err(PyErr::value_error("Must specify filters for FORMAT_RAW")),
            Some(f) => {
                let chain = parse_chain(vm, f)?;
                unsafe { lz::lzma_raw_encoder(&mut *strm, chain.raw.as_ptr()) }
            }
        },
        _ => return Err(PyErr::value_error(format!("Invalid container format: {format}"))),
    };
    catch(vm, r)?;
    Ok(new_encoder(&cls, LzCompress(strm)))
}

// ---------------------------------------------------------------- decompressor

struct LzDecompress {
    strm: Box<lz::lzma_stream>,
    check: i64,
}

impl Drop for LzDecompress {
    fn drop(&mut self) {
        // SAFETY: lzma_end accepts any stream.
        unsafe { lz::lzma_end(&mut *self.strm) };
    }
}

// SAFETY: lz_code reports what liblzma wrote.
unsafe impl Coder for LzDecompress {
    type Err = lz::lzma_ret;
    const CLASS: &'static str = "_lzma.LZMADecompressor";
    const MAX_CHUNK: usize = usize::MAX;
    fn code(&mut self, input: &[u8], out: &mut [MaybeUninit<u8>], _finish: bool) -> Result<Progress, lz::lzma_ret> {
        let (p, r) = lz_code(&mut self.strm, input, out, lz::LZMA_RUN)?;
        if r == lz::LZMA_GET_CHECK || r == lz::LZMA_NO_CHECK {
            // SAFETY: initialised decoder.
            self.check = unsafe { lz::lzma_get_check(&*self.strm) } as i64;
        }
        Ok(p)
    }
    fn raise(vm: &mut Vm, e: lz::lzma_ret) -> PyErr {
        raise_code(vm, e)
    }
}

impl Decode for LzDecompress {
    const EOF_MESSAGE: &'static str = "Already at end of stream";
}

fn decomp_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let [format, memlimit, filters] = bind("LZMADecompressor", &args[1..], kw, &["format=", "memlimit=", "filters="])?;
    let format = opt_c_int(vm, &format, FORMAT_AUTO)?;
    let memlimit = memlimit.filter(|m| !m.is_none());
    let filters = filters.filter(|f| !f.is_none());
    if memlimit.is_some() && format == FORMAT_RAW {
        return Err(PyErr::value_error("Cannot specify memory limit with FORMAT_RAW"));
    }
    if format == FORMAT_RAW && filters.is_none() {
        return Err(PyErr::value_error("Must specify filters for FORMAT_RAW"));
    }
    if format != FORMAT_RAW && filters.is_some() {
        return Err(PyErr::value_error("Cannot specify filters except with FORMAT_RAW"));
    }
    let memlimit = match &memlimit {
        Some(m) => as_u64(m)?,
        None => u64::MAX,
    };
    let flags = lz::LZMA_TELL_ANY_CHECK | lz::LZMA_TELL_NO_CHECK;
    let mut strm = new_stream();
    let mut check = CHECK_UNKNOWN;
    let r = match format {
        FORMAT_AUTO => unsafe { lz::lzma_auto_decoder(&mut *strm, memlimit, flags) },
        FORMAT_XZ => unsafe { lz::lzma_stream_decoder(&mut *strm, memlimit, flags) },
        FORMAT_ALONE => {
            check = lz::LZMA_CHECK_NONE as i64;
            unsafe { lz::lzma_alone_decoder(&mut *strm, memlimit) }
        }
        FORMAT_RAW => {
            check = lz::LZMA_CHECK_NONE as i64;
            let chain = parse_chain(vm, filters.as_ref().unwrap_or(&Value::NONE))?;
            unsafe { lz::lzma_raw_decoder(&mut *strm, chain.raw.as_ptr()) }
        }
        _ => return Err(PyErr::value_error(format!("Invalid container format: {format}"))),
    };
    catch(vm, r)?;
    Ok(new_decoder(&cls, LzDecompress { strm, check }))
}

fn d_check(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(peek_decoder(args, |d: &Decoder<LzDecompress>| d.codec.check)?.unwrap_or(CHECK_UNKNOWN)))
}

// ---------------------------------------------------------------- module functions

fn m_is_check_supported(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [id] = bind("is_check_supported", args, kw, &["check_id", "/"])?;
    let id = c_int(vm, &id.unwrap_or(Value::NONE))?;
    // SAFETY: a pure query.
    let ok = unsafe { lz::lzma_check_is_supported(id as lz::lzma_check) } != 0;
    Ok(Value::bool(ok))
}

fn m_encode_filter_properties(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [spec] = bind("_encode_filter_properties", args, kw, &["filter", "/"])?;
    let mut f = parse_filter(vm, &spec.unwrap_or(Value::NONE))?;
    let raw = f.raw();
    let mut size: u32 = 0;
    // SAFETY: `raw` points at live options.
    let r = unsafe { lz::lzma_properties_size(&mut size, &raw) };
    catch(vm, r)?;
    let mut out = vec![0u8; size as usize];
    // SAFETY: `out` has `size` bytes.
    let r = unsafe { lz::lzma_properties_encode(&raw, out.as_mut_ptr()) };
    catch(vm, r)?;
    Ok(Value::bytes(out))
}

fn m_decode_filter_properties(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [id, props] = bind("_decode_filter_properties", args, kw, &["filter_id", "encoded_props", "/"])?;
    let id = as_u64(&id.unwrap_or(Value::NONE))?;
    let props = need_bytes(&props.unwrap_or(Value::NONE))?;
    let mut filter = lz::lzma_filter { id, options: std::ptr::null_mut() };
    // SAFETY: liblzma allocates `options` with malloc (no custom allocator).
    let r = unsafe { lz::lzma_properties_decode(&mut filter, std::ptr::null(), props.as_ptr(), props.len()) };
    catch(vm, r)?;
    let d = dict::new_dict();
    let opts = filter.options;
    let mut fields: Vec<(&str, u64)> = vec![("id", id)];
    // SAFETY: `opts` (when not null) points at the options struct of the filter's kind.
    unsafe {
        if id == lz::LZMA_FILTER_LZMA1 && !opts.is_null() {
            let o = &*(opts as *const lz::lzma_options_lzma);
            fields.extend([("lc", o.lc as u64), ("lp", o.lp as u64), ("pb", o.pb as u64), ("dict_size", o.dict_size as u64)]);
        } else if id == lz::LZMA_FILTER_LZMA2 && !opts.is_null() {
            let o = &*(opts as *const lz::lzma_options_lzma);
            fields.push(("dict_size", o.dict_size as u64));
        } else if id == FILTER_DELTA && !opts.is_null() {
            let o = &*(opts as *const OptionsDelta);
            fields.push(("dist", o.dist as u64));
        } else if is_bcj(id) && !opts.is_null() {
            let o = &*(opts as *const OptionsBcj);
            fields.push(("start_offset", o.start_offset as u64));
        }
        libc::free(opts);
    }
    if !(id == lz::LZMA_FILTER_LZMA1 || id == lz::LZMA_FILTER_LZMA2 || id == FILTER_DELTA || is_bcj(id)) {
        return Err(PyErr::value_error(format!("Invalid filter ID: {id}")));
    }
    for (k, v) in fields {
        let v = if v > i64::MAX as u64 { Value::bigint(v.into()) } else { Value::int(v as i64) };
        dict::dict_set_str(&d, k, v);
    }
    Ok(d)
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("_lzma");
    let e = error_class(vm);
    set_attr(&m, "LZMAError", e);
    set_attr(&m, "LZMACompressor", COMP_TYPE.get_or_init(|| compressor_type::<LzCompress>(comp_new)));
    let decomp = DECOMP_TYPE.get_or_init(|| decompressor_type::<LzDecompress>(decomp_new, &[("check", d_check)]));
    set_attr(&m, "LZMADecompressor", decomp);
    add_function(&m, "is_check_supported", m_is_check_supported);
    add_function(&m, "_encode_filter_properties", m_encode_filter_properties);
    add_function(&m, "_decode_filter_properties", m_decode_filter_properties);
    let ints: &[(&str, i64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO as i64),
        ("FORMAT_XZ", FORMAT_XZ as i64),
        ("FORMAT_ALONE", FORMAT_ALONE as i64),
        ("FORMAT_RAW", FORMAT_RAW as i64),
        ("CHECK_NONE", 0),
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_SHA256", 10),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_LZMA2", lz::LZMA_FILTER_LZMA2 as i64),
        ("FILTER_DELTA", FILTER_DELTA as i64),
        ("FILTER_X86", lz::LZMA_FILTER_X86 as i64),
        ("FILTER_POWERPC", lz::LZMA_FILTER_POWERPC as i64),
        ("FILTER_IA64", lz::LZMA_FILTER_IA64 as i64),
        ("FILTER_ARM", lz::LZMA_FILTER_ARM as i64),
        ("FILTER_ARMTHUMB", lz::LZMA_FILTER_ARMTHUMB as i64),
        ("FILTER_SPARC", lz::LZMA_FILTER_SPARC as i64),
        ("MF_HC3", lz::LZMA_MF_HC3 as i64),
        ("MF_HC4", lz::LZMA_MF_HC4 as i64),
        ("MF_BT2", lz::LZMA_MF_BT2 as i64),
        ("MF_BT3", lz::LZMA_MF_BT3 as i64),
        ("MF_BT4", lz::LZMA_MF_BT4 as i64),
        ("MODE_FAST", lz::LZMA_MODE_FAST as i64),
        ("MODE_NORMAL", lz::LZMA_MODE_NORMAL as i64),
        ("PRESET_DEFAULT", lz::LZMA_PRESET_DEFAULT as i64),
        ("PRESET_EXTREME", lz::LZMA_PRESET_EXTREME as i64),
    ];
    for (n, v) in ints {
        set_attr(&m, n, Value::int(*v));
    }
    set_attr(&m, "FILTER_LZMA1", Value::int(lz::LZMA_FILTER_LZMA1 as i64));
    m
}
