//! `os.scandir`: the `ScandirIterator` and `DirEntry` classes.

use super::common::*;
use super::posix::{close_dir, do_stat, open_dir_arg};
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, set_attr};
use crate::types::{add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

struct ScanIter {
    /// The open DIR* (as usize; 0 once closed).
    dir: usize,
    /// Directory path prefix with a trailing '/', for entry paths.
    prefix: Vec<u8>,
    is_bytes: bool,
    /// scandir(fd): entries are relative to this fd.
    fd: Option<i32>,
}

impl NativeData for ScanIter {}

impl ScanIter {
    fn close(&mut self) {
        if self.dir != 0 {
            close_dir(self.dir as *mut libc::DIR);
            self.dir = 0;
        }
    }
}

impl Drop for ScanIter {
    fn drop(&mut self) {
        self.close();
    }
}

struct Entry {
    name: Value,
    path: Value,
    path_b: Vec<u8>,
    d_type: u8,
    ino: u64,
    dir_fd: Option<i32>,
    stat: Option<Value>,
    lstat: Option<Value>,
}

impl NativeData for Entry {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        f(&self.path);
        if let Some(s) = &self.stat {
            f(s);
        }
        if let Some(s) = &self.lstat {
            f(s);
        }
    }
}

static ITER_T: GilSlot = GilSlot::new();
static ENTRY_T: GilSlot = GilSlot::new();

fn iter_type() -> Value {
    ITER_T.get_or_init(|| {
        let t = new_type("posix", "ScandirIterator", None);
        add_native(&t, "__new__", no_new_iter, NativeKind::StaticMethod);
        add_method(&t, "__iter__", iter_self);
        add_method(&t, "__next__", iter_next);
        add_method(&t, "close", iter_close);
        add_method(&t, "__enter__", iter_self);
        add_method(&t, "__exit__", iter_exit);
        t
    })
}

fn entry_type() -> Value {
    ENTRY_T.get_or_init(|| {
        let t = new_type("posix", "DirEntry", None);
        add_native(&t, "__new__", no_new_entry, NativeKind::StaticMethod);
        crate::types::add_getset(&t, "name", entry_name, None);
        crate::types::add_getset(&t, "path", entry_path, None);
        add_method(&t, "inode", entry_inode);
        add_method(&t, "is_dir", entry_is_dir);
        add_method(&t, "is_file", entry_is_file);
        add_method(&t, "is_symlink", entry_is_symlink);
        add_method(&t, "stat", entry_stat);
        add_method(&t, "__fspath__", entry_path);
        add_method(&t, "__repr__", entry_repr);
        add_native(&t, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        t
    })
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

fn no_new_iter(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'posix.ScandirIterator' instances"))
}

fn no_new_entry(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'posix.DirEntry' instances"))
}

fn scandir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (p, dir) = open_dir_arg(vm, "scandir", args, kw)?;
    let mut prefix = if p.none { b".".to_vec() } else { p.bytes.clone() };
    if !prefix.is_empty() && !prefix.ends_with(b"/") {
        prefix.push(b'/');
    }
    let st = ScanIter { dir: dir as usize, prefix, is_bytes: p.is_bytes, fd: p.fd };
    Ok(new_opaque(&iter_type(), st))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    with_opaque::<ScanIter, _>(&args[0], |s| s.close());
    Ok(Value::NONE)
}

fn iter_exit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    with_opaque::<ScanIter, _>(&args[0], |s| s.close());
    Ok(Value::NONE)
}

/// One readdir step: Ok(None) at the end.
fn next_raw(dir: *mut libc::DIR) -> Result<Option<(Vec<u8>, u8, u64)>, i32> {
    loop {
        set_errno(0);
        // SAFETY: dir is a valid open DIR*.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = errno();
            return if e != 0 { Err(e) } else { Ok(None) };
        }
        // SAFETY: ent is valid until the next readdir.
        let (name, ty, ino) = unsafe {
            (std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes().to_vec(), (*ent).d_type, (*ent).d_ino as u64)
        };
        if name == b"." || name == b".." {
            continue;
        }
        return Ok(Some((name, ty, ino)));
    }
}

fn iter_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let step = with_opaque::<ScanIter, _>(&args[0], |s| {
        if s.dir == 0 {
            return Ok(None);
        }
        match next_raw(s.dir as *mut libc::DIR) {
            Ok(Some((name, ty, ino))) => {
                let path_b = if s.fd.is_some() {
                    name.clone()
                } else {
                    let mut p = s.prefix.clone();
                    p.extend_from_slice(&name);
                    p
                };
                Ok(Some((name, path_b, ty, ino, s.is_bytes, s.fd)))
            }
            Ok(None) => {
                s.close();
                Ok(None)
            }
            Err(e) => {
                s.close();
                Err(e)
            }
        }
    });
    match step {
        None => Err(PyErr::type_error("descriptor requires a 'posix.ScandirIterator' object")),
        Some(Err(e)) => Err(os_err(e, None, None)),
        Some(Ok(None)) => Err(PyErr::bare(&types().exc.stop_iteration)),
        Some(Ok(Some((name, path_b, d_type, ino, is_bytes, fd)))) => {
            let e = Entry {
                name: path_value(&name, is_bytes),
                path: path_value(&path_b, is_bytes),
                path_b,
                d_type,
                ino,
                dir_fd: fd,
                stat: None,
                lstat: None,
            };
            Ok(new_opaque(&entry_type(), e))
        }
    }
}

