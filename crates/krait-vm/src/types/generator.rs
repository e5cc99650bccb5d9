//! Generators and coroutines: a suspended `Frame` in a box, resumed by
//! `send`, `throw` and `close`, plus the helpers of `yield from` / `await`
//! (`GetYieldFromIter`, `Send`, `GetAwaitable`).
//!
//! While running, the frame is taken out of the object (so no `RefCell`
//! borrow is held across Python code); `running` guards re-entry. The
//! exception being handled inside the generator is saved and restored
//! around each resumption, as CPython's `gi_exc_state` is.

use crate::interp::eval::{run, Exit};
use crate::interp::{unwind, Frame};
use crate::object::{FunctionData, Payload, PyObject};
use crate::types::{add_getset, add_method, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::code::flags;
use std::cell::RefCell;

pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub started: bool,
    /// The exception being handled inside the generator while suspended.
    pub exc_state: Value,
    pub name: Value,
    pub qualname: Value,
    /// Set on `yield from`/`await` suspension: the delegate (for gi_yieldfrom).
    pub kind: GenKind,
    /// The generator's code (kept after it finishes, for `gi_code`).
    pub code: std::rc::Rc<crate::interp::VmCode>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(frame: Frame, fd: &FunctionData) -> Value {
    let t = types();
    let f = frame.code.code.flags;
    let (ty, kind) = if f & flags::COROUTINE != 0 {
        (&t.coroutine, GenKind::Coroutine)
    } else if f & flags::ASYNC_GENERATOR != 0 {
        (&t.async_generator, GenKind::AsyncGenerator)
    } else {
        (&t.generator, GenKind::Generator)
    };
    let st = GenState {
        code: frame.code.clone(),
        frame: Some(Box::new(frame)),
        running: false,
        started: false,
        exc_state: Value::NONE,
        name: fd.name.borrow().clone(),
        qualname: fd.qualname.borrow().clone(),
        kind,
    };
    Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Generator(RefCell::new(st))))
}

fn state(g: &Value) -> Option<&RefCell<GenState>> {
    match &g.as_obj()?.payload {
        Payload::Generator(s) => Some(s),
        _ => None,
    }
}

fn kind_word(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resume the generator with `value` sent in, or with `exc` thrown in.
fn resume(vm: &mut Vm, g: &Value, value: Value, exc: Option<PyErr>) -> PyResult<SendResult> {
    let cell = state(g).unwrap();
    let (mut frame, kind) = {
        let mut st = cell.borrow_mut();
        if st.running {
            return Err(PyErr::value_error(format!("{} already executing", kind_word(st.kind))));
        }
        let kind = st.kind;
        match st.frame.take() {
            Some(f) => {
                if !st.started && exc.is_none() && !value.is_none() {
                    st.frame = Some(f);
                    return Err(PyErr::type_error(format!(
                        "can't send non-None value to a just-started {}",
                        kind_word(kind)
                    )));
                }
                st.running = true;
                (f, kind)
            }
            None => {
                drop(st);
                if kind == GenKind::Coroutine && exc.is_none() {
                    return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
                }
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(SendResult::Returned(Value::NONE)),
                };
            }
        }
    };
    let started = std::mem::replace(&mut cell.borrow_mut().started, true);
    if !started {
        if let Some(e) = exc {
            // Thrown into a just-created generator: raised before its first
            // instruction, so no handler of its body sees it.
            crate::types::exception::add_traceback(&e.exc, &frame);
            cell.borrow_mut().running = false;
            drop(frame);
            return Err(e);
        }
    }
    // The exception being handled: the generator's own if it is inside an
    // `except` block, else the caller's (CPython chains the exc_info stack).
    let own = cell.borrow().exc_state.clone();
    let own_exc = own.clone();
    let entry = if own.is_none() { vm.handled_exc.clone() } else { own };
    frame.caller_exc = vm.handled_exc.clone();
    let saved = std::mem::replace(&mut vm.handled_exc, entry);
    let r = vm.enter_call().and_then(|_| {
        let r = match exc {
            None => {
                if started {
                    frame.stack.push(value);
                }
                run(vm, &mut frame)
            }
            Some(e) => match {
                // A thrown exception is chained to the generator's own
                // handled exception only (not its resumer's).
                if !own_exc.is_none() && !own_exc.is(&e.exc) {
                    crate::types::exception::set_context(&e.exc, own_exc.clone());
                }
                crate::types::exception::add_traceback(&e.exc, &frame);
                vm.reraising = true;
                unwind::handle(vm, &mut frame, e)
            } {
                Ok(()) => run(vm, &mut frame),
                Err(e) => Err(e),
            },
        };
        vm.leave_call();
        r
    });
    let inner_exc = std::mem::replace(&mut vm.handled_exc, saved);
    frame.caller_exc = Value::NULL;
    let mut st = cell.borrow_mut();
    st.running = false;
    match r {
        Ok(Exit::Yield(v)) => {
            st.exc_state = if frame.exc_depth == 0 { Value::NONE } else { inner_exc };
            st.frame = Some(frame);
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            st.exc_state = Value::NONE;
            drop(st);
            drop(frame);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            st.exc_state = Value::NONE;
            drop(st);
            drop(frame);
            let t = types();
            if e.matches(&t.exc.stop_iteration) {
                let msg = format!("{} raised StopIteration", kind_word(kind));
                let re = PyErr::runtime_error(msg);
                crate::types::exception::set_cause(&re.exc, e.exc.clone());
                crate::types::exception::set_context(&re.exc, e.exc);
                return Err(re);
            }
            if kind == GenKind::AsyncGenerator && e.matches(&t.exc.stop_async_iteration) {
                let re = PyErr::runtime_error("async generator raised StopAsyncIteration");
                crate::types::exception::set_cause(&re.exc, e.exc);
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `next(gen)`: None when it returns.
pub fn gen_next(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    match resume(vm, g, Value::NONE, None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(_) => Ok(None),
    }
}

fn stop_with(v: Value) -> PyErr {
    PyErr::stop_iteration(v)
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("send", &args[1..], kw, 1, 1)?;
    match resume(vm, &args[0], args[1].clone(), None)? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_with(v)),
    }
}

fn gen_next_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match resume(vm, &args[0], Value::NONE, None)? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_with(v)),
    }
}

