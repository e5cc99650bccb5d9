//! Frame objects and traceback objects as Python sees them.
//!
//! A frame object is made on demand (`sys._getframe`, a traceback entry,
//! `gen.gi_frame`) and cached in the `Frame` it describes, so the same
//! activation always gives the same object. While the activation exists the
//! object reads through `live` (locals, current line, caller); when the
//! activation ends (`Frame::detach`) the object keeps what it needs: the
//! last instruction, a copy of the fast locals (only when someone else still
//! holds the object) and its caller's frame object.

use crate::args::bind;
use crate::interp::{Frame, VmCode};
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_getset, add_method, add_native, dict, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct TracebackData {
    pub code: Rc<VmCode>,
    pub lasti: usize,
    pub next: RefCell<Value>,
    pub globals: Value,
    /// The frame object (None for entries built without one).
    pub frame: Value,
    /// `tb_lineno` given to the constructor (else `NOT_GIVEN`: derived from `lasti`).
    pub line: i64,
    /// `tb_lasti` given to the constructor (else `NOT_GIVEN`).
    pub lasti_given: i64,
}

const NOT_GIVEN: i64 = i64::MIN;

impl TracebackData {
    pub fn next(&self) -> Value {
        self.next.borrow().clone()
    }
    pub fn lineno(&self) -> i64 {
        if self.line == NOT_GIVEN {
            self.code.line_of(self.lasti) as i64
        } else {
            self.line
        }
    }
    pub fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        if let Ok(n) = self.next.try_borrow() {
            f(&n);
        }
        f(&self.globals);
        f(&self.frame);
    }
}

/// The payload of a frame object (boxed: objects pay for the largest payload).
pub struct FrameSnapshot(pub Box<FrameData>);

impl std::ops::Deref for FrameSnapshot {
    type Target = FrameData;
    fn deref(&self) -> &FrameData {
        &self.0
    }
}

pub struct FrameData {
    pub code: Rc<VmCode>,
    pub globals: Value,
    /// The namespace of a module or class body (NULL in functions).
    pub locals_map: Value,
    /// The activation, while it exists (null afterwards).
    pub live: Cell<*const Frame>,
    /// The last instruction, once the activation has ended.
    pub lasti: Cell<usize>,
    /// `f_back` once the activation has ended (None when unknown).
    pub back: RefCell<Value>,
    /// The fast locals and cells kept when the activation ended.
    pub dead_fast: RefCell<Option<Vec<Value>>>,
    /// `f_locals` of an ended function frame, built on first use (NULL).
    pub locals_dict: RefCell<Value>,
    pub trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
}

impl FrameData {
    pub fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.globals);
        f(&self.locals_map);
        if let Ok(b) = self.back.try_borrow() {
            f(&b);
        }
        if let Ok(d) = self.dead_fast.try_borrow() {
            if let Some(v) = d.as_ref() {
                v.iter().for_each(&mut *f);
            }
        }
        if let Ok(d) = self.locals_dict.try_borrow() {
            f(&d);
        }
        if let Ok(t) = self.trace.try_borrow() {
            f(&t);
        }
    }

    fn live(&self) -> Option<&Frame> {
        let p = self.live.get();
        // SAFETY: `live` is cleared by `Frame::detach` before the activation
        // goes away, and refreshed by `eval::run` if the frame has moved.
        (!p.is_null()).then(|| unsafe { &*p })
    }

    fn cur_lasti(&self) -> usize {
        self.live().map_or(self.lasti.get(), |f| f.lasti)
    }
}

fn snapshot(code: Rc<VmCode>, globals: Value, locals_map: Value, live: *const Frame, lasti: usize, back: Value) -> Value {
    Value::from_obj(PyObject::new(
        types().frame.as_obj().unwrap(),
        Payload::Frame(FrameSnapshot(Box::new(FrameData {
            code,
            globals,
            locals_map,
            live: Cell::new(live),
            lasti: Cell::new(lasti),
            back: RefCell::new(back),
            dead_fast: RefCell::new(None),
            locals_dict: RefCell::new(Value::NULL),
            trace: RefCell::new(Value::NONE),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        }))),
    ))
}

