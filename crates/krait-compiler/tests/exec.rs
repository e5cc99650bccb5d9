//! Execution tests: each `tests/exec/NAME.py` is compiled and run on the
//! test-only mini interpreter (`tests/minivm`); its output must equal
//! `tests/exec/NAME.out`, which is CPython 3.11's output for the same
//! program (with `tests/exec_prelude.py`, defining the `cm` context
//! manager, prepended). Regenerate an `.out` with CPython, not with Krait.

mod minivm;

use krait_parser::Mode;
use std::path::Path;

#[test]
fn programs_behave_like_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exec");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for py in &files {
        let src = std::fs::read_to_string(py).unwrap();
        let want = std::fs::read_to_string(py.with_extension("out")).unwrap_or_default();
        let name = py.file_name().unwrap().to_string_lossy().to_string();
        let code = match krait_compiler::compile_source(&src, &name, Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: compile error {}:{} {}", name, e.line, e.col, e.msg));
                continue;
            }
        };
        let mut vm = minivm::Vm::new();
        let r = vm.run_module(code);
        let mut got = vm.out.clone();
        if let Err(e) = r {
            got.push_str(&format!("UNCAUGHT: {}\n", minivm::str_of(&e)));
        }
        if got != want {
            let line = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
            failures.push(format!(
                "{}: output differs at line {}:\n  got:  {:?}\n  want: {:?}\n--- full output ---\n{}",
                name,
                line + 1,
                got.lines().nth(line).unwrap_or("<eof>"),
                want.lines().nth(line).unwrap_or("<eof>"),
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
