//! `PyErr`: a raised Python exception travelling through Rust code.
//!
//! Every fallible VM operation returns `PyResult<T>`. The error holds the
//! exception instance itself; tracebacks are appended as it unwinds frames.

use crate::types::exception::new_exception;
use crate::types::Types;
use crate::value::Value;

#[derive(Clone, Debug)]
pub struct PyErr {
    /// The exception instance (a BaseException).
    pub exc: Value,
}

pub type PyResult<T> = Result<T, PyErr>;

fn t() -> &'static Types {
    crate::types::types()
}

impl PyErr {
    pub fn from_value(exc: Value) -> PyErr {
        PyErr { exc }
    }

    /// An exception of type `ty` with the single message argument `msg`.
    pub fn new(ty: &Value, msg: impl Into<String>) -> PyErr {
        let msg: String = msg.into();
        PyErr { exc: new_exception(ty, vec![Value::str(&msg)]) }
    }

    /// An exception of type `ty` with no arguments.
    pub fn bare(ty: &Value) -> PyErr {
        PyErr { exc: new_exception(ty, vec![]) }
    }

    pub fn with_args(ty: &Value, args: Vec<Value>) -> PyErr {
        PyErr { exc: new_exception(ty, args) }
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.type_error, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.value_error, msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.attribute_error, msg)
    }
    pub fn name_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.name_error, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.index_error, msg)
    }
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(&t().exc.key_error, vec![key])
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.zero_division_error, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.overflow_error, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.runtime_error, msg)
    }
    pub fn recursion_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.recursion_error, msg)
    }
    pub fn memory_error() -> PyErr {
        PyErr::bare(&t().exc.memory_error)
    }
    pub fn stop_iteration(value: Value) -> PyErr {
        if value.is_none() {
            PyErr::bare(&t().exc.stop_iteration)
        } else {
            PyErr::with_args(&t().exc.stop_iteration, vec![value])
        }
    }
    pub fn os_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.os_error, msg)
    }
    pub fn import_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.import_error, msg)
    }
    pub fn not_implemented(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.not_implemented_error, msg)
    }
    pub fn unicode_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&t().exc.value_error, msg)
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    pub fn matches(&self, ty: &Value) -> bool {
        crate::types::is_subtype(&crate::types::type_of(&self.exc), ty)
    }
}

/// Build a `PyErr` from an `std::io::Error`, as OSError subclasses.
pub fn io_error(e: &std::io::Error, filename: Option<&str>) -> PyErr {
    crate::types::exception::os_error_from_io(e, filename)
}

// ---------------------------------------------------------------- panics

/// The message and location of the last Rust panic (any thread).
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Install the panic hook: panics are recorded (not printed) so that a panic
/// inside a native function becomes a Python exception (see
/// `interp::call::call_native`); one that escapes to the top is printed by
/// [`report_uncaught_panic`]. `KRAIT_PANIC_TRACE=1` prints every panic with
/// Rust's default hook as well.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        let verbose = std::env::var_os("KRAIT_PANIC_TRACE").is_some();
        std::panic::set_hook(Box::new(move |info| {
            let msg = match info.payload().downcast_ref::<&str>() {
                Some(s) => s.to_string(),
                None => info.payload().downcast_ref::<String>().cloned().unwrap_or_else(|| "panic".into()),
            };
            let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            if let Ok(mut g) = LAST_PANIC.lock() {
                *g = format!("{msg}{loc}");
            }
            if verbose {
                default(info);
            }
        }));
    });
}

/// The last recorded panic, e.g. "index out of bounds: ... at src/x.rs:12".
pub fn last_panic() -> String {
    LAST_PANIC.lock().map(|g| g.clone()).unwrap_or_default()
}

/// Print a panic that reached the top of a thread.
pub fn report_uncaught_panic() {
    eprintln!("krait: internal error (a bug in Krait): {}", last_panic());
}

/// The Python exception for a panic caught in the native function `name`.
/// An index out of bounds there is almost always a missing argument.
pub fn panic_to_pyerr(name: &str) -> PyErr {
    let what = last_panic();
    if what.starts_with("index out of bounds") {
        return PyErr::type_error(format!("{name}() missing required argument"));
    }
    PyErr::new(&crate::types::types().exc.system_error, format!("internal error in {name}() (a bug in Krait): {what}"))
}
