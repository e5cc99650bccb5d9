//! Python-visible methods of `set` and `frozenset`.

use crate::types::Types;

pub fn init(_t: &Types) {}
