//! The `_weakref` module (CPython's `weakref.py` builds on it): `ref`,
//! `proxy`, `getweakrefcount`, `getweakrefs`, the reference and proxy types. The
//! machinery lives in types/weakref.rs.

use crate::types::module::{add_function, new_module, set_attr};
use crate::types::types;
use crate::types::weakref as w;
use crate::value::Value;
use crate::Vm;

fn fill(m: &Value) {
    let t = types();
    set_attr(m, "ref", t.weakref.clone());
    set_attr(m, "ReferenceType", t.weakref.clone());
    set_attr(m, "ProxyType", w::proxy_type());
    set_attr(m, "CallableProxyType", w::callable_proxy_type());
    add_function(m, "proxy", w::proxy);
    add_function(m, "getweakrefcount", w::getweakrefcount);
    add_function(m, "getweakrefs", w::getweakrefs);
    add_function(m, "_remove_dead_weakref", w::remove_dead_weakref);
}

/// `_weakref`.
pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_weakref");
    fill(&m);
    m
}
