//! Parse every `.py` file of the CPython standard library found on this
//! machine (via `python3`, or the `KRAIT_STDLIB` environment variable) and
//! require zero failures. Files CPython itself rejects (deliberately
//! invalid test data) and files not encoded in UTF-8 are skipped.

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
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == "site-packages" || n == "__pycache__")
            {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Whether CPython itself rejects the file (deliberately invalid test
/// data such as lib2to3's Python 2 samples or tokenizer test cases).
fn cpython_rejects(path: &Path) -> bool {
    let code = "import ast, sys\nast.parse(open(sys.argv[1], encoding='utf-8').read())";
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(code)
        .arg(path)
        .output()
    {
        Ok(out) => !out.status.success(),
        Err(_) => false,
    }
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
    let mut not_utf8 = 0;
    let mut invalid = 0;
    let mut failures = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Sources in legacy encodings (coding cookies) are not UTF-8 text.
        let Ok(src) = std::fs::read_to_string(f) else {
            not_utf8 += 1;
            continue;
        };
        match parse(&src, &rel, Mode::Exec) {
            Ok(_) => parsed += 1,
            Err(_) if cpython_rejects(f) => invalid += 1,
            Err(e) => failures.push(format!(
                "{}:{}:{}: {}: {}",
                rel, e.line, e.col, e.kind, e.msg
            )),
        }
    }
    eprintln!(
        "stdlib: {} of {} files parsed, {} failed, {} rejected by CPython too, {} not UTF-8, in {:?}",
        parsed,
        files.len(),
        failures.len(),
        invalid,
        not_utf8,
        t.elapsed()
    );
    assert!(parsed > 1000, "too few files found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} stdlib files failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
