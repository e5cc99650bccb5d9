//! `binascii`, `zlib`, the hashes (`_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`, `_blake2`), `_random`, `array`, `marshal`.

use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &[];

/// Build the module `name` (one of `NAMES`).
pub fn make(_vm: &mut Vm, name: &str) -> Value {
    crate::types::module::new_module(name)
}