fn entry_get<R>(v: &Value, f: impl FnOnce(&mut Entry) -> R) -> PyResult<R> {
    with_opaque::<Entry, _>(v, f).ok_or_else(|| PyErr::type_error("descriptor requires a 'posix.DirEntry' object"))
}

fn entry_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    entry_get(&args[0], |e| e.name.clone())
}

fn entry_path(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    entry_get(&args[0], |e| e.path.clone())
}

fn entry_inode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    entry_get(&args[0], |e| uint(e.ino))
}

fn entry_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = entry_get(&args[0], |e| e.name.clone())?;
    let r = vm.repr_string(&name)?;
    Ok(Value::string(format!("<DirEntry {r}>")))
}

/// stat (follow) or lstat of the entry, cached.
fn entry_fetch_stat(vm: &mut Vm, v: &Value, follow: bool) -> PyResult<Value> {
    let (cached, path_b, path, dir_fd, is_link) = entry_get(v, |e| {
        let c = if follow { e.stat.clone() } else { e.lstat.clone() };
        (c, e.path_b.clone(), e.path.clone(), e.dir_fd, e.d_type == libc::DT_LNK)
    })?;
    if let Some(c) = cached {
        return Ok(c);
    }
    if follow && !is_link {
        // Not a symlink: stat == lstat.
        let l = entry_fetch_stat(vm, v, false)?;
        let _ = entry_get(v, |e| e.stat = Some(l.clone()));
        return Ok(l);
    }
    let p = PathArg { obj: path, bytes: path_b, is_bytes: false, fd: None, none: false };
    let st = do_stat(vm, &p, dir_fd.unwrap_or(libc::AT_FDCWD), follow)?;
    let val = super::stat::stat_value(&st);
    let _ = entry_get(v, |e| {
        if follow {
            e.stat = Some(val.clone())
        } else {
            e.lstat = Some(val.clone())
        }
    });
    Ok(val)
}

fn mode_of(vm: &mut Vm, st: &Value) -> PyResult<u32> {
    let m = st.as_tuple().and_then(|t| t.first().and_then(|m| m.as_i64())).unwrap_or(0);
    let _ = vm;
    Ok(m as u32)
}

fn entry_test(vm: &mut Vm, v: &Value, follow: bool, dt: u8, fmt: u32) -> PyResult<bool> {
    let d_type = entry_get(v, |e| e.d_type)?;
    if d_type != libc::DT_UNKNOWN && !(follow && d_type == libc::DT_LNK) {
        return Ok(d_type == dt);
    }
    match entry_fetch_stat(vm, v, follow) {
        Ok(st) => Ok(mode_of(vm, &st)? & libc::S_IFMT == fmt),
        Err(e) if e.matches(&types().exc.file_not_found_error) => Ok(false),
        Err(e) => Err(e),
    }
}

fn entry_is_dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, follow] = bind("is_dir", args, kw, &["self", "*", "follow_symlinks="])?;
    let follow = super::posix::flag_arg(vm, &follow, true)?;
    Ok(Value::bool(entry_test(vm, &s.unwrap_or(Value::NONE), follow, libc::DT_DIR, libc::S_IFDIR)?))
}

fn entry_is_file(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, follow] = bind("is_file", args, kw, &["self", "*", "follow_symlinks="])?;
    let follow = super::posix::flag_arg(vm, &follow, true)?;
    Ok(Value::bool(entry_test(vm, &s.unwrap_or(Value::NONE), follow, libc::DT_REG, libc::S_IFREG)?))
}

fn entry_is_symlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("DirEntry", "is_symlink", args, kw, 1)?;
    Ok(Value::bool(entry_test(vm, &args[0], false, libc::DT_LNK, libc::S_IFLNK)?))
}

fn entry_stat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, follow] = bind("stat", args, kw, &["self", "*", "follow_symlinks="])?;
    let follow = super::posix::flag_arg(vm, &follow, true)?;
    let s = s.unwrap_or(Value::NONE);
    if follow {
        // A symlink's target: is_symlink decides whether stat differs from lstat.
        let d_type = entry_get(&s, |e| e.d_type)?;
        if d_type == libc::DT_UNKNOWN {
            let l = entry_fetch_stat(vm, &s, false)?;
            if mode_of(vm, &l)? & libc::S_IFMT != libc::S_IFLNK {
                let _ = entry_get(&s, |e| e.stat = Some(l.clone()));
                return Ok(l);
            }
            let _ = entry_get(&s, |e| e.d_type = libc::DT_LNK);
        }
    }
    entry_fetch_stat(vm, &s, follow)
}

pub fn register(m: &Value) {
    add_function(m, "scandir", scandir);
    set_attr(m, "DirEntry", entry_type());
}
