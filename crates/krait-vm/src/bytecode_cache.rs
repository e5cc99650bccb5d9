//! Krait's bytecode cache: compiled modules stored beside their source as
//! `__pycache__/<name>.krait-311.pyc`.
//!
//! A cache file is a 24-byte header — the magic `KRPY\r\n\0\x01`, the
//! source's modification time in nanoseconds and its size (little-endian
//! u64s) — followed by the code object in `krait_compiler::serialize`'s
//! format, which carries the fingerprint of the compiler build that wrote
//! it. A file whose header does not match the source, or whose body fails to
//! load (truncated, corrupt, another Krait build, another path), is ignored
//! and rewritten. Files are written to a temporary name and renamed into
//! place, so a concurrent reader sees the old file or the new one, never a
//! torn one.

use krait_compiler::CodeObject;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub const MAGIC: &[u8; 8] = b"KRPY\r\n\0\x01";
pub const TAG: &str = "krait-311";

/// Where the cache for `source` lives (`dir/__pycache__/stem.krait-311.pyc`).
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    Some(dir.join("__pycache__").join(format!("{stem}.{TAG}.pyc")))
}

/// Modification time (ns since the epoch) and size of a file.
pub fn source_stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let ns = (meta.mtime() as i128 * 1_000_000_000 + meta.mtime_nsec() as i128).max(0) as u64;
    (ns, meta.size())
}

/// The cached code for a source with this stamp and filename, if valid.
pub fn read(cache: &Path, stamp: (u64, u64), filename: &str) -> Option<Rc<CodeObject>> {
    let data = std::fs::read(cache).ok()?;
    if data.len() < 24 || &data[..8] != MAGIC {
        return None;
    }
    let mtime = u64::from_le_bytes(data[8..16].try_into().ok()?);
    let size = u64::from_le_bytes(data[16..24].try_into().ok()?);
    if (mtime, size) != stamp {
        return None;
    }
    let code = krait_compiler::serialize::load_code(&data[24..]).ok()?;
    if &*code.filename != filename {
        return None;
    }
    Some(Rc::new(code))
}

/// Store `code` for a source with `stamp`; failures (read-only folders...) are ignored.
pub fn write(cache: &Path, stamp: (u64, u64), code: &CodeObject) {
    let Some(dir) = cache.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let mut data = Vec::with_capacity(4096);
    data.extend_from_slice(MAGIC);
    data.extend_from_slice(&stamp.0.to_le_bytes());
    data.extend_from_slice(&stamp.1.to_le_bytes());
    data.extend_from_slice(&krait_compiler::serialize::dump_code(code));
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = cache.with_extension(format!("pyc.{}.{n}.tmp", std::process::id()));
    if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, cache).is_ok() {
        return;
    }
    let _ = std::fs::remove_file(&tmp);
}