/// The delegate of a generator suspended in `yield from` / `await`, if any.
fn yield_from_target(g: &Value) -> Option<Value> {
    let st = state(g)?.borrow();
    let f = st.frame.as_ref()?;
    if f.pc == 0 || !st.started {
        return None;
    }
    let prev = f.code.code.instrs.get(f.lasti)?;
    let before = f.code.code.instrs.get(f.lasti.checked_sub(1)?)?;
    if prev.op == krait_compiler::Op::YieldValue && before.op == krait_compiler::Op::Send {
        return f.stack.last().cloned();
    }
    None
}

/// Build the exception to throw from `throw(typ, val, tb)` arguments.
fn make_throw_exc(vm: &mut Vm, args: &[Value]) -> PyResult<PyErr> {
    let typ = args[1].clone();
    let val = args.get(2).cloned().unwrap_or(Value::NONE);
    let tb = args.get(3).cloned().unwrap_or(Value::NONE);
    if !tb.is_none() && crate::types::exception::traceback_data(&tb).is_none() {
        return Err(PyErr::type_error("throw() third argument must be a traceback object"));
    }
    let base = &types().exc.base_exception;
    let exc = if typ.as_obj().and_then(|o| o.as_type()).is_some() && crate::types::is_subtype(&typ, base) {
        // As CPython's normalisation: an error while instantiating (or a
        // constructor returning a non-exception) is what gets thrown in.
        let made = if crate::types::is_instance(&val, &typ) {
            Ok(val)
        } else if val.is_none() {
            vm.call(&typ, &[])
        } else if let Some(t) = val.as_tuple() {
            let t = t.to_vec();
            vm.call(&typ, &t)
        } else {
            vm.call(&typ, &[val])
        };
        match made {
            Ok(inst) if crate::types::is_instance(&inst, base) => inst,
            Ok(inst) => {
                let msg = format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr_string(&typ)?,
                    type_ref(&inst).type_name_str()
                );
                return Ok(PyErr::type_error(msg));
            }
            Err(e) => return Ok(e),
        }
    } else if crate::types::is_instance(&typ, base) {
        if !val.is_none() {
            return Err(PyErr::type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_ref(&typ).type_name_str()
        )));
    };
    if !tb.is_none() {
        crate::types::exception::set_traceback(&exc, tb);
    }
    Ok(PyErr::from_value(exc))
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(PyErr::type_error(format!("throw expected at least 1 argument, got {}", args.len() - 1)));
    }
    let g = &args[0];
    let err = make_throw_exc(vm, args)?;
    // Delegate to a sub-iterator first.
    if let Some(sub) = yield_from_target(g) {
        let r = delegate_throw(vm, g, &sub, &err);
        match r {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => {
                // The delegate finished with StopIteration: resume with its value.
                if e.matches(&types().exc.stop_iteration) {
                    let v = vm.getattr_str(&e.exc, "value").unwrap_or(Value::NONE);
                    // Pop the delegate and jump past the Send loop by sending the value.
                    return finish_yield_from(vm, g, v);
                }
                return match resume(vm, g, Value::NONE, Some(e))? {
                    SendResult::Yielded(v) => Ok(v),
                    SendResult::Returned(v) => Err(stop_with(v)),
                };
            }
        }
    }
    match resume(vm, g, Value::NONE, Some(err))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_with(v)),
    }
}

