//! Callbacks: a `CFUNCTYPE(...)(pyfunc)` object owns a libffi closure
//! (a `CThunkObject`, kept in its `_objects`) whose C entry point converts
//! the C arguments, calls the Python function and stores its result. The
//! closure finds the thread's `Vm` through the thread-local the foreign
//! call set, and takes the GIL back if that call released it. Exceptions
//! are reported through `sys.unraisablehook`, as CPython does.

use super::cdata;
use super::cfunc::{zeroed_cif, CUR_VM, GIL_RELEASED};
use super::stg::{self, Kind, StgInfo};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use libffi::raw as ffi;
use std::rc::Rc;

/// What a callback needs when C calls it.
pub struct ThunkInfo {
    pub callable: Value,
    args: Vec<(Value, Rc<StgInfo>, bool)>,
    pub restype: Value,
    rstg: Option<Rc<StgInfo>>,
}

/// A libffi closure calling a Python callable.
pub struct Thunk {
    closure: *mut ffi::ffi_closure,
    pub code: *mut std::ffi::c_void,
    _cif: Box<ffi::ffi_cif>,
    _atypes: Vec<*mut ffi::ffi_type>,
    pub info: Box<ThunkInfo>,
}

impl crate::object::NativeData for Thunk {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.info.callable);
        f(&self.info.restype);
        for (c, _, _) in &self.info.args {
            f(c);
        }
    }
}

impl Drop for Thunk {
    fn drop(&mut self) {
        // SAFETY: allocated by ffi_closure_alloc, no longer referenced by us.
        unsafe { ffi::ffi_closure_free(self.closure as *mut std::ffi::c_void) };
    }
}

pub fn make_thunk(vm: &mut Vm, callable: &Value, st: &StgInfo) -> PyResult<Box<Thunk>> {
    let argtypes = vm.collect(&st.argtypes)?;
    let mut args = Vec::with_capacity(argtypes.len());
    let mut atypes = Vec::with_capacity(argtypes.len());
    for t in &argtypes {
        let Some(s) = stg::stg_of_value(t) else {
            return Err(PyErr::type_error("invalid argument type for callback function"));
        };
        let direct = s.kind == Kind::Simple && !cdata::is_simple_subclass(t);
        atypes.push(if s.kind == Kind::Array { stg::ffi_pointer() } else { s.ffi_ptr() });
        args.push((t.clone(), s, direct));
    }
    let restype = if st.restype.is_null() { Value::NONE } else { st.restype.clone() };
    let (rtype, rstg) = if restype.is_none() {
        (stg::ffi_void(), None)
    } else {
        match stg::stg_of_value(&restype) {
            Some(s) if s.kind == Kind::Simple => (s.ffi_ptr(), Some(s)),
            _ => return Err(PyErr::type_error("invalid result type for callback function")),
        }
    };
    let info = Box::new(ThunkInfo { callable: callable.clone(), args, restype, rstg });
    let mut cif: Box<ffi::ffi_cif> = Box::new(zeroed_cif());
    // SAFETY: atypes and cif live in the Thunk with the closure.
    unsafe {
        let r = ffi::ffi_prep_cif(&mut *cif, ffi::ffi_abi_FFI_DEFAULT_ABI, atypes.len() as u32, rtype, atypes.as_mut_ptr());
        if r != ffi::ffi_status_FFI_OK {
            return Err(PyErr::runtime_error("ffi_prep_cif failed"));
        }
        let mut code: *mut std::ffi::c_void = std::ptr::null_mut();
        let closure = ffi::ffi_closure_alloc(std::mem::size_of::<ffi::ffi_closure>(), &mut code) as *mut ffi::ffi_closure;
        if closure.is_null() {
            return Err(PyErr::memory_error());
        }
        let user = &*info as *const ThunkInfo as *mut std::ffi::c_void;
        let r = ffi::ffi_prep_closure_loc(closure, &mut *cif, Some(thunk_entry), user, code);
        if r != ffi::ffi_status_FFI_OK {
            ffi::ffi_closure_free(closure as *mut std::ffi::c_void);
            return Err(PyErr::runtime_error("ffi_prep_closure failed"));
        }
        Ok(Box::new(Thunk { closure, code, _cif: cif, _atypes: atypes, info }))
    }
}

unsafe extern "C" fn thunk_entry(cif: *mut ffi::ffi_cif, resp: *mut std::ffi::c_void, args: *mut *mut std::ffi::c_void, user: *mut std::ffi::c_void) {
    let info = &*(user as *const ThunkInfo);
    // Default result: zero (as large as libffi's result buffer).
    let rsize = (*(*cif).rtype).size.max(8);
    std::ptr::write_bytes(resp as *mut u8, 0, rsize);
    let vmp = CUR_VM.with(|c| c.get());
    if vmp.is_null() {
        eprintln!("ctypes: a callback was called outside of a foreign call made by this thread; returning 0");
        return;
    }
    let released = GIL_RELEASED.with(|c| c.replace(false));
    if released {
        crate::gil::acquire(true);
    }
    let prev = CUR_VM.with(|c| c.replace(std::ptr::null_mut()));
    // SAFETY: the Vm of this thread, which is blocked in ffi_call below us.
    let vm = &mut *vmp;
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_callback(vm, info, resp as *mut u8, args)));
    CUR_VM.with(|c| c.set(prev));
    if released {
        GIL_RELEASED.with(|c| c.set(true));
        crate::gil::release();
    }
}

unsafe fn run_callback(vm: &mut Vm, info: &ThunkInfo, resp: *mut u8, args: *mut *mut std::ffi::c_void) {
    let mut pyargs = Vec::with_capacity(info.args.len());
    for (i, (cls, st, direct)) in info.args.iter().enumerate() {
        let p = *args.add(i) as *mut u8;
        let v = if *direct {
            match stg::get_value(st.code, st.swapped, p, st.size) {
                Ok(v) => v,
                Err(e) => {
                    crate::modules::sys_extra::write_unraisable(vm, &e, Some("Exception ignored on creating argument for calling ctypes callback function"), Some(&info.callable));
                    return;
                }
            }
        } else if st.kind == Kind::Array {
            cdata::from_copy(cls, st, stg::read_ptr(p) as *const u8)
        } else {
            cdata::from_copy(cls, st, p)
        };
        pyargs.push(v);
    }
    let r = vm.call(&info.callable, &pyargs);
    match r {
        Err(e) => {
            crate::modules::sys_extra::write_unraisable(vm, &e, Some("Exception ignored on calling ctypes callback function"), Some(&info.callable));
        }
        Ok(v) => {
            let Some(rs) = &info.rstg else { return };
            match stg::set_value(vm, rs.code, rs.swapped, resp, &v, rs.size) {
                Ok(keep) => {
                    if rs.code == b'O' || !keep.visible.is_none() || keep.hidden.is_some() {
                        // The C caller owns the result now: keep it alive.
                        std::mem::forget(keep);
                    }
                }
                Err(e) => {
                    crate::modules::sys_extra::write_unraisable(vm, &e, Some("Exception ignored on converting result of ctypes callback function"), Some(&info.callable));
                }
            }
        }
    }
}
