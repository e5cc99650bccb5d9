//! The dispatch loop.
//!
//! `run` executes a frame until it returns or yields. Each instruction is
//! one `match` arm of a few lines; longer behaviour lives in handler
//! functions (here or in `call`/`unwind`). An error from any arm goes to
//! `unwind::handle`, which records the traceback entry and jumps to the
//! handler from the exception table, or leaves the frame.

use crate::interp::{attrcache, unwind};
use crate::interp::Frame;
use crate::object::Payload;
use crate::types::{self, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind, Op};

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Run `f` until it returns or yields, handling exceptions raised inside it.
pub fn run(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    vm.frames.push(f as *const Frame);
    f.relink_object();
    let r = loop {
        match exec(vm, f) {
            Ok(exit) => break Ok(exit),
            Err(e) => {
                if let Err(e) = unwind::handle(vm, f, e) {
                    break Err(e);
                }
            }
        }
    };
    vm.frames.pop();
    r
}

macro_rules! pop {
    ($f:expr) => {
        $f.stack.pop().expect("stack underflow")
    };
}

macro_rules! top {
    ($f:expr) => {
        $f.stack.last().expect("stack underflow")
    };
}

fn exec(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    // SAFETY: a frame's code is never replaced while it runs, and the frame
    // (which owns an `Rc` of it) outlives this call.
    let code: &crate::interp::VmCode = unsafe { &*std::rc::Rc::as_ptr(&f.code) };
    let instrs = &code.code.instrs;
    // The instruction pointer lives in a register; `f.lasti` (stored every
    // instruction) is what the rest of the VM sees, and `f.pc` is written
    // back when the frame suspends. After an error the next instruction is
    // always `f.lasti + 1` (see `unwind::handle`).
    let mut pc = f.pc;
    loop {
        let ins = instrs[pc];
        f.lasti = pc;
        pc += 1;
        let arg = ins.arg as usize;
        match ins.op {
            Op::Nop => {}
            Op::PopTop => {
                pop!(f);
            }
            Op::PushNull => f.stack.push(Value::NULL),
            Op::Copy => {
                let v = f.stack[f.stack.len() - arg].clone();
                f.stack.push(v);
            }
            Op::Swap => {
                let n = f.stack.len();
                f.stack.swap(n - 1, n - arg);
            }
            Op::LoadConst => f.stack.push(code.consts[arg].clone()),
            Op::ReturnValue => {
                f.pc = pc;
                return Ok(Exit::Return(pop!(f)));
            }

            Op::LoadFast => {
                let v = f.fast[arg].clone();
                if v.is_null() {
                    return Err(unbound_local(&code.varnames[arg]));
                }
                f.stack.push(v);
            }
            Op::StoreFast => {
                let v = pop!(f);
                f.fast[arg] = v;
            }
            Op::DeleteFast => {
                if f.fast[arg].is_null() {
                    return Err(unbound_local(&code.varnames[arg]));
                }
                f.fast[arg] = Value::NULL;
            }
            Op::LoadDeref => {
                let v = cell_get(&f.fast[code.nlocals + arg]);
                if v.is_null() {
                    return Err(unbound_deref(&code, arg));
                }
                f.stack.push(v);
            }
            Op::StoreDeref => {
                let v = pop!(f);
                cell_set(&f.fast[code.nlocals + arg], v);
            }
            Op::DeleteDeref => {
                let c = &f.fast[code.nlocals + arg];
                if cell_get(c).is_null() {
                    return Err(unbound_deref(&code, arg));
                }
                cell_set(c, Value::NULL);
            }
            Op::LoadClosure => f.stack.push(f.fast[code.nlocals + arg].clone()),
            Op::LoadClassDeref => {
                let name = &code.cell_names[arg];
                let found = if f.locals.is_null() { None } else { mapping_get(vm, &f.locals, name)? };
                match found {
                    Some(v) => f.stack.push(v),
                    None => {
                        let v = cell_get(&f.fast[code.nlocals + arg]);
                        if v.is_null() {
                            return Err(unbound_deref(&code, arg));
                        }
                        f.stack.push(v);
                    }
                }
            }
            Op::LoadName => {
                let v = load_name(vm, f, &code.names[arg])?;
                f.stack.push(v);
            }
            Op::StoreName => {
                let v = pop!(f);
                let name = code.names[arg].clone();
                store_name(vm, f, name, v)?;
            }
            Op::DeleteName => {
                let name = &code.names[arg];
                let removed = if let Some(_) = f.locals.as_dict().filter(|_| is_exact_dict(&f.locals)) {
                    dict::dict_del(vm, &f.locals, name)?.is_some()
                } else {
                    vm.delitem(&f.locals, name).is_ok()
                };
                if !removed {
                    return Err(PyErr::name_error(format!("name '{}' is not defined", name.as_str().unwrap_or(""))));
                }
            }
            Op::LoadGlobal => {
                let v = load_global(vm, f, &code, pc - 1, arg)?;
                f.stack.push(v);
            }
            Op::StoreGlobal => {
                let v = pop!(f);
                dict::dict_set(vm, &f.globals, code.names[arg].clone(), v)?;
            }
            Op::DeleteGlobal => {
                let name = &code.names[arg];
                if dict::dict_del(vm, &f.globals, name)?.is_none() {
                    return Err(PyErr::name_error(format!("name '{}' is not defined", name.as_str().unwrap_or(""))));
                }
            }
            Op::LoadAttr => {
                let o = pop!(f);
                let v = attrcache::load_attr(vm, &code.attr_caches[pc - 1], &o, &code.names[arg])?;
                f.stack.push(v);
            }
            Op::StoreAttr => {
                let o = pop!(f);
                let v = pop!(f);
                attrcache::store_attr(vm, &code.attr_caches[pc - 1], &o, &code.names[arg], v)?;
            }
            Op::DeleteAttr => {
                let o = pop!(f);
                vm.delattr(&o, &code.names[arg])?;
            }
            Op::LoadMethod => {
                let o = pop!(f);
                attrcache::load_method(vm, f, &code.attr_caches[pc - 1], o, &code.names[arg])?;
            }
            Op::LoadLocals => {
                if f.locals.is_null() {
                    return Err(PyErr::new(&types().exc.system_error, "no locals found"));
                }
                f.stack.push(f.locals.clone());
            }
            Op::LoadBuildClass => {
                let v = dict::dict_get_str(&f.builtins, "__build_class__")
                    .ok_or_else(|| PyErr::name_error("__build_class__ not found"))?;
                f.stack.push(v);
            }
            Op::LoadAssertionError => f.stack.push(types().exc.assertion_error.clone()),
            Op::SetupAnnotations => setup_annotations(vm, f)?,

            Op::Call => {
                let base = f.stack.len() - arg - 2;
                let (ci, nargs) = if f.stack[base].is_null() { (base + 1, arg) } else { (base, arg + 1) };
                let r = match crate::interp::call::try_call_exact(vm, f, ci, nargs) {
                    Some(r) => r?,
                    None => {
                        let callable = f.stack[ci].clone();
                        vm.call(&callable, &f.stack[ci + 1..])?
                    }
                };
                f.stack.truncate(base);
                f.stack.push(r);
            }
            Op::CallKw => {
                let names = pop!(f);
                let kwnames = names.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                let base = f.stack.len() - arg - 2;
                let r = if f.stack[base].is_null() {
                    let callable = f.stack[base + 1].clone();
                    vm.call_kw(&callable, &f.stack[base + 2..], &kwnames)?
                } else {
                    let callable = f.stack[base].clone();
                    vm.call_kw(&callable, &f.stack[base + 1..], &kwnames)?
                };
                f.stack.truncate(base);
                f.stack.push(r);
            }
            Op::CallFunctionEx => {
                let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let args = pop!(f);
                let callable = pop!(f);
                let first = pop!(f);
                let r = crate::interp::call::call_ex(vm, first, callable, args, kwargs)?;
                f.stack.push(r);
            }
            Op::MakeFunction => {
                let func = crate::types::function::make_function(vm, f, arg as u32)?;
                f.stack.push(func);
            }

            Op::BinaryOp => {
                let b = pop!(f);
                let a = pop!(f);
                let (op, inplace) = BinOpKind::from_arg(arg as u32);
                let r = match fast_binop(&a, &b, op) {
                    Some(r) => r,
                    None => vm.binary_op(&a, &b, op, inplace)?,
                };
                f.stack.push(r);
            }
            Op::UnaryNegative => unary(vm, f, "__neg__")?,
            Op::UnaryPositive => unary(vm, f, "__pos__")?,
            Op::UnaryInvert => {
                let v = top!(f);
                if v.is_bool() {
                    let i = v.is_true_singleton() as i64;
                    *f.stack.last_mut().unwrap() = Value::int(!i);
                } else {
                    unary(vm, f, "__invert__")?
                }
            }
            Op::UnaryNot => {
                let v = pop!(f);
                let b = vm.truthy(&v)?;
                f.stack.push(Value::bool(!b));
            }
            Op::CompareOp => {
                let b = pop!(f);
                let a = pop!(f);
                let op = CmpOpKind::from_arg(arg as u32);
                let r = if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    Value::bool(crate::ops::arith::cmp_ord(x.cmp(&y), op))
                } else if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
                    Value::bool(crate::ops::arith::cmp_f64(x, y, op))
                } else {
                    vm.compare(&a, &b, op)?
                };
                f.stack.push(r);
            }
            Op::IsOp => {
                let b = pop!(f);
                let a = pop!(f);
                f.stack.push(Value::bool(a.is(&b) != (arg == 1)));
            }
            Op::ContainsOp => {
                let b = pop!(f);
                let a = pop!(f);
                let r = vm.contains(&b, &a)?;
                f.stack.push(Value::bool(r != (arg == 1)));
            }
            Op::BinarySubscr => {
                let k = pop!(f);
                let c = pop!(f);
                let r = vm.getitem(&c, &k)?;
                f.stack.push(r);
            }
            Op::StoreSubscr => {
                let k = pop!(f);
                let c = pop!(f);
                let v = pop!(f);
                vm.setitem(&c, &k, v)?;
            }
            Op::DeleteSubscr => {
                let k = pop!(f);
                let c = pop!(f);
                vm.delitem(&c, &k)?;
            }
            Op::BuildSlice => {
                let step = if arg == 3 { pop!(f) } else { Value::NONE };
                let stop = pop!(f);
                let start = pop!(f);
                f.stack.push(Value::slice(start, stop, step));
            }

            Op::BuildTuple => {
                let items = f.stack.split_off(f.stack.len() - arg);
                f.stack.push(Value::tuple(items));
            }
            Op::BuildList => {
                let items = f.stack.split_off(f.stack.len() - arg);
                f.stack.push(Value::list(items));
            }
            Op::BuildSet => {
                let items = f.stack.split_off(f.stack.len() - arg);
                let s = crate::types::set::new_set(vm, items)?;
                f.stack.push(s);
            }
            Op::BuildMap => {
                let items = f.stack.split_off(f.stack.len() - 2 * arg);
                let d = dict::new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict::dict_set(vm, &d, k, v)?;
                }
                f.stack.push(d);
            }
            Op::BuildConstKeyMap => {
                let keys = pop!(f);
                let vals = f.stack.split_off(f.stack.len() - arg);
                let d = dict::new_dict();
                let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                for (k, v) in keys.into_iter().zip(vals) {
                    dict::dict_set(vm, &d, k, v)?;
                }
                f.stack.push(d);
            }
            Op::BuildString => {
                let parts = f.stack.split_off(f.stack.len() - arg);
                let mut s = String::new();
                for p in &parts {
                    s.push_str(p.as_str().unwrap_or(""));
                }
                f.stack.push(Value::string(s));
            }
            Op::ListAppend => {
                let v = pop!(f);
                let l = &f.stack[f.stack.len() - arg];
                l.as_list().unwrap().borrow_mut().push(v);
            }
            Op::SetAdd => {
                let v = pop!(f);
                let s = f.stack[f.stack.len() - arg].clone();
                crate::types::set::set_add(vm, &s, v)?;
            }
            Op::MapAdd => {
                let v = pop!(f);
                let k = pop!(f);
                let d = f.stack[f.stack.len() - arg].clone();
                dict::dict_set(vm, &d, k, v)?;
            }
            Op::ListExtend => {
                let it = pop!(f);
                let l = f.stack[f.stack.len() - arg].clone();
                list_extend(vm, &l, &it)?;
            }
            Op::SetUpdate => {
                let it = pop!(f);
                let s = f.stack[f.stack.len() - arg].clone();
                for x in vm.collect(&it)? {
                    crate::types::set::set_add(vm, &s, x)?;
                }
            }
            Op::DictUpdate => {
                let m = pop!(f);
                let d = f.stack[f.stack.len() - arg].clone();
                crate::types::dict_methods::dict_update_from(vm, &d, &m, false)?;
            }
            Op::DictMerge => {
                let m = pop!(f);
                let d = f.stack[f.stack.len() - arg].clone();
                let callable = f.stack.get(f.stack.len().wrapping_sub(arg + 2)).cloned();
                crate::interp::call::dict_merge_kwargs(vm, &d, &m, callable)?;
            }
            Op::ListToTuple => {
                let l = pop!(f);
                let items = l.as_list().unwrap().borrow().clone();
                f.stack.push(Value::tuple(items));
            }
            Op::UnpackSequence => {
                let seq = pop!(f);
                unpack_sequence(vm, f, seq, arg)?;
            }
            Op::UnpackEx => {
                let seq = pop!(f);
                unpack_ex(vm, f, seq, arg & 0xff, arg >> 8)?;
            }

            Op::GetIter => {
                let v = pop!(f);
                let it = vm.iter(&v)?;
                f.stack.push(it);
            }
            Op::ForIter => {
                let it = top!(f);
                let next = match it.as_obj().map(|o| &o.payload) {
                    Some(Payload::Iter(_)) => crate::types::iter::iter_next_fast(vm, it)?,
                    _ => {
                        let it = it.clone();
                        vm.next(&it)?
                    }
                };
                match next {
                    Some(v) => f.stack.push(v),
                    None => {
                        pop!(f);
                        pc = arg;
                    }
                }
            }
            Op::Jump => pc = arg,
            Op::JumpBackward => {
                pc = arg;
                crate::interp::signals::periodic_check(vm)?;
            }
            Op::PopJumpIfFalse => {
                let v = pop!(f);
                if !fast_truthy(vm, &v)? {
                    pc = arg;
                }
            }
            Op::PopJumpIfTrue => {
                let v = pop!(f);
                if fast_truthy(vm, &v)? {
                    pc = arg;
                }
            }
            Op::PopJumpIfNone => {
                if pop!(f).is_none() {
                    pc = arg;
                }
            }
            Op::PopJumpIfNotNone => {
                if !pop!(f).is_none() {
                    pc = arg;
                }
            }
            Op::JumpIfFalseOrPop => {
                let v = top!(f).clone();
                if !fast_truthy(vm, &v)? {
                    pc = arg;
                } else {
                    pop!(f);
                }
            }
            Op::JumpIfTrueOrPop => {
                let v = top!(f).clone();
                if fast_truthy(vm, &v)? {
                    pc = arg;
                } else {
                    pop!(f);
                }
            }

            Op::FormatValue => {
                let spec = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                let v = pop!(f);
                let v = match arg & 3 {
                    1 => vm.str(&v)?,
                    2 => vm.repr(&v)?,
                    3 => crate::builtins::ascii_of(vm, &v)?,
                    _ => v,
                };
                let spec_s = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("").to_string();
                let r = vm.format(&v, &spec_s)?;
                f.stack.push(r);
            }
            Op::RaiseVarargs => return Err(unwind::raise_varargs(vm, f, arg)?),
            Op::Reraise => {
                let exc = pop!(f);
                if arg != 0 {
                    // The lasti saved by the handler sits `arg` deep; it stays there.
                    if let Some(i) = f.stack.get(f.stack.len().wrapping_sub(arg)).and_then(|v| v.as_i64()) {
                        f.reraise_lasti = Some(i as usize);
                    }
                }
                vm.reraising = true;
                return Err(PyErr::from_value(exc));
            }
            Op::PushExcInfo => {
                let exc = pop!(f);
                let prev = std::mem::replace(&mut vm.handled_exc, exc.clone());
                f.exc_depth += 1;
                f.stack.push(prev);
                f.stack.push(exc);
            }
            Op::PopExcept => {
                let prev = pop!(f);
                f.exc_depth = f.exc_depth.saturating_sub(1);
                vm.handled_exc = if f.exc_depth == 0 && !f.caller_exc.is_null() { f.caller_exc.clone() } else { prev };
            }
            Op::CheckExcMatch => {
                let ty = pop!(f);
                let exc = top!(f).clone();
                let m = unwind::exception_matches(vm, &exc, &ty)?;
                f.stack.push(Value::bool(m));
            }
            Op::CheckEgMatch => {
                let ty = pop!(f);
                let eg = pop!(f);
                let (rest, matched) = unwind::exception_group_match(vm, &eg, &ty)?;
                f.stack.push(rest);
                f.stack.push(matched);
            }
            Op::PrepReraiseStar => {
                let raised = pop!(f);
                let orig = pop!(f);
                let r = unwind::prep_reraise_star(vm, &orig, &raised)?;
                f.stack.push(r);
            }
            Op::WithExceptStart => {
                let n = f.stack.len();
                let exit = f.stack[n - 4].clone();
                let exc = f.stack[n - 1].clone();
                let ty = types::type_of(&exc);
                let tb = crate::types::exception::get_traceback(&exc);
                let r = vm.call(&exit, &[ty, exc, tb])?;
                f.stack.push(r);
            }
            Op::BeforeWith => {
                let mgr = pop!(f);
                let (exit, entered) = crate::interp::call::before_with(vm, &mgr, false)?;
                f.stack.push(exit);
                f.stack.push(entered);
            }
            Op::BeforeAsyncWith => {
                let mgr = pop!(f);
                let (exit, entered) = crate::interp::call::before_with(vm, &mgr, true)?;
                f.stack.push(exit);
                f.stack.push(entered);
            }

            Op::ImportName => {
                let fromlist = pop!(f);
                let level = pop!(f);
                let m = crate::import::import_name_op(vm, f, &code.names[arg], &fromlist, &level)?;
                f.stack.push(m);
            }
            Op::ImportFrom => {
                let m = top!(f).clone();
                let v = crate::import::import_from(vm, &m, &code.names[arg])?;
                f.stack.push(v);
            }
            Op::ImportStar => {
                let m = pop!(f);
                crate::import::import_star(vm, f, &m)?;
            }

            Op::YieldValue => {
                f.pc = pc;
                return Ok(Exit::Yield(pop!(f)));
            }
            Op::GetYieldFromIter => {
                let v = pop!(f);
                let it = crate::types::generator::yield_from_iter(vm, &v, &code)?;
                f.stack.push(it);
            }
            Op::Send => {
                let v = pop!(f);
                let recv = top!(f).clone();
                match crate::types::generator::send_into(vm, &recv, v)? {
                    crate::types::generator::SendResult::Yielded(y) => f.stack.push(y),
                    crate::types::generator::SendResult::Returned(r) => {
                        pop!(f);
                        f.stack.push(r);
                        pc = arg;
                    }
                }
            }
            Op::GetAwaitable => {
                let v = pop!(f);
                let it = crate::types::generator::get_awaitable(vm, &v)?;
                f.stack.push(it);
            }
            Op::GetAIter => {
                let v = pop!(f);
                let it = crate::types::generator::get_aiter(vm, &v)?;
                f.stack.push(it);
            }
            Op::GetANext => {
                let v = top!(f).clone();
                let aw = crate::types::generator::get_anext(vm, &v)?;
                f.stack.push(aw);
            }
            Op::EndAsyncFor => {
                let exc = pop!(f);
                pop!(f);
                if !types::is_instance(&exc, &types().exc.stop_async_iteration) {
                    vm.reraising = true;
                    return Err(PyErr::from_value(exc));
                }
            }
            Op::PrintExpr => {
                let v = pop!(f);
                crate::builtins::displayhook(vm, &v)?;
            }
            Op::MatchMapping => {
                let r = crate::interp::call::is_mapping(vm, top!(f));
                f.stack.push(Value::bool(r));
            }
            Op::MatchSequence => {
                let r = crate::interp::call::is_match_sequence(vm, top!(f));
                f.stack.push(Value::bool(r));
            }
            Op::MatchKeys => {
                let n = f.stack.len();
                let subject = f.stack[n - 2].clone();
                let keys = f.stack[n - 1].clone();
                let r = crate::interp::call::match_keys(vm, &subject, &keys)?;
                f.stack.push(r);
            }
            Op::MatchClass => {
                let names = pop!(f);
                let cls = pop!(f);
                let subject = pop!(f);
                let r = crate::interp::call::match_class(vm, &subject, &cls, arg, &names)?;
                f.stack.push(r);
            }
            Op::GetLen => {
                let v = top!(f).clone();
                let n = vm.len(&v)?;
                f.stack.push(Value::int(n as i64));
            }
            Op::CopyDictWithoutKeys => {
                let keys = pop!(f);
                let subject = top!(f).clone();
                let d = dict::new_dict();
                crate::types::dict_methods::dict_update_from(vm, &d, &subject, false)?;
                for k in keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
                    dict::dict_del(vm, &d, &k)?;
                }
                f.stack.push(d);
            }
        }
    }
}

