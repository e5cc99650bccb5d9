//! What `_bz2` and `_lzma` share: the compressor and decompressor objects
//! (`compress`/`flush`, `decompress` with CPython's rules for `max_length`,
//! `needs_input`, `eof` and `unused_data`), the output-buffer loops, running
//! big inputs with the GIL released, and the type registration.
//!
//! Each library supplies a [`Coder`]: one call of its native code function
//! over an input slice and an output buffer, plus its class name and how its
//! error codes become Python exceptions.

use super::{need_bytes, tname};
use crate::args::bind;
use crate::modules::native::new_type;
use crate::object::{new_opaque, with_opaque, NativeData, NativeFn, NativeKind};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::mem::MaybeUninit;

/// The first output buffer (and the smallest growth step).
const INITIAL_BUF: usize = 16 * 1024;

/// Inputs at least this large are (de)compressed with the GIL released.
const GIL_MIN: usize = 64 * 1024;

// ---------------------------------------------------------------- the library side

/// What one call of the library's code function did.
pub(super) struct Progress {
    /// Input bytes used.
    pub consumed: usize,
    /// Output bytes written (at the start of the output buffer).
    pub produced: usize,
    /// The end of the stream was reached.
    pub end: bool,
}

/// One (de)compression stream of a library.
///
/// # Safety
/// `code` must have initialised the first `produced` bytes of `out` when it
/// returns `Ok` (the callers then count them as part of their output).
pub(super) unsafe trait Coder: 'static {
    /// The library's error code.
    type Err;
    /// The qualified class name (`"_bz2.BZ2Compressor"`), for the type and
    /// for messages.
    const CLASS: &'static str;
    /// The most input or output one call may be given.
    const MAX_CHUNK: usize;
    /// Run the library once over `input` into `out` (`finish`: end the
    /// stream; a compressor's flush). Errors are the library's failure codes.
    fn code(&mut self, input: &[u8], out: &mut [MaybeUninit<u8>], finish: bool) -> Result<Progress, Self::Err>;
    /// The Python exception for an error code `code` returned.
    fn raise(vm: &mut Vm, e: Self::Err) -> PyErr;
}

/// A compression stream.
pub(super) trait Encode: Coder {
    /// `compress(b"")` still calls the library once (liblzma writes the
    /// stream header then); otherwise a call without input does nothing.
    const CODE_WITHOUT_INPUT: bool;
}

/// A decompression stream.
pub(super) trait Decode: Coder {
    /// The EOFError message for `decompress` after the end of the stream.
    const EOF_MESSAGE: &'static str;
}

/// The input slice starting at `pos`, at most `C::MAX_CHUNK` long.
fn chunk<C: Coder>(input: &[u8], pos: usize) -> &[u8] {
    let n = (input.len() - pos).min(C::MAX_CHUNK);
    &input[pos..pos + n]
}

/// Run `c` once over the input from `pos` into `room` bytes of `out`'s
/// spare capacity, counting what it used and wrote.
fn code_into<C: Coder>(
    c: &mut C,
    input: &[u8],
    pos: &mut usize,
    out: &mut Vec<u8>,
    room: usize,
    finish: bool,
) -> Result<Progress, C::Err> {
    let p = c.code(chunk::<C>(input, *pos), &mut out.spare_capacity_mut()[..room], finish)?;
    *pos += p.consumed;
    // SAFETY: the Coder contract: `produced` bytes of the spare capacity were written.
    unsafe { out.set_len(out.len() + p.produced) };
    Ok(p)
}

// ---------------------------------------------------------------- object state

/// The native state of a (de)compressor object: `None` while a call is
/// working on it with the GIL released.
pub(super) struct Busy<T>(pub Option<Box<T>>);

impl<T: 'static> NativeData for Busy<T> {}

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
        let taken = with_opaque::<Busy<T>, _>(me, |b| b.0.take()).ok_or_else(|| wrong_self(me, cls))?;
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
    with_opaque::<Busy<T>, _>(me, |b| b.0.as_deref().map(f)).ok_or_else(|| wrong_self(me, cls))
}

fn wrong_self(me: &Value, cls: &str) -> PyErr {
    PyErr::type_error(format!("descriptor requires a '{cls}' object but received '{}'", tname(me)))
}

// ---------------------------------------------------------------- compressor

/// A compressor object's state.
pub(super) struct Encoder<C> {
    codec: C,
    flushed: bool,
}

impl<C: Encode> Encoder<C> {
    /// Feed `data` (`finish`: and end the stream), collecting the output.
    fn run(&mut self, data: &[u8], finish: bool) -> Result<Vec<u8>, C::Err> {
        let mut out: Vec<u8> = Vec::with_capacity(INITIAL_BUF);
        let mut pos = 0usize;
        let mut called = false;
        loop {
            // Plain compression stops when the input is used up.
            if !finish && pos >= data.len() && (called || !C::CODE_WITHOUT_INPUT) {
                break;
            }
            if out.len() == out.capacity() {
                out.reserve(out.capacity().max(INITIAL_BUF));
            }
            let room = (out.capacity() - out.len()).min(C::MAX_CHUNK);
            let p = code_into(&mut self.codec, data, &mut pos, &mut out, room, finish)?;
            called = true;
            if finish && p.end {
                break;
            }
        }
        Ok(out)
    }
}

/// A new compressor object of class `cls` over the initialised stream `codec`.
pub(super) fn new_encoder<C: Encode>(cls: &Value, codec: C) -> Value {
    new_opaque(cls, Busy(Some(Box::new(Encoder { codec, flushed: false }))))
}

