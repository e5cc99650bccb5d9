//! `posix` (the functions behind `os`) and its companions: `errno`, `_stat`, `pwd`, `grp`, `fcntl`, `select`, `_posixsubprocess`, `resource`.

pub mod common;
pub mod errno_;
pub mod fcntl;
pub mod posix;
pub mod proc;
pub mod pwdgrp;
pub mod resource;
pub mod scandir;
pub mod select;
pub mod stat;
pub mod subprocess;
pub mod termios;

use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["posix", "errno", "_stat", "pwd", "grp", "fcntl", "select", "_posixsubprocess", "resource", "termios"];

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "posix" => posix::make(vm),
        "errno" => errno_::make(),
        "_stat" => stat::make(),
        "pwd" => pwdgrp::make_pwd(),
        "grp" => pwdgrp::make_grp(),
        "fcntl" => fcntl::make(),
        "select" => select::make(),
        "_posixsubprocess" => subprocess::make(),
        "resource" => resource::make(),
        "termios" => termios::make(vm),
        _ => crate::types::module::new_module(name),
    }
}
