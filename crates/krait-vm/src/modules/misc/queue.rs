//! `_queue`: `SimpleQueue`, the unbounded FIFO queue `queue.py` re-exports,
//! and `_queue.Empty`.
//!
//! Items live in a `VecDeque<Value>` touched only under the GIL. A blocked
//! `get` releases the GIL and sleeps on a counter-and-condvar "doorbell" that
//! every `put` rings, so a consumer wakes as soon as an item arrives; it then
//! takes the GIL back (with priority) and pops.

use crate::modules::native::{native_data, new_exception, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeKind};
use crate::types::module::{new_module, set_attr};
use crate::types::{add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

static QUEUE_TYPE: GilSlot = GilSlot::new();
static EMPTY: GilSlot = GilSlot::new();

#[derive(Default)]
struct Doorbell {
    rings: Mutex<(u64, u32)>, // (puts so far, sleeping getters)
    cv: Condvar,
}

struct SimpleQueue {
    items: VecDeque<Value>,
    bell: Arc<Doorbell>,
}

native_data!(SimpleQueue, items);

fn empty_error(vm: &mut Vm) -> Value {
    EMPTY.get_or_init(|| new_exception(vm, "_queue", "Empty", &[types().exc.exception.clone()]))
}

fn q<R: Default>(v: &Value, f: impl FnOnce(&mut SimpleQueue) -> R) -> PyResult<R> {
    with_opaque::<SimpleQueue, _>(v, f).ok_or_else(|| PyErr::type_error("descriptor requires a '_queue.SimpleQueue' object"))
}

fn sq_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("SimpleQueue() takes no arguments"));
    }
    Ok(new_opaque(&args[0], SimpleQueue { items: VecDeque::new(), bell: Arc::new(Doorbell::default()) }))
}

fn put_value(v: &Value, item: Value) -> PyResult<()> {
    let bell = q(v, |s| {
        s.items.push_back(item);
        Some(s.bell.clone())
    })?;
    if let Some(bell) = bell {
        let mut g = bell.rings.lock().unwrap_or_else(|e| e.into_inner());
        g.0 += 1;
        let sleepers = g.1;
        drop(g);
        crate::gil::mark_interactive();
        if sleepers > 0 {
            bell.cv.notify_one();
        }
    }
    Ok(())
}

fn sq_put(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, item, _block, _timeout] = crate::args::bind("put", args, kw, &["self", "item", "block=", "timeout="])?;
    put_value(&this.unwrap_or(Value::NONE), item.unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn sq_put_nowait(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, item] = crate::args::bind("put_nowait", args, kw, &["self", "item"])?;
    put_value(&this.unwrap_or(Value::NONE), item.unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn get_value(vm: &mut Vm, this: &Value, block: bool, timeout: Option<Duration>) -> PyResult<Value> {
    crate::gil::mark_interactive();
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let (item, bell) = q(this, |s| (s.items.pop_front(), Some(s.bell.clone())))?;
        if let Some(item) = item {
            return Ok(item);
        }
        let Some(bell) = bell else { return Err(PyErr::type_error("bad queue")) };
        if !block || deadline.map_or(false, |d| Instant::now() >= d) {
            let e = empty_error(vm);
            return Err(PyErr::bare(&e));
        }
        // Sleep until a put rings (or 20 ms pass, to run signal handlers).
        let seen = bell.rings.lock().unwrap_or_else(|e| e.into_inner()).0;
        let mut slice = Duration::from_millis(20);
        if let Some(d) = deadline {
            slice = slice.min(d.saturating_duration_since(Instant::now()));
        }
        // An item may have arrived between the pop and reading `seen`.
        if q(this, |s| !s.items.is_empty())? {
            continue;
        }
        crate::gil::allow_threads(vm, || {
            let mut g = bell.rings.lock().unwrap_or_else(|e| e.into_inner());
            g.1 += 1;
            let end = Instant::now() + slice;
            while g.0 == seen {
                let now = Instant::now();
                if now >= end {
                    break;
                }
                g = match bell.cv.wait_timeout(g, end - now) {
                    Ok((g, _)) => g,
                    Err(e) => e.into_inner().0,
                };
            }
            g.1 -= 1;
        });
        crate::interp::signals::periodic_check(vm)?;
    }
}

fn sq_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, block, timeout] = crate::args::bind("get", args, kw, &["self", "block=", "timeout="])?;
    let block = match block {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = match timeout.filter(|t| !t.is_none()) {
        None => None,
        Some(t) => {
            let f = match crate::types::float::real_operand(&t) {
                Some(r) => r?,
                None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer or float", crate::types::type_ref(&t).type_name_str()))),
            };
            if f < 0.0 {
                return Err(PyErr::value_error("'timeout' must be a non-negative number"));
            }
            Some(Duration::from_secs_f64(f.min(1e9)))
        }
    };
    get_value(vm, &this.unwrap_or(Value::NONE), block, timeout)
}

fn sq_get_nowait(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this] = crate::args::bind("get_nowait", args, kw, &["self"])?;
    get_value(vm, &this.unwrap_or(Value::NONE), false, None)
}

fn sq_empty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this] = crate::args::bind("empty", args, kw, &["self"])?;
    Ok(Value::bool(q(&this.unwrap_or(Value::NONE), |s| s.items.is_empty())?))
}

fn sq_qsize(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this] = crate::args::bind("qsize", args, kw, &["self"])?;
    Ok(Value::int(q(&this.unwrap_or(Value::NONE), |s| s.items.len() as i64)?))
}

fn sq_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let item = args.get(1).cloned().unwrap_or(Value::NONE);
    crate::types::type_::generic_alias(vm, &cls, &item)
}

fn queue_type() -> Value {
    QUEUE_TYPE.get_or_init(|| {
        let t = new_type("_queue", "SimpleQueue", None);
        add_native(&t, "__new__", sq_new, NativeKind::StaticMethod);
        add_method(&t, "put", sq_put);
        add_method(&t, "put_nowait", sq_put_nowait);
        add_method(&t, "get", sq_get);
        add_method(&t, "get_nowait", sq_get_nowait);
        add_method(&t, "empty", sq_empty);
        add_method(&t, "qsize", sq_qsize);
        add_native(&t, "__class_getitem__", sq_class_getitem, NativeKind::ClassMethod);
        t
    })
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("_queue");
    set_attr(&m, "SimpleQueue", queue_type());
    set_attr(&m, "Empty", empty_error(vm));
    m
}
