//! Golden disassembly tests: each `tests/golden/NAME.py` is compiled and its
//! disassembly compared with the committed `tests/golden/NAME.dis`.
//! Files named `eval_*.py` compile in eval mode, `single_*.py` in single
//! (interactive) mode, others in exec mode.
//!
//! Regenerate the expected files with `KRAIT_BLESS=1 cargo test -p krait-compiler --test golden`.

use krait_parser::Mode;
use std::path::Path;

fn render(src: &str, name: &str, mode: Mode) -> String {
    match krait_compiler::compile_source(src, name, mode) {
        Ok(code) => krait_compiler::dis::disassemble(&code),
        Err(e) => format!("{}: {} (line {}, column {})\n", e.kind, e.msg, e.line, e.col),
    }
}

#[test]
fn golden_disassembly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("KRAIT_BLESS").is_ok_and(|v| v == "1");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for py in &files {
        let stem = py.file_stem().unwrap().to_string_lossy().to_string();
        let mode = if stem.starts_with("eval_") {
            Mode::Eval
        } else if stem.starts_with("single_") {
            Mode::Single
        } else {
            Mode::Exec
        };
        let src = std::fs::read_to_string(py).unwrap();
        let name = format!("{}.py", stem);
        let got = render(&src, &name, mode);
        let dis_path = py.with_extension("dis");
        if bless {
            std::fs::write(&dis_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&dis_path).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
            failures.push(format!(
                "{}: differs from {} at line {}:\n  got:  {:?}\n  want: {:?}",
                py.display(),
                dis_path.display(),
                line + 1,
                got.lines().nth(line).unwrap_or("<eof>"),
                want.lines().nth(line).unwrap_or("<eof>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (rerun with KRAIT_BLESS=1 if intended):\n{}",
        failures.join("\n")
    );
}
