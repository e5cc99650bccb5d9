//! `_json`: the accelerators CPython's `json` package uses when present
//! (`scanstring`, `make_scanner`, `encode_basestring(_ascii)`, `make_encoder`).
//!
//! * `decode.rs`: `scanstring` and the `Scanner` type (`make_scanner`): a
//!   recursive-descent parser working on the UTF-8 bytes of the document;
//!   positions reported to Python (ends, error offsets) are code-point indices.
//! * `encode.rs`: `encode_basestring(_ascii)` and the `Encoder` type
//!   (`make_encoder`), which writes the whole document into one `String`.

mod decode;
mod encode;

use crate::modules::native::{new_type, GilSlot};
use crate::object::NativeKind;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_method, add_native, type_ref};
use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["_json"];

/// (Scanner, Encoder).
static TYPES: GilSlot = GilSlot::new();

fn ty(i: usize) -> Value {
    let t = TYPES.get_or_init(build_types);
    t.as_tuple().map(|t| t[i].clone()).unwrap_or(Value::NONE)
}

fn build_types() -> Value {
    let sc = new_type("_json", "Scanner", None);
    add_native(&sc, "__new__", decode::scanner_new, NativeKind::StaticMethod);
    add_method(&sc, "__call__", decode::scanner_call);
    decode::add_members(&sc);
    add_attr(&sc, "__doc__", Value::str("JSON scanner object"));

    let en = new_type("_json", "Encoder", None);
    add_native(&en, "__new__", encode::encoder_new, NativeKind::StaticMethod);
    add_method(&en, "__call__", encode::encoder_call);
    encode::add_members(&en);
    add_attr(&en, "__doc__", Value::str("_iterencode(obj, _current_indent_level) -> iterable"));
    Value::tuple(vec![sc, en])
}

/// The type name of `v` for messages.
fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Build the module `name` (one of `NAMES`).
pub fn make(_vm: &mut Vm, name: &str) -> Value {
    let m = new_module(name);
    set_attr(&m, "__doc__", Value::str("json speedups\n"));
    add_function(&m, "scanstring", decode::scanstring);
    add_function(&m, "encode_basestring_ascii", encode::encode_basestring_ascii);
    add_function(&m, "encode_basestring", encode::encode_basestring);
    set_attr(&m, "make_scanner", ty(0));
    set_attr(&m, "make_encoder", ty(1));
    m
}
