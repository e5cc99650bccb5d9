//! Finding the CPython 3.11 standard library Krait runs on.
//!
//! Krait ships no copy of CPython's `Lib/`; it uses an installed one. The
//! search order: `$KRAIT_STDLIB` (a folder holding `os.py`), then the newest
//! pyenv `3.11.*` (`$PYENV_ROOT` or `~/.pyenv`), `/usr/local/lib/python3.11`,
//! the `python3.11` on `PATH` (its `../lib/python3.11`) and last the
//! distribution's `/usr/lib/python3.11`. Krait's own
//! Python-level modules live in the repository's `lib/` (found relative to the
//! executable) and come before CPython's.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn is_stdlib(p: &Path) -> bool {
    p.join("os.py").is_file() && p.join("importlib").is_dir()
}

fn from_env() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var_os("KRAIT_STDLIB")?);
    is_stdlib(&p).then_some(p)
}

/// The newest `3.11.*` under pyenv's `versions/`.
fn from_pyenv() -> Option<PathBuf> {
    let mut roots = Vec::new();
    if let Some(r) = std::env::var_os("PYENV_ROOT") {
        roots.push(PathBuf::from(r));
    }
    if let Some(h) = std::env::var_os("HOME") {
        roots.push(PathBuf::from(h).join(".pyenv"));
    }
    for root in roots {
        let Ok(rd) = std::fs::read_dir(root.join("versions")) else { continue };
        let mut versions: Vec<(u32, PathBuf)> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                let patch = name.strip_prefix("3.11.")?.parse::<u32>().ok()?;
                Some((patch, e.path().join("lib/python3.11")))
            })
            .filter(|(_, p)| is_stdlib(p))
            .collect();
        versions.sort();
        if let Some((_, p)) = versions.pop() {
            return Some(p);
        }
    }
    None
}

/// `../lib/python3.11` of the first real `python3.11` on `PATH`.
fn from_path_env() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let Ok(real) = std::fs::canonicalize(dir.join("python3.11")) else { continue };
        if let Some(prefix) = real.parent().and_then(|b| b.parent()) {
            let lib = prefix.join("lib/python3.11");
            if is_stdlib(&lib) {
                return Some(lib);
            }
        }
    }
    None
}

fn fixed(p: &str) -> Option<PathBuf> {
    let p = PathBuf::from(p);
    is_stdlib(&p).then_some(p)
}

/// Search order: `$KRAIT_STDLIB`, pyenv, `/usr/local`, `python3.11` on
/// `PATH`, the system's `/usr/lib` (user installs before the distribution's).
fn search() -> Option<PathBuf> {
    from_env()
        .or_else(from_pyenv)
        .or_else(|| fixed("/usr/local/lib/python3.11"))
        .or_else(from_path_env)
        .or_else(|| fixed("/usr/lib/python3.11"))
}

/// The CPython 3.11 `Lib/` folder, if one was found.
pub fn stdlib() -> Option<&'static Path> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND.get_or_init(search).as_deref()
}

/// The installation prefix of the stdlib found (`<prefix>/lib/python3.11`).
pub fn prefix() -> Option<PathBuf> {
    stdlib().and_then(|p| p.parent()).and_then(|p| p.parent()).map(|p| p.to_path_buf())
}

/// Krait's own `lib/` folder (Python modules Krait provides itself).
pub fn krait_lib() -> Option<&'static Path> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
            // target/{release,debug}/krait -> <repo>/lib; <prefix>/bin/krait -> <prefix>/lib/krait
            for anc in exe.ancestors().skip(1).take(4) {
                for cand in [anc.join("lib/krait"), anc.join("lib")] {
                    if cand.join("_krait_lib.py").is_file() {
                        return Some(cand);
                    }
                }
            }
            let compiled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lib");
            if compiled.join("_krait_lib.py").is_file() {
                return std::fs::canonicalize(&compiled).ok();
            }
            None
        })
        .as_deref()
}

/// The hint printed once when an import fails and no stdlib was found.
pub const MISSING_HINT: &str =
    "krait: CPython 3.11's standard library was not found; set KRAIT_STDLIB to its Lib folder (the one holding os.py)";