/// `a op b` for two small ints or two floats, when it cannot fail; None
/// sends the operation down the general path.
#[inline(always)]
fn fast_binop(a: &Value, b: &Value, op: BinOpKind) -> Option<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        // |x|, |y| < 2^47: sums and differences cannot overflow i64.
        return match op {
            BinOpKind::Add => Some(Value::int(x + y)),
            BinOpKind::Subtract => Some(Value::int(x - y)),
            BinOpKind::Multiply => x.checked_mul(y).map(Value::int),
            BinOpKind::And => Some(Value::int(x & y)),
            BinOpKind::Or => Some(Value::int(x | y)),
            BinOpKind::Xor => Some(Value::int(x ^ y)),
            _ => None,
        };
    }
    if a.is_float() {
        let x = a.float_unchecked();
        let y = if b.is_float() {
            b.float_unchecked()
        } else if let Some(i) = b.as_small_int() {
            i as f64
        } else {
            return None;
        };
        return match op {
            BinOpKind::Add => Some(Value::float(x + y)),
            BinOpKind::Subtract => Some(Value::float(x - y)),
            BinOpKind::Multiply => Some(Value::float(x * y)),
            BinOpKind::TrueDivide if y != 0.0 => Some(Value::float(x / y)),
            _ => None,
        };
    }
    if b.is_float() {
        if let Some(i) = a.as_small_int() {
            let (x, y) = (i as f64, b.float_unchecked());
            return match op {
                BinOpKind::Add => Some(Value::float(x + y)),
                BinOpKind::Subtract => Some(Value::float(x - y)),
                BinOpKind::Multiply => Some(Value::float(x * y)),
                BinOpKind::TrueDivide if y != 0.0 => Some(Value::float(x / y)),
                _ => None,
            };
        }
    }
    None
}