/// A frame object not tied to an activation.
pub fn detached_frame_object(code: Rc<VmCode>, globals: Value, lasti: usize, back: Value) -> Value {
    snapshot(code, globals, Value::NULL, std::ptr::null(), lasti, back)
}

pub fn frame_snapshot(v: &Value) -> Option<&FrameSnapshot> {
    match &v.as_obj()?.payload {
        Payload::Frame(f) => Some(f),
        _ => None,
    }
}

impl Frame {
    /// The frame object of this activation (made on first request).
    pub fn object(&self) -> Value {
        let cur = self.obj.replace(Value::NULL);
        let v = if cur.is_null() {
            snapshot(self.code.clone(), self.globals.clone(), self.locals.clone(), self as *const Frame, self.lasti, Value::NONE)
        } else {
            cur
        };
        self.obj.set(v.clone());
        v
    }

    /// Whether a frame object has been made for this activation.
    #[inline]
    pub fn has_object(&self) -> bool {
        // SAFETY: a plain read of the cell's value; no reference escapes.
        unsafe { !(*self.obj.as_ptr()).is_null() }
    }

    /// Whether the frame object exists and someone besides this frame holds it.
    #[inline]
    pub fn object_shared(&self) -> bool {
        // SAFETY: as in `has_object`.
        unsafe { (*self.obj.as_ptr()).refcount() > 1 }
    }

    /// Visit the frame object (for the cycle collector).
    pub fn visit_object(&self, f: &mut dyn FnMut(&Value)) {
        // SAFETY: as in `has_object`.
        unsafe { f(&*self.obj.as_ptr()) }
    }

    /// Make the frame object (if any) point at this activation again after
    /// the `Frame` moved.
    #[inline]
    pub fn relink_object(&self) {
        if self.has_object() {
            let o = self.obj.replace(Value::NULL);
            if let Some(fs) = frame_snapshot(&o) {
                fs.live.set(self as *const Frame);
            }
            self.obj.set(o);
        }
    }

    /// The activation ends: its frame object keeps the last instruction and,
    /// if anyone else holds it, the locals and `back` (the caller's frame
    /// object, or NULL to leave it as it is).
    pub(crate) fn detach(&mut self, back: Value) {
        let o = self.obj.replace(Value::NULL);
        if o.is_null() {
            return;
        }
        if let Some(fs) = frame_snapshot(&o) {
            fs.live.set(std::ptr::null());
            fs.lasti.set(self.lasti);
            if o.refcount() > 1 {
                let vals: Vec<Value> = self.fast.iter().cloned().collect();
                *fs.dead_fast.borrow_mut() = Some(vals);
                if !back.is_null() {
                    let old = std::mem::replace(&mut *fs.back.borrow_mut(), back);
                    drop(old);
                }
            }
        }
        drop(o);
    }
}

