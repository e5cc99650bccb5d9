//! `_stat`: file mode constants, `S_IS*` tests and `filemode`; and the
//! `os.stat_result` struct sequence built from a `libc::stat`.

use super::common::{int128, seq_new_instance, seq_type};
use crate::modules::native::GilSlot;
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

const S_IFMT: u32 = 0o170000;

fn mode_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<u32> {
    crate::args::check_arity(name, args, &[], 1, 1)?;
    let v = &args[0];
    if !v.is_int() {
        if v.is_float() || crate::types::lookup(crate::types::type_ref(v), "__index__").is_none() {
            return Err(PyErr::type_error("an integer is required"));
        }
    }
    let n = vm.index_value(v).map_err(|_| PyErr::overflow("mode out of range"))?;
    if n < 0 {
        return Err(PyErr::overflow("can't convert negative value to unsigned int"));
    }
    if n > u32::MAX as i64 {
        return Err(PyErr::overflow("mode out of range"));
    }
    Ok(n as u32)
}

macro_rules! s_is {
    ($fname:ident, $pyname:expr, $val:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            let m = mode_arg(vm, args, $pyname)?;
            Ok(Value::bool($val != 0 && m & S_IFMT == $val))
        }
    };
}

s_is!(s_isdir, "S_ISDIR", libc::S_IFDIR);
s_is!(s_isreg, "S_ISREG", libc::S_IFREG);
s_is!(s_islnk, "S_ISLNK", libc::S_IFLNK);
s_is!(s_ischr, "S_ISCHR", libc::S_IFCHR);
s_is!(s_isblk, "S_ISBLK", libc::S_IFBLK);
s_is!(s_isfifo, "S_ISFIFO", libc::S_IFIFO);
s_is!(s_issock, "S_ISSOCK", libc::S_IFSOCK);
s_is!(s_isdoor, "S_ISDOOR", 0);
s_is!(s_isport, "S_ISPORT", 0);
s_is!(s_iswht, "S_ISWHT", 0);

fn s_imode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mode_arg(vm, args, "S_IMODE")?;
    Ok(Value::int((m & 0o7777) as i64))
}

fn s_ifmt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mode_arg(vm, args, "S_IFMT")?;
    Ok(Value::int((m & S_IFMT) as i64))
}

/// `ls -l` style mode string.
pub fn filemode_str(m: u32) -> String {
    let mut s = String::with_capacity(10);
    s.push(match m & S_IFMT {
        libc::S_IFREG => '-',
        libc::S_IFDIR => 'd',
        libc::S_IFLNK => 'l',
        libc::S_IFBLK => 'b',
        libc::S_IFCHR => 'c',
        libc::S_IFIFO => 'p',
        libc::S_IFSOCK => 's',
        _ => '?',
    });
    let rwx = |s: &mut String, r: u32, w: u32, x: u32, special: u32, lo: char, hi: char| {
        s.push(if m & r != 0 { 'r' } else { '-' });
        s.push(if m & w != 0 { 'w' } else { '-' });
        s.push(match (m & x != 0, m & special != 0) {
            (true, true) => lo,
            (false, true) => hi,
            (true, false) => 'x',
            (false, false) => '-',
        });
    };
    rwx(&mut s, 0o400, 0o200, 0o100, 0o4000, 's', 'S');
    rwx(&mut s, 0o040, 0o020, 0o010, 0o2000, 's', 'S');
    rwx(&mut s, 0o004, 0o002, 0o001, 0o1000, 't', 'T');
    s
}

fn filemode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mode_arg(vm, args, "filemode")?;
    Ok(Value::string(filemode_str(m)))
}