/// Throw `err` into the delegate `sub` of `g`, with `g` marked running, its
/// frame on the frame stack and its handled exception current (as if `g`
/// itself made the call). `Ok(None)`: the delegate was closed.
fn delegate_throw(vm: &mut Vm, g: &Value, sub: &Value, err: &PyErr) -> PyResult<Option<Value>> {
    let cell = state(g).unwrap();
    let (frame, own) = {
        let mut st = cell.borrow_mut();
        if st.running {
            return Err(PyErr::value_error(format!("{} already executing", kind_word(st.kind))));
        }
        st.running = true;
        (st.frame.take(), st.exc_state.clone())
    };
    if let Some(f) = &frame {
        vm.frames.push(&**f as *const Frame);
    }
    let saved = if own.is_none() { None } else { Some(std::mem::replace(&mut vm.handled_exc, own)) };
    let r = (|| {
        if err.matches(&types().exc.generator_exit) {
            return close_delegate(vm, sub).map(|_| None);
        }
        match vm.getattr_opt(sub, &Value::str("throw"))? {
            Some(th) => {
                let ty = crate::types::type_of(&err.exc);
                vm.call(&th, &[ty, err.exc.clone()]).map(Some)
            }
            None => Err(err.clone()),
        }
    })();
    if let Some(s) = saved {
        vm.handled_exc = s;
    }
    if frame.is_some() {
        vm.frames.pop();
    }
    let mut st = cell.borrow_mut();
    st.running = false;
    st.frame = frame;
    r
}

/// After a delegate returned `v` during `throw`: make the frame continue at
/// the Send's exit with `v` as the result of the `yield from`.
fn finish_yield_from(vm: &mut Vm, g: &Value, v: Value) -> PyResult<Value> {
    {
        let cell = state(g).unwrap();
        let mut st = cell.borrow_mut();
        if let Some(f) = st.frame.as_mut() {
            let send_ix = f.lasti - 1;
            let target = f.code.code.instrs[send_ix].arg as usize;
            f.stack.pop();
            f.stack.push(v);
            f.pc = target;
            // The resume below pushes the sent value; compensate by marking
            // the frame as not yet expecting one.
            st.started = false;
        }
    }
    match resume(vm, g, Value::NONE, None)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(stop_with(r)),
    }
}