/// The frame object `depth` levels below the top (`sys._getframe`).
pub fn frame_object_at(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let n = vm.frames.len() as i64;
    if depth >= n || depth < 0 {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // SAFETY: frames listed in `vm.frames` are running.
    let f = unsafe { &*vm.frames[(n - 1 - depth) as usize] };
    Ok(f.object())
}

/// The frame object of the caller of the activation `p`, if it is running.
fn caller_object(vm: &Vm, p: *const Frame) -> Value {
    match vm.frames.iter().rposition(|&q| q == p) {
        // SAFETY: as in `frame_object_at`.
        Some(i) if i > 0 => unsafe { &*vm.frames[i - 1] }.object(),
        _ => Value::NONE,
    }
}

/// A new traceback entry for `f` at its current instruction, before `next`.
pub fn new_traceback(f: &Frame, next: Value) -> Value {
    Value::from_obj(PyObject::new(
        types().traceback.as_obj().unwrap(),
        Payload::Traceback(TracebackData {
            code: f.code.clone(),
            lasti: f.lasti,
            next: RefCell::new(next),
            globals: f.globals.clone(),
            frame: f.object(),
            line: NOT_GIVEN,
            lasti_given: NOT_GIVEN,
        }),
    ))
}

pub fn traceback_data(tb: &Value) -> Option<&TracebackData> {
    match &tb.as_obj()?.payload {
        Payload::Traceback(t) => Some(t),
        _ => None,
    }
}

// ------------------------------------------------------------ traceback

fn tb(args: &[Value]) -> PyResult<&TracebackData> {
    traceback_data(&args[0]).ok_or_else(|| PyErr::type_error("descriptor requires a 'traceback' object"))
}
fn tb_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(tb(args)?.next())
}
fn tb_set_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = tb(args)?;
    let new = &args[1];
    if new.is_null() {
        return Err(PyErr::type_error("can't delete tb_next attribute"));
    }
    if !new.is_none() {
        if traceback_data(new).is_none() {
            return Err(PyErr::type_error(format!(
                "expected traceback object or None, got '{}'",
                crate::types::type_ref(new).type_name_str()
            )));
        }
        // No loops.
        let mut cur = new.clone();
        while let Some(d) = traceback_data(&cur) {
            if cur.is(&args[0]) {
                return Err(PyErr::value_error("traceback loop detected"));
            }
            cur = d.next();
        }
    }
    let old = std::mem::replace(&mut *t.next.borrow_mut(), new.clone());
    drop(old);
    Ok(Value::NONE)
}
fn tb_lineno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(tb(args)?.lineno()))
}
fn tb_lasti(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = tb(args)?;
    Ok(Value::int(if t.lasti_given == NOT_GIVEN { t.lasti as i64 * 2 } else { t.lasti_given }))
}
fn tb_frame(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = tb(args)?;
    if !t.frame.is_none() {
        return Ok(t.frame.clone());
    }
    Ok(detached_frame_object(t.code.clone(), t.globals.clone(), t.lasti, Value::NONE))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [next, frame, lasti, lineno] = bind("traceback", &args[1..], kw, &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"])?;
    let (next, frame, lasti, lineno) = (next.unwrap(), frame.unwrap(), lasti.unwrap(), lineno.unwrap());
    if !next.is_none() && traceback_data(&next).is_none() {
        return Err(PyErr::type_error(format!(
            "expected traceback object or None, got '{}'",
            crate::types::type_ref(&next).type_name_str()
        )));
    }
    let Some(fs) = frame_snapshot(&frame) else {
        return Err(PyErr::type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            crate::types::type_ref(&frame).type_name_str()
        )));
    };
    let int_arg = |vm: &mut Vm, v: &Value| -> PyResult<i64> {
        if !crate::types::is_instance(v, &types().int) {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::types::type_ref(v).type_name_str()
            )));
        }
        vm.index_value(v)
    };
    let lasti = int_arg(vm, &lasti)?;
    let lineno = int_arg(vm, &lineno)?;
    Ok(Value::from_obj(PyObject::new(
        types().traceback.as_obj().unwrap(),
        Payload::Traceback(TracebackData {
            code: fs.code.clone(),
            lasti: (lasti.max(0) / 2) as usize,
            next: RefCell::new(next),
            globals: fs.globals.clone(),
            frame: frame.clone(),
            line: lineno,
            lasti_given: lasti,
        }),
    )))
}

// ------------------------------------------------------------ frame

fn fr(args: &[Value]) -> PyResult<&FrameSnapshot> {
    frame_snapshot(&args[0]).ok_or_else(|| PyErr::type_error("descriptor requires a 'frame' object"))
}
fn frame_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(VmCode::object(&fr(args)?.code))
}
fn frame_globals(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(fr(args)?.globals.clone())
}
fn frame_lineno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    Ok(Value::int(f.code.line_of(f.cur_lasti()) as i64))
}
fn frame_lasti(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(fr(args)?.cur_lasti() as i64 * 2))
}

/// The name → value pairs of a function frame's fast locals and cells.
fn fast_pairs(code: &VmCode, fast: &[Value]) -> Vec<(Value, Value)> {
    let mut out = Vec::new();
    for (i, v) in fast.iter().enumerate() {
        if v.is_null() {
            continue;
        }
        if i < code.nlocals {
            if let Some(n) = code.varnames.get(i) {
                out.push((n.clone(), v.clone()));
            }
            continue;
        }
        let Some(n) = code.cell_names.get(i - code.nlocals) else { continue };
        let inner = match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => v.clone(),
        };
        if !inner.is_null() {
            out.push((n.clone(), inner));
        }
    }
    out
}

