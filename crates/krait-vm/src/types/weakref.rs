//! Weak references (`_weakref`): `Rc::Weak` handles plus callbacks run by
//! the finaliser hook when the referent dies.

use crate::object::PyObject;
use crate::types::Types;
use crate::value::Value;

pub struct WeakRefData {
    pub target: std::rc::Weak<PyObject>,
    pub callback: Value,
}

pub fn init(_t: &Types) {}