fn c_compress<C: Encode>(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data] = bind("compress", args, kw, &["self", "data", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let r = run_state(vm, &me, C::CLASS, data.len(), |c: &mut Encoder<C>| if c.flushed { None } else { Some(c.run(&data, false)) })?;
    match r {
        None => Err(PyErr::value_error("Compressor has been flushed")),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(e)) => Err(C::raise(vm, e)),
    }
}

fn c_flush<C: Encode>(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me] = bind("flush", args, kw, &["self"])?;
    let me = me.unwrap_or(Value::NONE);
    let r = run_state(vm, &me, C::CLASS, 0, |c: &mut Encoder<C>| {
        if c.flushed {
            None
        } else {
            c.flushed = true;
            Some(c.run(&[], true))
        }
    })?;
    match r {
        None => Err(PyErr::value_error("Repeated call to flush()")),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(e)) => Err(C::raise(vm, e)),
    }
}

/// The compressor class `C::CLASS` (`new`: its `__new__`).
pub(super) fn compressor_type<C: Encode>(new: NativeFn) -> Value {
    let (module, name) = C::CLASS.split_once('.').unwrap_or(("", C::CLASS));
    let cls = new_type(module, name, None);
    add_native(&cls, "__new__", new, NativeKind::StaticMethod);
    add_method(&cls, "compress", c_compress::<C>);
    add_method(&cls, "flush", c_flush::<C>);
    add_method(&cls, "__reduce_ex__", super::zlib::no_pickle);
    cls
}

// ---------------------------------------------------------------- decompressor

/// A decompressor object's state: the stream and CPython's bookkeeping.
pub(super) struct Decoder<C> {
    pub codec: C,
    eof: bool,
    needs_input: bool,
    unused_data: Vec<u8>,
    /// Input given but not consumed yet (kept for the next call).
    pending: Vec<u8>,
}

impl<C: Decode> Decoder<C> {
    /// One `decompress(data, max_length)` call (max_length < 0: no limit).
    fn step(&mut self, data: &[u8], max_length: i64) -> Result<Vec<u8>, C::Err> {
        let input: Vec<u8> = if self.pending.is_empty() {
            data.to_vec()
        } else {
            let mut p = std::mem::take(&mut self.pending);
            p.extend_from_slice(data);
            p
        };
        let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
        let mut out: Vec<u8> = Vec::with_capacity(limit.min(INITIAL_BUF));
        let mut pos = 0usize;
        let mut out_full = false;
        loop {
            if out.len() == out.capacity() {
                if out.len() >= limit {
                    out_full = true;
                    break;
                }
                let grow = out.capacity().max(INITIAL_BUF).min(limit - out.len());
                out.reserve_exact(grow);
            }
            let room = (out.capacity() - out.len()).min(limit - out.len()).min(C::MAX_CHUNK);
            let p = code_into(&mut self.codec, &input, &mut pos, &mut out, room, false)?;
            if p.end {
                self.eof = true;
                break;
            }
            if p.produced == room {
                if out.len() >= limit {
                    out_full = true;
                    break;
                }
                continue;
            }
            if pos >= input.len() {
                break;
            }
        }
        let rest = &input[pos..];
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

/// A new decompressor object of class `cls` over the initialised stream `codec`.
pub(super) fn new_decoder<C: Decode>(cls: &Value, codec: C) -> Value {
    new_opaque(
        cls,
        Busy(Some(Box::new(Decoder { codec, eof: false, needs_input: true, unused_data: vec![], pending: vec![] }))),
    )
}

fn d_decompress<C: Decode>(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, data, max_length] = bind("decompress", args, kw, &["self", "data", "max_length="])?;
    let me = me.unwrap_or(Value::NONE);
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let max = match &max_length {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let r = run_state(vm, &me, C::CLASS, data.len(), |d: &mut Decoder<C>| if d.eof { None } else { Some(d.step(&data, max)) })?;
    match r {
        None => Err(PyErr::new(&types().exc.eof_error, C::EOF_MESSAGE)),
        Some(Ok(out)) => Ok(Value::bytes(out)),
        Some(Err(e)) => Err(C::raise(vm, e)),
    }
}

/// Read a field of the decompressor `args[0]` (None while it is in use).
pub(super) fn peek_decoder<C: Decode, R>(args: &[Value], f: impl FnOnce(&Decoder<C>) -> R) -> PyResult<Option<R>> {
    peek_state(super::first(args)?, C::CLASS, f)
}

fn d_eof<C: Decode>(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(peek_decoder(args, |d: &Decoder<C>| d.eof)?.unwrap_or(false)))
}

fn d_unused<C: Decode>(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(peek_decoder(args, |d: &Decoder<C>| d.unused_data.clone())?.unwrap_or_default()))
}

fn d_needs_input<C: Decode>(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(peek_decoder(args, |d: &Decoder<C>| d.needs_input)?.unwrap_or(false)))
}

/// The setter of a read-only attribute.
pub(super) fn readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

/// The decompressor class `C::CLASS` (`new`: its `__new__`; `extra`: the
/// library's own read-only attributes, listed before the shared ones).
pub(super) fn decompressor_type<C: Decode>(new: NativeFn, extra: &[(&'static str, NativeFn)]) -> Value {
    let (module, name) = C::CLASS.split_once('.').unwrap_or(("", C::CLASS));
    let cls = new_type(module, name, None);
    add_native(&cls, "__new__", new, NativeKind::StaticMethod);
    add_method(&cls, "decompress", d_decompress::<C>);
    add_method(&cls, "__reduce_ex__", super::zlib::no_pickle);
    for &(attr, get) in extra {
        add_getset(&cls, attr, get, Some(readonly));
    }
    add_getset(&cls, "eof", d_eof::<C>, Some(readonly));
    add_getset(&cls, "unused_data", d_unused::<C>, Some(readonly));
    add_getset(&cls, "needs_input", d_needs_input::<C>, Some(readonly));
    cls
}
