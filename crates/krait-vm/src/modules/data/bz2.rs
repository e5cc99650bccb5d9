//! `_bz2`: `BZ2Compressor` and `BZ2Decompressor` (what CPython's `bz2.py`
//! uses), over the system libbz2 through a small hand-written binding.
//!
//! The object plumbing (buffers, `max_length`, `needs_input`, `eof`,
//! `unused_data`, the GIL) is shared with `_lzma` in `stream.rs`.

use super::stream::{compressor_type, decompressor_type, new_decoder, new_encoder, Coder, Decode, Encode, Progress};
use super::tname;
use crate::modules::native::GilSlot;
use crate::types::module::{new_module, set_attr};
use crate::types::types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::mem::MaybeUninit;
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

/// One call of `f` (BZ2_bzCompress or BZ2_bzDecompress) on `s` over `input`
/// into `out` (both at most `c_uint::MAX` long).
fn bz_code(
    s: &mut BzStream,
    input: &[u8],
    out: &mut [MaybeUninit<u8>],
    f: impl FnOnce(&mut BzStream) -> c_int,
) -> Result<Progress, c_int> {
    s.next_in = input.as_ptr().cast();
    s.avail_in = input.len() as c_uint;
    s.next_out = out.as_mut_ptr().cast();
    s.avail_out = out.len() as c_uint;
    let r = f(s);
    let consumed = input.len() - s.avail_in as usize;
    let produced = out.len() - s.avail_out as usize;
    s.next_in = std::ptr::null();
    s.avail_in = 0;
    if !is_ok(r) {
        return Err(r);
    }
    Ok(Progress { consumed, produced, end: r == BZ_STREAM_END })
}

// ---------------------------------------------------------------- compressor

struct BzCompress(Box<BzStream>);

impl Drop for BzCompress {
    fn drop(&mut self) {
        // SAFETY: the stream was initialised by BZ2_bzCompressInit and is boxed (never moved).
        unsafe { BZ2_bzCompressEnd(&mut *self.0) };
    }
}

// SAFETY: bz_code reports what libbz2 wrote.
unsafe impl Coder for BzCompress {
    type Err = c_int;
    const CLASS: &'static str = "_bz2.BZ2Compressor";
    const MAX_CHUNK: usize = c_uint::MAX as usize;
    fn code(&mut self, input: &[u8], out: &mut [MaybeUninit<u8>], finish: bool) -> Result<Progress, c_int> {
        let action = if finish { BZ_FINISH } else { BZ_RUN };
        // SAFETY: initialised stream; the buffers live for the call.
        bz_code(&mut self.0, input, out, |s| unsafe { BZ2_bzCompress(s, action) })
    }
    fn raise(_vm: &mut Vm, e: c_int) -> PyErr {
        bz_error(e)
    }
}

impl Encode for BzCompress {
    // libbz2 reports a parameter error for a call that can make no progress.
    const CODE_WITHOUT_INPUT: bool = false;
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
    Ok(new_encoder(&cls, BzCompress(strm)))
}

// ---------------------------------------------------------------- decompressor

struct BzDecompress(Box<BzStream>);

impl Drop for BzDecompress {
    fn drop(&mut self) {
        // SAFETY: initialised by BZ2_bzDecompressInit, boxed.
        unsafe { BZ2_bzDecompressEnd(&mut *self.0) };
    }
}

// SAFETY: bz_code reports what libbz2 wrote.
unsafe impl Coder for BzDecompress {
    type Err = c_int;
    const CLASS: &'static str = "_bz2.BZ2Decompressor";
    const MAX_CHUNK: usize = c_uint::MAX as usize;
    fn code(&mut self, input: &[u8], out: &mut [MaybeUninit<u8>], _finish: bool) -> Result<Progress, c_int> {
        // SAFETY: initialised stream; the buffers live for the call.
        bz_code(&mut self.0, input, out, |s| unsafe { BZ2_bzDecompress(s) })
    }
    fn raise(_vm: &mut Vm, e: c_int) -> PyErr {
        bz_error(e)
    }
}

impl Decode for BzDecompress {
    const EOF_MESSAGE: &'static str = "End of stream already reached";
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
    Ok(new_decoder(&cls, BzDecompress(strm)))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_bz2");
    set_attr(&m, "BZ2Compressor", COMP_TYPE.get_or_init(|| compressor_type::<BzCompress>(comp_new)));
    set_attr(&m, "BZ2Decompressor", DECOMP_TYPE.get_or_init(|| decompressor_type::<BzDecompress>(decomp_new, &[])));
    m
}