fn close_delegate(vm: &mut Vm, sub: &Value) -> PyResult<()> {
    if let Some(c) = vm.getattr_opt(sub, &Value::str("close"))? {
        vm.call(&c, &[])?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn gen_close_value(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let Some(st) = state(g) else { return Ok(()) };
    if st.borrow().frame.is_none() {
        return Ok(());
    }
    if !st.borrow().started {
        st.borrow_mut().frame = None;
        return Ok(());
    }
    let t = types();
    if let Some(sub) = yield_from_target(g) {
        close_delegate(vm, &sub)?;
    }
    let exc = PyErr::bare(&t.exc.generator_exit);
    match resume(vm, g, Value::NONE, Some(exc)) {
        Ok(SendResult::Yielded(_)) => {
            let kind = st.borrow().kind;
            Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", kind_word(kind))))
        }
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e) if e.matches(&t.exc.generator_exit) || e.matches(&t.exc.stop_iteration) => Ok(()),
        Err(e) => Err(e),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    gen_close_value(vm, &args[0])?;
    Ok(Value::NONE)
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn gen_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let st = state(&args[0]).unwrap().borrow();
    Ok(Value::string(format!(
        "<{} object {} at {:#x}>",
        kind_word(st.kind),
        st.qualname.as_str().unwrap_or("?"),
        args[0].id()
    )))
}

fn gen_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(state(&args[0]).unwrap().borrow().name.clone())
}
fn gen_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(state(&args[0]).unwrap().borrow().qualname.clone())
}
fn set_name_field(args: &[Value], what: &str, qual: bool) -> PyResult<Value> {
    let v = &args[1];
    if v.is_null() || v.as_pystr().is_none() {
        return Err(PyErr::type_error(format!("{what} must be set to a string object")));
    }
    let cell = state(&args[0]).unwrap();
    let old = {
        let mut st = cell.borrow_mut();
        let slot = if qual { &mut st.qualname } else { &mut st.name };
        std::mem::replace(slot, v.clone())
    };
    drop(old);
    Ok(Value::NONE)
}
fn gen_set_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    set_name_field(args, "__name__", false)
}
fn gen_set_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    set_name_field(args, "__qualname__", true)
}
fn gen_running(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(state(&args[0]).unwrap().borrow().running))
}
fn gen_suspended(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let st = state(&args[0]).unwrap().borrow();
    Ok(Value::bool(st.started && st.frame.is_some() && !st.running))
}
fn gen_frame(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let st = state(&args[0]).unwrap().borrow();
    Ok(match &st.frame {
        Some(f) => f.object(),
        None => Value::NONE,
    })
}
fn gen_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let code = state(&args[0]).unwrap().borrow().code.clone();
    Ok(crate::interp::VmCode::object(&code))
}
fn gen_yieldfrom(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(yield_from_target(&args[0]).unwrap_or(Value::NONE))
}

fn coro_await(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// `GetYieldFromIter`.
pub fn yield_from_iter(vm: &mut Vm, v: &Value, code: &crate::interp::VmCode) -> PyResult<Value> {
    if let Some(st) = state(v) {
        let k = st.borrow().kind;
        if k == GenKind::Coroutine && code.code.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
            return Err(PyErr::type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(v.clone());
    }
    vm.iter(v)
}

/// `Send`: push `v` into `recv`.
pub fn send_into(vm: &mut Vm, recv: &Value, v: Value) -> PyResult<SendResult> {
    if state(recv).is_some() {
        return resume(vm, recv, v, None);
    }
    let r = if v.is_none() {
        match crate::types::lookup(type_ref(recv), "__next__") {
            Some(f) => vm.call(&f, &[recv.clone()]),
            None => return Err(PyErr::type_error(format!("'{}' object is not an iterator", type_ref(recv).type_name_str()))),
        }
    } else {
        vm.call_method(recv, "send", &[v])
    };
    match r {
        Ok(y) => Ok(SendResult::Yielded(y)),
        Err(e) if e.matches(&types().exc.stop_iteration) => {
            let val = vm.getattr_str(&e.exc, "value").unwrap_or(Value::NONE);
            Ok(SendResult::Returned(val))
        }
        Err(e) => Err(e),
    }
}

/// `GetAwaitable`: the iterator behind `await v`.
pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(st) = state(v) {
        let s = st.borrow();
        if s.kind == GenKind::Coroutine {
            if s.running {
                return Err(PyErr::runtime_error("coroutine is being awaited already"));
            }
            return Ok(v.clone());
        }
        if s.kind == GenKind::Generator {
            if let Some(f) = &s.frame {
                if f.code.code.flags & flags::ITERABLE_COROUTINE != 0 {
                    return Ok(v.clone());
                }
            }
        }
    }
    match crate::types::lookup(type_ref(v), "__await__") {
        Some(f) => {
            let it = vm.call(&f, &[v.clone()])?;
            if state(&it).map_or(false, |s| s.borrow().kind == GenKind::Coroutine) {
                return Err(PyErr::type_error("__await__() returned a coroutine"));
            }
            if crate::types::lookup(type_ref(&it), "__next__").is_none() {
                return Err(PyErr::type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    type_ref(&it).type_name_str()
                )));
            }
            Ok(it)
        }
        None => Err(PyErr::type_error(format!(
            "object {} can't be used in 'await' expression",
            type_ref(v).type_name_str()
        ))),
    }
}

pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::types::lookup(type_ref(v), "__aiter__") {
        Some(f) => vm.call(&f, &[v.clone()]),
        None => Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_ref(v).type_name_str()
        ))),
    }
}

pub fn get_anext(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::types::lookup(type_ref(v), "__anext__") {
        Some(f) => {
            let aw = vm.call(&f, &[v.clone()])?;
            get_awaitable(vm, &aw)
        }
        None => Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_ref(v).type_name_str()
        ))),
    }
}

// ------------------------------------------------------------ async generators
//
// `anext(agen)` / `agen.asend(v)` / `agen.athrow(...)` return an awaitable
// that resumes the generator frame when the event loop drives it. A plain
// `yield x` in the async generator (`YieldValue 0`) finishes the awaitable
// with StopIteration(x); a yield inside an `await` (`YieldValue 1`) is passed
// out to the event loop; returning ends iteration with StopAsyncIteration.

struct AsendState {
    gen: Value,
    /// The value to send first (asend), or the exception to throw (athrow).
    value: Value,
    throw: Option<Value>,
    /// 0 not started, 1 running, 2 finished.
    state: u8,
    /// `aclose()`: a yield after GeneratorExit is a RuntimeError.
    closing: bool,
}

impl crate::object::NativeData for AsendState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.gen);
        f(&self.value);
        if let Some(t) = &self.throw {
            f(t);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.gen, Value::NONE));
        out.push(std::mem::replace(&mut self.value, Value::NONE));
        if let Some(t) = self.throw.take() {
            out.push(t);
        }
    }
}

fn asend_type() -> Value {
    static T: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));
    T.with(|t| {
        if let Some(v) = t.borrow().as_ref() {
            return v.clone();
        }
        let d = crate::types::dict::new_dict();
        let td = crate::types::new_type_data_pub("async_generator_asend", d, false);
        let o = PyObject::new(types().type_.as_obj().unwrap(), Payload::Type(td));
        let obj = types().object.to_obj().unwrap();
        o.type_data().solid_base.set(&*o as *const PyObject);
        *o.type_data().mro.borrow_mut() = vec![o.clone(), obj.clone()];
        *o.type_data().bases.borrow_mut() = vec![obj];
        let v = Value::from_obj(o);
        add_method(&v, "__await__", asend_self);
        add_method(&v, "__iter__", asend_self);
        add_method(&v, "__next__", asend_next);
        add_method(&v, "send", asend_send);
        add_method(&v, "throw", asend_throw);
        add_method(&v, "close", asend_close);
        *t.borrow_mut() = Some(v.clone());
        v
    })
}

fn new_asend(gen: Value, value: Value, throw: Option<Value>, closing: bool) -> Value {
    let st = AsendState { gen, value, throw, state: 0, closing };
    Value::from_obj(PyObject::new(
        asend_type().as_obj().unwrap(),
        Payload::Opaque(RefCell::new(Box::new(st))),
    ))
}

fn with_asend<R>(v: &Value, f: impl FnOnce(&mut AsendState) -> R) -> PyResult<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => match b.borrow_mut().downcast_mut::<AsendState>() {
            Some(st) => Ok(f(st)),
            None => Err(PyErr::type_error("async_generator_asend expected")),
        },
        _ => Err(PyErr::type_error("async_generator_asend expected")),
    }
}

/// Whether the generator's last yield was a plain `yield` (not inside an await).
fn yielded_plainly(g: &Value) -> bool {
    let Some(st) = state(g) else { return true };
    let st = st.borrow();
    match &st.frame {
        Some(f) => f.code.code.instrs.get(f.lasti).map_or(true, |i| i.op != krait_compiler::Op::YieldValue || i.arg == 0),
        None => true,
    }
}

