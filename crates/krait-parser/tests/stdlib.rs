//! Parse every `.py` file of the CPython standard library found on this
//! machine (via `python3`, or the `KRAIT_STDLIB` environment variable) and
//! require zero failures. Files CPython itself rejects are skipped.

use krait_parser::{parse, Mode};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("KRAIT_STDLIB") {
        return Some(PathBuf::from(d));
    }
    let out = std::process::Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    let p = PathBuf::from(s.trim());
    if p.join("os.py").exists() {
        Some(p)
    } else {
        None
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "site-packages" || n == "__pycache__") {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Files that are deliberately invalid (CPython fails to compile them too).
fn deliberately_invalid(rel: &str) -> bool {
    rel.contains("lib2to3/tests/data/")
        || rel.contains("test/bad")
        || rel.contains("tokenizedata/bad")
        || rel.contains("badsyntax")
}

#[test]
fn parses_whole_stdlib() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("no CPython standard library found (set KRAIT_STDLIB); skipping");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    let t = Instant::now();
    let mut parsed = 0;
    let mut skipped = 0;
    let mut failures = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        if deliberately_invalid(&rel) {
            skipped += 1;
            continue;
        }
        // Sources in legacy encodings (coding cookies) are not UTF-8 text.
        let Ok(src) = std::fs::read_to_string(f) else {
            skipped += 1;
            continue;
        };
        match parse(&src, &rel, Mode::Exec) {
            Ok(_) => parsed += 1,
            Err(e) => failures.push(format!("{}:{}:{}: {}: {}", rel, e.line, e.col, e.kind, e.msg)),
        }
    }
    eprintln!(
        "stdlib: {} files parsed, {} failed, {} skipped, in {:?}",
        parsed,
        failures.len(),
        skipped,
        t.elapsed()
    );
    assert!(parsed > 1000, "too few files found in {}", dir.display());
    assert!(failures.is_empty(), "{} stdlib files failed:\n{}", failures.len(), failures.join("\n"));
}
