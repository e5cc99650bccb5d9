//! Native modules. Each file or folder builds one module or a group of
//! modules; `find` maps a module name to its constructor for the import
//! system. A group (a folder) lists the names it provides in its `NAMES`
//! and builds them in its `make(vm, name)`.

pub mod abc_;
pub mod cmath;
pub mod dis;
pub mod gc;
pub mod math;
pub mod pyexpat;
pub mod struct_;
pub mod sys;
pub mod sys_extra;
pub mod symtable_;
pub mod time;
pub mod warnings_;
pub mod weakref_;

pub mod native;

pub mod containers;
pub mod ctypes;
pub mod data;
pub mod io;
pub mod json;
pub mod misc;
pub mod posix;
pub mod sre;
pub mod textmods;

use crate::value::Value;
use crate::Vm;

/// Single native modules: name and constructor.
const SINGLE: &[(&str, fn(&mut Vm) -> Value)] = &[
    ("math", math::make_module),
    ("cmath", cmath::make_module),
    ("time", time::make_module),
    ("_struct", struct_::make_module),
    ("gc", gc::make_module),
    ("_krait_dis", dis::make_module),
    ("_weakref", weakref_::make_module),
    ("_warnings", warnings_::make_module),
    ("_abc", abc_::make_module),
    ("pyexpat", pyexpat::make_module),
    ("_symtable", symtable_::make_module),
];

type Group = (&'static [&'static str], fn(&mut Vm, &str) -> Value);

/// Groups of modules, one folder each.
const GROUPS: &[Group] = &[
    (sre::NAMES, sre::make),
    (io::NAMES, io::make),
    (json::NAMES, json::make),
    (posix::NAMES, posix::make),
    (containers::NAMES, containers::make),
    (textmods::NAMES, textmods::make),
    (data::NAMES, data::make),
    (misc::NAMES, misc::make),
    (ctypes::NAMES, ctypes::make),
];

/// Build the native module `name`, if there is one.
pub fn make(vm: &mut Vm, name: &str) -> Option<Value> {
    if let Some((_, f)) = SINGLE.iter().find(|(n, _)| *n == name) {
        return Some(f(vm));
    }
    for (names, f) in GROUPS {
        if names.contains(&name) {
            return Some(f(vm, name));
        }
    }
    None
}

/// Whether `name` is a native module.
pub fn exists(name: &str) -> bool {
    name == "builtins" || name == "sys" || SINGLE.iter().any(|(n, _)| *n == name) || GROUPS.iter().any(|(ns, _)| ns.contains(&name))
}

/// Names of every native module (`sys.builtin_module_names`), sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec!["builtins", "sys"];
    v.extend(SINGLE.iter().map(|(n, _)| *n));
    for (ns, _) in GROUPS {
        v.extend(ns.iter().copied());
    }
    v.sort();
    v.dedup();
    v
}
