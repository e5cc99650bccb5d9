//! The standard streams and the bookkeeping that flushes files at exit.
//!
//! `sys.stdin`/`stdout`/`stderr` are TextIOWrapper objects over
//! BufferedReader/BufferedWriter over FileIO(0/1/2), set up as CPython does
//! (stdout line-buffered on a terminal, block-buffered otherwise; stderr
//! line-buffered with backslashreplace; with `-u` the text layer writes
//! through to an unbuffered FileIO). `print` and the interpreter's own
//! output use the native write path when the stream is one of these
//! objects.

use super::buffered::{self, BKind};
use super::{fileio, stringio, textio};
use crate::gil::GilCell;
use crate::modules::native::GilSlot;
use crate::object::PyObject;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

static OPEN: GilCell<RefCell<Vec<Weak<PyObject>>>> = GilCell::new(RefCell::new(Vec::new()));
static STDOUT: GilSlot = GilSlot::new();
static STDERR: GilSlot = GilSlot::new();

/// Remember an object that may hold unwritten data (weakly), to flush it at exit.
pub fn register(v: &Value) {
    let Some(o) = v.to_obj() else { return };
    OPEN.with(|l| {
        let mut l = l.borrow_mut();
        if l.len() >= 64 && l.len().is_power_of_two() {
            l.retain(|w| w.strong_count() > 0);
        }
        l.push(Rc::downgrade(&o));
    });
}

/// Flush every native file object still alive (interpreter exit): text
/// layers hand their pending bytes to their buffers, buffers over a FileIO
/// write to the descriptor. Errors are ignored.
pub fn flush_all() {
    let live: Vec<Value> = OPEN.with(|l| l.borrow().iter().filter_map(|w| w.upgrade()).map(Value::from_obj).collect());
    for v in &live {
        if super::has_state::<textio::TextIO>(v) {
            textio::push_pending(v);
        }
    }
    for v in &live {
        if super::has_state::<buffered::Buffered>(v) {
            buffered::flush_quiet(v);
        }
    }
}

/// Flush the original standard output and error natively.
pub fn flush_std_quiet() {
    for slot in [&STDOUT, &STDERR] {
        if let Some(v) = slot.get() {
            textio::push_pending(&v);
            if let Some(b) = buffer_of_text(&v) {
                buffered::flush_quiet(&b);
            }
        }
    }
}

fn buffer_of_text(v: &Value) -> Option<Value> {
    textio::buffer_value(v)
}

fn fd_valid(fd: i32) -> bool {
    fileio::sys_fstat(fd).is_ok()
}

fn make_stream(vm: &mut Vm, fd: i32, write: bool, unbuffered: bool, name: &str) -> PyResult<Value> {
    if !fd_valid(fd) {
        return Ok(Value::NONE);
    }
    let raw = fileio::new_from_fd(fd, !write, write, false, Value::str(name));
    let (buffer, line_buffering, write_through) = if write && unbuffered {
        (raw, false, true)
    } else {
        let tty = fileio::sys_isatty(fd);
        let kind = if write { BKind::Writer } else { BKind::Reader };
        (buffered::new_buffered(kind, raw, super::DEFAULT_BUFFER_SIZE), write && (tty || fd == 2), false)
    };
    let (encoding, errors) = stdio_codec();
    let errors = if fd == 2 { "backslashreplace".to_string() } else { errors };
    let t = textio::new_text(vm, buffer, &encoding, &errors, Some("\n"), line_buffering, write_through)?;
    super::iobase::inst_set(&t, "mode", Value::str(if write { "w" } else { "r" }));
    Ok(t)
}

/// The encoding and error handler of stdin/stdout, as CPython chooses them:
/// PYTHONIOENCODING ("encoding:errors") wins; otherwise utf-8, with
/// surrogateescape under the C/POSIX locale (or UTF-8 mode), else strict.
fn stdio_codec() -> (String, String) {
    let mut encoding = "utf-8".to_string();
    let mut errors: Option<String> = None;
    if let Ok(v) = std::env::var("PYTHONIOENCODING") {
        let (e, h) = match v.split_once(':') {
            Some((e, h)) => (e.to_string(), Some(h.to_string())),
            None => (v.clone(), None),
        };
        if !e.is_empty() {
            encoding = e;
        }
        if let Some(h) = h.filter(|h| !h.is_empty()) {
            errors = Some(h);
        }
    }
    let errors = errors.unwrap_or_else(|| {
        let var = |n: &str| std::env::var(n).ok().filter(|s| !s.is_empty());
        let locale = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_else(|| "C".into());
        let utf8_mode = var("PYTHONUTF8").map_or(false, |v| v == "1");
        if utf8_mode || locale == "C" || locale == "POSIX" || locale.starts_with("C.") {
            "surrogateescape".into()
        } else {
            "strict".into()
        }
    });
    (encoding, errors)
}

/// (stdin, stdout, stderr) for the `sys` module.
pub fn make_std_streams(vm: &mut Vm) -> (Value, Value, Value) {
    let unbuffered = vm.options.unbuffered;
    let stdin = make_stream(vm, 0, false, unbuffered, "<stdin>").unwrap_or(Value::NONE);
    let stdout = make_stream(vm, 1, true, unbuffered, "<stdout>").unwrap_or(Value::NONE);
    let stderr = make_stream(vm, 2, true, unbuffered, "<stderr>").unwrap_or(Value::NONE);
    STDOUT.get_or_init(|| stdout.clone());
    STDERR.get_or_init(|| stderr.clone());
    (stdin, stdout, stderr)
}

/// Whether `v` is exactly a native TextIOWrapper (fast paths apply).
pub fn is_native_text(v: &Value) -> bool {
    super::is_exact(v, |c| &c.textiowrapper)
}

/// Write text to a stream object: natively for a TextIOWrapper or StringIO,
/// else through its `write` method.
pub fn write_text(vm: &mut Vm, stream: &Value, s: &str) -> PyResult<()> {
    if is_native_text(stream) {
        return textio::write_str(vm, stream, s);
    }
    if super::is_exact(stream, |c| &c.stringio) {
        return stringio::write_native(stream, s);
    }
    vm.call_method(stream, "write", &[Value::str(s)])?;
    Ok(())
}

/// `stream.flush()`, natively for a TextIOWrapper.
pub fn flush_stream(vm: &mut Vm, stream: &Value) -> PyResult<()> {
    if is_native_text(stream) {
        return textio::flush_impl(vm, stream);
    }
    vm.call_method(stream, "flush", &[])?;
    Ok(())
}

/// One line from a stream (without touching its newline), natively for a TextIOWrapper.
pub fn read_line(vm: &mut Vm, stream: &Value) -> PyResult<Value> {
    if is_native_text(stream) {
        return Ok(Value::string(textio::readline_impl(vm, stream, -1)?));
    }
    vm.call_method(stream, "readline", &[])
}

/// Write straight to a descriptor (last resort when sys.stderr is unusable).
pub fn write_fd_quiet(fd: i32, s: &str) {
    fileio::fd_write_all_quiet(fd, s.as_bytes());
}

pub fn lost(name: &str) -> PyErr {
    PyErr::runtime_error(format!("lost sys.{name}"))
}