fn frame_locals(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    if !f.locals_map.is_null() {
        return Ok(f.locals_map.clone());
    }
    let pairs = if let Some(live) = f.live() {
        fast_pairs(&f.code, &live.fast)
    } else {
        let cached = f.locals_dict.borrow().clone();
        if !cached.is_null() {
            return Ok(cached);
        }
        let fast = f.dead_fast.borrow().clone().unwrap_or_default();
        fast_pairs(&f.code, &fast)
    };
    let d = dict::new_dict();
    for (k, v) in pairs {
        dict::dict_set_strvalue(&d, k, v);
    }
    if f.live().is_none() {
        *f.locals_dict.borrow_mut() = d.clone();
    }
    Ok(d)
}

fn frame_back(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    let p = f.live.get();
    if !p.is_null() {
        return Ok(caller_object(vm, p));
    }
    Ok(f.back.borrow().clone())
}
fn frame_builtins(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    if let Some(live) = f.live() {
        if live.builtins.as_dict().is_some() {
            return Ok(live.builtins.clone());
        }
    }
    Ok(vm.builtins_dict.clone())
}
fn frame_trace(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(fr(args)?.trace.borrow().clone())
}
fn frame_set_trace(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    let v = if args[1].is_null() { Value::NONE } else { args[1].clone() };
    let old = std::mem::replace(&mut *f.trace.borrow_mut(), v);
    drop(old);
    Ok(Value::NONE)
}
fn frame_trace_lines(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(fr(args)?.trace_lines.get()))
}
fn frame_set_trace_lines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    if !args[1].is_bool() {
        return Err(PyErr::type_error("attribute value type must be bool"));
    }
    let b = vm.truthy(&args[1])?;
    f.trace_lines.set(b);
    Ok(Value::NONE)
}
fn frame_trace_opcodes(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(fr(args)?.trace_opcodes.get()))
}
fn frame_set_trace_opcodes(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    if !args[1].is_bool() {
        return Err(PyErr::type_error("attribute value type must be bool"));
    }
    let b = vm.truthy(&args[1])?;
    f.trace_opcodes.set(b);
    Ok(Value::NONE)
}

/// `frame.clear()`: drop the locals of a finished frame.
fn frame_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    let p = f.live.get();
    if !p.is_null() {
        if vm.frames.contains(&p) {
            return Err(PyErr::runtime_error("cannot clear an executing frame"));
        }
        // A suspended generator's frame: CPython closes the generator; the
        // frame stays as it is here.
        return Ok(Value::NONE);
    }
    let fast = f.dead_fast.borrow_mut().take();
    let d = std::mem::replace(&mut *f.locals_dict.borrow_mut(), Value::NULL);
    drop(fast);
    drop(d);
    Ok(Value::NONE)
}

fn frame_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = fr(args)?;
    let line = f.code.line_of(f.cur_lasti());
    Ok(Value::string(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        args[0].id(),
        f.code.filename.as_str().unwrap_or("?"),
        line,
        f.code.name.as_str().unwrap_or("?")
    )))
}

pub fn init(t: &Types) {
    let tbt = &t.traceback;
    add_native(tbt, "__new__", tb_new, NativeKind::StaticMethod);
    add_getset(tbt, "tb_next", tb_next, Some(tb_set_next));
    add_getset(tbt, "tb_lineno", tb_lineno, None);
    add_getset(tbt, "tb_lasti", tb_lasti, None);
    add_getset(tbt, "tb_frame", tb_frame, None);
    let ft = &t.frame;
    add_getset(ft, "f_code", frame_code, None);
    add_getset(ft, "f_globals", frame_globals, None);
    add_getset(ft, "f_lineno", frame_lineno, None);
    add_getset(ft, "f_lasti", frame_lasti, None);
    add_getset(ft, "f_locals", frame_locals, None);
    add_getset(ft, "f_back", frame_back, None);
    add_getset(ft, "f_builtins", frame_builtins, None);
    add_getset(ft, "f_trace", frame_trace, Some(frame_set_trace));
    add_getset(ft, "f_trace_lines", frame_trace_lines, Some(frame_set_trace_lines));
    add_getset(ft, "f_trace_opcodes", frame_trace_opcodes, Some(frame_set_trace_opcodes));
    add_method(ft, "clear", frame_clear);
    add_method(ft, "__repr__", frame_repr);
}
