//! `_codecs`, `_string`, `unicodedata`, `_locale`, `_csv`.

pub mod codecs;
pub mod csv;
pub mod escapes;
pub mod locale;
pub mod string;
pub mod unicodedata;
pub mod unicodedata_tables;

use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["_codecs", "_string", "unicodedata", "_locale", "_csv"];

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "_codecs" => codecs::make_module(vm),
        "_string" => string::make_module(vm),
        "unicodedata" => unicodedata::make_module(vm),
        "_locale" => locale::make_module(vm),
        "_csv" => csv::make_module(vm),
        _ => crate::types::module::new_module(name),
    }
}