pub fn make() -> Value {
    let m = new_module("_stat");
    let ints: &[(&str, i64)] = &[
        ("SF_APPEND", 0x40000),
        ("SF_ARCHIVED", 0x10000),
        ("SF_IMMUTABLE", 0x20000),
        ("SF_NOUNLINK", 0x100000),
        ("SF_SNAPSHOT", 0x200000),
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
        ("S_ENFMT", 0o2000),
        ("S_IEXEC", 0o100),
        ("S_IFBLK", libc::S_IFBLK as i64),
        ("S_IFCHR", libc::S_IFCHR as i64),
        ("S_IFDIR", libc::S_IFDIR as i64),
        ("S_IFDOOR", 0),
        ("S_IFIFO", libc::S_IFIFO as i64),
        ("S_IFLNK", libc::S_IFLNK as i64),
        ("S_IFPORT", 0),
        ("S_IFREG", libc::S_IFREG as i64),
        ("S_IFSOCK", libc::S_IFSOCK as i64),
        ("S_IFWHT", 0),
        ("S_IREAD", 0o400),
        ("S_IRGRP", 0o40),
        ("S_IROTH", 0o4),
        ("S_IRUSR", 0o400),
        ("S_IRWXG", 0o70),
        ("S_IRWXO", 0o7),
        ("S_IRWXU", 0o700),
        ("S_ISGID", 0o2000),
        ("S_ISUID", 0o4000),
        ("S_ISVTX", 0o1000),
        ("S_IWGRP", 0o20),
        ("S_IWOTH", 0o2),
        ("S_IWRITE", 0o200),
        ("S_IWUSR", 0o200),
        ("S_IXGRP", 0o10),
        ("S_IXOTH", 0o1),
        ("S_IXUSR", 0o100),
        ("UF_APPEND", 4),
        ("UF_COMPRESSED", 32),
        ("UF_HIDDEN", 32768),
        ("UF_IMMUTABLE", 2),
        ("UF_NODUMP", 1),
        ("UF_NOUNLINK", 16),
        ("UF_OPAQUE", 8),
    ];
    super::common::add_ints(&m, ints);
    add_function(&m, "S_ISDIR", s_isdir);
    add_function(&m, "S_ISREG", s_isreg);
    add_function(&m, "S_ISLNK", s_islnk);
    add_function(&m, "S_ISCHR", s_ischr);
    add_function(&m, "S_ISBLK", s_isblk);
    add_function(&m, "S_ISFIFO", s_isfifo);
    add_function(&m, "S_ISSOCK", s_issock);
    add_function(&m, "S_ISDOOR", s_isdoor);
    add_function(&m, "S_ISPORT", s_isport);
    add_function(&m, "S_ISWHT", s_iswht);
    add_function(&m, "S_IMODE", s_imode);
    add_function(&m, "S_IFMT", s_ifmt);
    add_function(&m, "filemode", filemode);
    set_attr(&m, "__doc__", Value::str("S_IFMT_: file type bits\n"));
    m
}

// ------------------------------------------------------------------ stat_result

static STAT_RESULT: GilSlot = GilSlot::new();

/// The `os.stat_result` type.
pub fn stat_result_type() -> Value {
    STAT_RESULT.get_or_init(|| {
        seq_type(
            "os",
            "stat_result",
            &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"],
            &[
                "st_atime",
                "st_mtime",
                "st_ctime",
                "st_atime_ns",
                "st_mtime_ns",
                "st_ctime_ns",
                "st_blksize",
                "st_blocks",
                "st_rdev",
            ],
            3,
        )
    })
}

/// An `os.stat_result` from a `libc::stat`.
pub fn stat_value(st: &libc::stat) -> Value {
    let ty = stat_result_type();
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut vis = vec![
        Value::int(st.st_mode as i64),
        int128(st.st_ino as i128),
        int128(st.st_dev as i128),
        int128(st.st_nlink as i128),
        Value::int(st.st_uid as i64),
        Value::int(st.st_gid as i64),
        int128(st.st_size as i128),
    ];
    for (s, _) in times {
        vis.push(Value::int(s));
    }
    let mut hid = Vec::with_capacity(9);
    for (s, ns) in times {
        hid.push(Value::float(s as f64 + ns as f64 * 1e-9));
    }
    for (s, ns) in times {
        hid.push(int128(s as i128 * 1_000_000_000 + ns as i128));
    }
    hid.push(int128(st.st_blksize as i128));
    hid.push(int128(st.st_blocks as i128));
    hid.push(int128(st.st_rdev as i128));
    seq_new_instance(&ty, vis, hid)
}
