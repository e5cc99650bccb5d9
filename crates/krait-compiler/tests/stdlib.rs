//! Compile every `.py` file of the installed CPython's standard library.
//!
//! Files CPython itself cannot compile (found by asking `python3` once) are
//! skipped, as are undecodable files. A parse error is the parser's
//! failure: counted and listed, and fails the test only when
//! `KRAIT_STDLIB_STRICT_PARSE=1`. A compile error or a panic fails the test.
//! Without `python3` the test reports that and passes.

use krait_parser::Mode;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("KRAIT_STDLIB_DIR") {
        return Some(PathBuf::from(d));
    }
    let out = Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "site-packages") {
                continue;
            }
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Files that CPython refuses to compile (deliberately bad test data).
fn cpython_rejects(dir: &Path) -> HashSet<PathBuf> {
    let script = r#"
import os, sys, warnings
warnings.simplefilter('ignore')
root = sys.argv[1]
for d, dirs, files in os.walk(root):
    if 'site-packages' in d.split(os.sep):
        continue
    for f in files:
        if not f.endswith('.py'):
            continue
        p = os.path.join(d, f)
        try:
            with open(p, 'rb') as fh:
                src = fh.read()
            compile(src, p, 'exec', dont_inherit=True)
        except BaseException:
            print(p)
"#;
    let out = Command::new("python3").arg("-c").arg(script).arg(dir).output();
    match out {
        Ok(o) => String::from_utf8_lossy(&o.stdout).lines().map(PathBuf::from).collect(),
        Err(_) => HashSet::new(),
    }
}

#[test]
fn compile_cpython_stdlib() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("stdlib test: no python3 found; nothing to do");
        return;
    };
    let mut files = Vec::new();
    collect(&dir, &mut files);
    if let Ok(filter) = std::env::var("KRAIT_STDLIB_FILTER") {
        files.retain(|p| p.to_string_lossy().contains(&filter));
    }
    let skip = cpython_rejects(&dir);
    let strict_parse = std::env::var("KRAIT_STDLIB_STRICT_PARSE").is_ok_and(|v| v == "1");
    let files2 = files.clone();
    // The test harness thread's stack is small; stdlib files are not
    // pathological, so run on a thread with a comfortable stack.
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut ok = 0usize;
            let mut skipped = 0usize;
            let mut parse_fail = Vec::new();
            let mut compile_fail = Vec::new();
            for p in &files2 {
                if skip.contains(p) {
                    skipped += 1;
                    continue;
                }
                let Ok(bytes) = std::fs::read(p) else { skipped += 1; continue };
                let Ok(src) = String::from_utf8(bytes) else { skipped += 1; continue };
                let name = p.to_string_lossy().to_string();
                let r = std::panic::catch_unwind(|| {
                    let module = krait_parser::parse(&src, &name, Mode::Exec);
                    match module {
                        Err(e) => Err((true, format!("{}:{}: {}", e.line, e.col, e.msg))),
                        Ok(m) => krait_compiler::compile(&m, &name, Mode::Exec)
                            .map_err(|e| (false, format!("{}:{}: {}: {}", e.line, e.col, e.kind, e.msg)))
                            .and_then(|code| {
                                // The bytecode cache format must round-trip every stdlib file.
                                let blob = krait_compiler::serialize::dump_code(&code);
                                match krait_compiler::serialize::load_code(&blob) {
                                    Ok(back) if krait_compiler::serialize::dump_code(&back) == blob => Ok(()), // (NaN constants defeat ==)
                                    Ok(_) => Err((false, "serialize round-trip differs".to_string())),
                                    Err(e) => Err((false, format!("serialize round-trip: {e}"))),
                                }
                            }),
                    }
                });
                match r {
                    Ok(Ok(())) => ok += 1,
                    Ok(Err((true, m))) => parse_fail.push(format!("{}: {}", name, m)),
                    Ok(Err((false, m))) => compile_fail.push(format!("{}: {}", name, m)),
                    Err(_) => compile_fail.push(format!("{}: PANIC", name)),
                }
            }
            (ok, skipped, parse_fail, compile_fail)
        })
        .unwrap();
    let (ok, skipped, parse_fail, compile_fail) = handle.join().unwrap();
    for m in parse_fail.iter().take(30) {
        eprintln!("parse error: {}", m);
    }
    for m in compile_fail.iter().take(100) {
        eprintln!("COMPILE ERROR: {}", m);
    }
    eprintln!(
        "stdlib: {} files, {} compiled, {} skipped (CPython rejects or not UTF-8), {} parse errors, {} compile errors",
        files.len(),
        ok,
        skipped,
        parse_fail.len(),
        compile_fail.len()
    );
    assert!(compile_fail.is_empty(), "{} files failed to compile", compile_fail.len());
    if strict_parse {
        assert!(parse_fail.is_empty(), "{} files failed to parse", parse_fail.len());
    }
}