#[inline]
fn fast_truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if v.is_bool() {
        return Ok(v.is_true_singleton());
    }
    vm.truthy(v)
}

fn unary(vm: &mut Vm, f: &mut Frame, name: &str) -> PyResult<()> {
    let v = pop!(f);
    let r = vm.unary_op(&v, name)?;
    f.stack.push(r);
    Ok(())
}

fn is_exact_dict(v: &Value) -> bool {
    v.as_obj().map_or(false, |o| std::ptr::eq(o.ty(), types().dict.as_obj().unwrap()))
}

pub fn unbound_local(name: &Value) -> PyErr {
    PyErr::new(
        &types().exc.unbound_local_error,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name.as_str().unwrap_or("")
        ),
    )
}

fn unbound_deref(code: &crate::interp::VmCode, i: usize) -> PyErr {
    let name = code.cell_names[i].as_str().unwrap_or("").to_string();
    if i < code.ncells {
        unbound_local(&code.cell_names[i])
    } else {
        PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    }
}

#[inline]
pub fn cell_get(c: &Value) -> Value {
    match c.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(v)) => v.borrow().clone(),
        _ => Value::NULL,
    }
}

#[inline]
pub fn cell_set(c: &Value, v: Value) {
    if let Some(Payload::Cell(cell)) = c.as_obj().map(|o| &o.payload) {
        let old = cell.replace(v);
        drop(old);
    }
}