/// Drive the async generator one step with `value` (or an exception).
fn asend_step(vm: &mut Vm, aw: &Value, value: Value, exc: Option<PyErr>) -> PyResult<Value> {
    let (gen, first_value, first_throw, st, closing) =
        with_asend(aw, |s| (s.gen.clone(), s.value.clone(), s.throw.take(), s.state, s.closing))?;
    if st == 2 {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let (value, exc) = if st == 0 {
        with_asend(aw, |s| s.state = 1)?;
        match first_throw {
            Some(e) => (Value::NONE, Some(PyErr::from_value(e))),
            None => (if value.is_none() { first_value } else { value }, exc),
        }
    } else {
        (value, exc)
    };
    let r = resume(vm, &gen, value, exc);
    let t = types();
    match r {
        Ok(SendResult::Yielded(y)) => {
            if yielded_plainly(&gen) {
                with_asend(aw, |s| s.state = 2)?;
                if closing {
                    return Err(PyErr::runtime_error("async generator ignored GeneratorExit"));
                }
                Err(PyErr::stop_iteration(y))
            } else {
                Ok(y)
            }
        }
        Ok(SendResult::Returned(_)) => {
            with_asend(aw, |s| s.state = 2)?;
            if closing {
                return Err(PyErr::stop_iteration(Value::NONE));
            }
            Err(PyErr::bare(&t.exc.stop_async_iteration))
        }
        Err(e) => {
            with_asend(aw, |s| s.state = 2)?;
            if closing && (e.matches(&t.exc.generator_exit) || e.matches(&t.exc.stop_async_iteration)) {
                return Err(PyErr::stop_iteration(Value::NONE));
            }
            Err(e)
        }
    }
}

fn asend_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}
fn asend_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    asend_step(vm, &args[0], Value::NONE, None)
}
fn asend_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    asend_step(vm, &args[0], args.get(1).cloned().unwrap_or(Value::NONE), None)
}
fn asend_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = make_throw_exc(vm, args)?;
    asend_step(vm, &args[0], Value::NONE, Some(e))
}
fn asend_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    with_asend(&args[0], |s| s.state = 2)?;
    Ok(Value::NONE)
}

fn agen_aiter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}
fn agen_anext(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_asend(args[0].clone(), Value::NONE, None, false))
}
fn agen_asend(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("asend", &args[1..], kw, 1, 1)?;
    Ok(new_asend(args[0].clone(), args[1].clone(), None, false))
}
fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(PyErr::type_error("athrow expected at least 1 argument, got 0"));
    }
    let e = make_throw_exc(vm, args)?;
    Ok(new_asend(args[0].clone(), Value::NONE, Some(e.exc), false))
}
fn agen_aclose(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = PyErr::bare(&types().exc.generator_exit).exc;
    let started = state(&args[0]).map_or(false, |s| s.borrow().started && s.borrow().frame.is_some());
    if !started {
        if let Some(s) = state(&args[0]) {
            s.borrow_mut().frame = None;
        }
    }
    Ok(new_asend(args[0].clone(), Value::NONE, if started { Some(exc) } else { None }, true))
}

pub fn init(t: &Types) {
    for ty in [&t.generator, &t.coroutine, &t.async_generator] {
        add_method(ty, "send", gen_send);
        add_method(ty, "throw", gen_throw);
        add_method(ty, "close", gen_close);
        add_method(ty, "__repr__", gen_repr);
        add_getset(ty, "__name__", gen_name, Some(gen_set_name));
        add_getset(ty, "__qualname__", gen_qualname, Some(gen_set_qualname));
    }
    let g = &t.generator;
    add_method(g, "__iter__", gen_iter);
    add_method(g, "__next__", gen_next_m);
    add_getset(g, "gi_running", gen_running, None);
    add_getset(g, "gi_suspended", gen_suspended, None);
    add_getset(g, "gi_frame", gen_frame, None);
    add_getset(g, "gi_code", gen_code, None);
    add_getset(g, "gi_yieldfrom", gen_yieldfrom, None);
    let ag = &t.async_generator;
    add_method(ag, "__aiter__", agen_aiter);
    add_method(ag, "__anext__", agen_anext);
    add_method(ag, "asend", agen_asend);
    add_method(ag, "athrow", agen_athrow);
    add_method(ag, "aclose", agen_aclose);
    add_getset(ag, "ag_running", gen_running, None);
    add_getset(ag, "ag_frame", gen_frame, None);
    add_getset(ag, "ag_code", gen_code, None);
    let c = &t.coroutine;
    add_method(c, "__await__", coro_await);
    add_getset(c, "cr_running", gen_running, None);
    add_getset(c, "cr_suspended", gen_suspended, None);
    add_getset(c, "cr_frame", gen_frame, None);
    add_getset(c, "cr_code", gen_code, None);
    add_getset(c, "cr_await", gen_yieldfrom, None);
}