fn mapping_get(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Option<Value>> {
    if is_exact_dict(m) {
        return dict::dict_get(vm, m, name);
    }
    match vm.getitem(m, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&types().exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn load_name(vm: &mut Vm, f: &Frame, name: &Value) -> PyResult<Value> {
    if !f.locals.is_null() {
        if let Some(v) = mapping_get(vm, &f.locals, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = dict::dict_get_strvalue(&f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = dict::dict_get_strvalue(&f.builtins, name) {
        return Ok(v);
    }
    Err(name_not_defined(name))
}

pub fn name_not_defined(name: &Value) -> PyErr {
    let n = name.as_str().unwrap_or("");
    let err = PyErr::name_error(format!("name '{n}' is not defined"));
    crate::types::exception::set_name_error_name(&err, name);
    err
}

fn store_name(vm: &mut Vm, f: &Frame, name: Value, v: Value) -> PyResult<()> {
    if f.locals.is_null() {
        return Err(PyErr::new(&types().exc.system_error, "no locals found when storing name"));
    }
    if is_exact_dict(&f.locals) {
        dict::dict_set(vm, &f.locals, name, v)
    } else {
        vm.setitem(&f.locals, &name, v)
    }
}

/// `LoadGlobal` with an inline cache. The cache word of the instruction
/// holds where the name was found: bit 31 says globals (0) or builtins (1),
/// bits 0..31 the entry index in that dict's entry array; for a builtins hit,
/// bits 32..64 hold the low bits of the globals dict's version (which
/// changes whenever a key is added or removed), proving the name was not
/// shadowed since. A hit costs one identity check of the entry's key.
#[inline]
fn load_global(vm: &mut Vm, f: &Frame, code: &crate::interp::VmCode, ix: usize, arg: usize) -> PyResult<Value> {
    let name = &code.names[arg];
    let cache = &code.caches[ix];
    let c = cache.get();
    if c != u64::MAX {
        let slot = (c & 0x7fff_ffff) as usize;
        let in_builtins = c & 0x8000_0000 != 0;
        if !in_builtins {
            if let Some(d) = f.globals.as_dict() {
                if let Some(e) = d.borrow().entry_at(slot) {
                    if e.key.is(name) {
                        return Ok(e.value.clone());
                    }
                }
            }
        } else if let (Some(g), Some(b)) = (f.globals.as_dict(), f.builtins.as_dict()) {
            if (g.borrow().version as u32) as u64 == c >> 32 {
                if let Some(e) = b.borrow().entry_at(slot) {
                    if e.key.is(name) {
                        return Ok(e.value.clone());
                    }
                }
            }
        }
    }
    let hash = match name.as_pystr_exact() {
        Some(s) => s.hash(),
        None => return Err(name_not_defined(name)),
    };
    if let Some(g) = f.globals.as_dict() {
        let g = g.borrow();
        if let Some(i) = g.find_index_native(name, hash) {
            if i < 0x8000_0000 {
                cache.set(i as u64);
            }
            return Ok(g.entries[i].value.clone());
        }
    }
    if let Some(b) = f.builtins.as_dict() {
        let b = b.borrow();
        if let Some(i) = b.find_index_native(name, hash) {
            let gv = f.globals.as_dict().map(|g| g.borrow().version as u32).unwrap_or(0) as u64;
            if i < 0x8000_0000 {
                cache.set((gv << 32) | 0x8000_0000 | i as u64);
            }
            return Ok(b.entries[i].value.clone());
        }
    }
    let _ = vm;
    Err(name_not_defined(name))
}

/// `LoadMethod`: push `[func, obj]` for a plain method found on the type and
/// not shadowed by the instance, else `[NULL, getattr(obj, name)]`.
fn setup_annotations(vm: &mut Vm, f: &mut Frame) -> PyResult<()> {
    let key = Value::str("__annotations__");
    if f.locals.is_null() {
        return Ok(());
    }
    if mapping_get(vm, &f.locals, &key)?.is_none() {
        let d = dict::new_dict();
        store_name(vm, f, key, d)?;
    }
    Ok(())
}

fn list_extend(vm: &mut Vm, l: &Value, it: &Value) -> PyResult<()> {
    let items = match vm.collect(it) {
        Ok(v) => v,
        Err(e) => {
            if e.matches(&types().exc.type_error) && vm.iter(it).is_err() {
                return Err(PyErr::type_error(format!(
                    "Value after * must be an iterable, not {}",
                    type_ref(it).type_name_str()
                )));
            }
            return Err(e);
        }
    };
    l.as_list().unwrap().borrow_mut().extend(items);
    Ok(())
}

fn unpack_sequence(vm: &mut Vm, f: &mut Frame, seq: Value, n: usize) -> PyResult<()> {
    if let Some(t) = seq.as_tuple() {
        if t.len() == n {
            f.stack.extend(t.iter().rev().cloned());
            return Ok(());
        }
    }
    if let Some(l) = seq.as_list() {
        let l = l.borrow();
        if l.len() == n {
            f.stack.extend(l.iter().rev().cloned());
            return Ok(());
        }
    }
    let it = match vm.iter(&seq) {
        Ok(it) => it,
        Err(e) if e.matches(&types().exc.type_error) => {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                type_ref(&seq).type_name_str()
            )))
        }
        Err(e) => return Err(e),
    };
    let mut items = Vec::with_capacity(n);
    while items.len() < n {
        match vm.next(&it)? {
            Some(v) => items.push(v),
            None => {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    items.len()
                )))
            }
        }
    }
    if vm.next(&it)?.is_some() {
        return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
    }
    f.stack.extend(items.into_iter().rev());
    Ok(())
}

fn unpack_ex(vm: &mut Vm, f: &mut Frame, seq: Value, before: usize, after: usize) -> PyResult<()> {
    let items = match vm.collect(&seq) {
        Ok(v) => v,
        Err(e) if e.matches(&types().exc.type_error) && vm.iter(&seq).is_err() => {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                type_ref(&seq).type_name_str()
            )))
        }
        Err(e) => return Err(e),
    };
    if items.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mid_end = items.len() - after;
    let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
    out.extend(items[..before].iter().cloned());
    out.push(Value::list(items[before..mid_end].to_vec()));
    out.extend(items[mid_end..].iter().cloned());
    f.stack.extend(out.into_iter().rev());
    Ok(())
}
