//! Cross-check code-object metadata with CPython over the standard library:
//! for every code object (depth-first, in constant order) compare name,
//! qualname, argument counts, flags, first line, the sets of cell and free
//! variables and the parameter names. This validates scope analysis at
//! scale. Needs `python3` (3.11); passes with a note when it is missing.
//! `KRAIT_STDLIB_FILTER=substr` restricts the files.

use krait_compiler::code::{CodeObject, Constant};
use krait_parser::Mode;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

const DUMP: &str = r#"
import os, sys, warnings
warnings.simplefilter('ignore')
root = sys.argv[1]
filt = os.environ.get('KRAIT_STDLIB_FILTER', '')
MASK = 0x3bf
def walk(co, out):
    nargs = co.co_argcount + co.co_kwonlyargcount + bool(co.co_flags & 4) + bool(co.co_flags & 8)
    out.append('|'.join([co.co_name, co.co_qualname, str(co.co_argcount), str(co.co_posonlyargcount),
        str(co.co_kwonlyargcount), hex(co.co_flags & MASK), str(co.co_firstlineno),
        ','.join(sorted(co.co_cellvars)), ','.join(sorted(co.co_freevars)), ','.join(co.co_varnames[:nargs])]))
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            walk(c, out)
for d, dirs, files in os.walk(root):
    dirs.sort()
    if 'site-packages' in d.split(os.sep):
        continue
    for f in sorted(files):
        p = os.path.join(d, f)
        if not f.endswith('.py') or filt not in p:
            continue
        try:
            src = open(p, 'rb').read()
            src.decode('utf-8')
            co = compile(src, p, 'exec', dont_inherit=True)
        except BaseException:
            continue
        out = []
        walk(co, out)
        print('FILE ' + p)
        for line in out:
            print(line)
"#;

/// Code objects among the constants, in order (CPython 3.11 keeps the
/// constants of dead code too, and merges identical code objects).
fn children(code: &CodeObject) -> Vec<std::rc::Rc<CodeObject>> {
    code.consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

fn walk(code: &CodeObject, out: &mut Vec<String>) {
    let nargs = code.total_args() as usize;
    let mut cells: Vec<String> = code.cellvars.iter().map(|s| s.to_string()).collect();
    cells.sort();
    let mut frees: Vec<String> = code.freevars.iter().map(|s| s.to_string()).collect();
    frees.sort();
    let params: Vec<String> = code.varnames.iter().take(nargs).map(|s| s.to_string()).collect();
    out.push(
        [
            code.name.to_string(),
            code.qualname.to_string(),
            code.argcount.to_string(),
            code.posonlyargcount.to_string(),
            code.kwonlyargcount.to_string(),
            format!("{:#x}", code.flags & 0x3bf),
            code.firstlineno.to_string(),
            cells.join(","),
            frees.join(","),
            params.join(","),
        ]
        .join("|"),
    );
    for c in children(code) {
        walk(&c, out);
    }
}

/// Files where CPython's optimizer drops the constants of some dead code
/// (a `def` after `return` inside `try/finally`) that Krait keeps.
const KNOWN_DIFFERENCES: &[&str] = &["test/test_posix.py"];

#[test]
fn code_objects_match_cpython() {
    let dir = match Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
    {
        Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        _ => {
            eprintln!("no python3: skipped");
            return;
        }
    };
    let out = Command::new("python3").arg("-c").arg(DUMP).arg(&dir).output().expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut expected: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("FILE ") {
            expected.push((p.to_string(), Vec::new()));
        } else if let Some(last) = expected.last_mut() {
            last.1.push(line.to_string());
        }
    }
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut mismatches: Vec<String> = Vec::new();
            let mut kinds: HashMap<String, usize> = HashMap::new();
            let mut checked = 0usize;
            for (path, want) in &expected {
                if KNOWN_DIFFERENCES.iter().any(|k| path.ends_with(k)) {
                    continue;
                }
                let Ok(src) = std::fs::read_to_string(path) else { continue };
                let code = match krait_compiler::compile_source(&src, path, Mode::Exec) {
                    Ok(c) => c,
                    Err(e) => {
                        mismatches.push(format!("{}: error {}", path, e.msg));
                        continue;
                    }
                };
                let mut got = Vec::new();
                walk(&code, &mut got);
                checked += got.len();
                if got.len() != want.len() {
                    *kinds.entry("count".into()).or_default() += 1;
                    let i = got.iter().zip(want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
                    mismatches.push(format!(
                        "{}: {} code objects, CPython has {}; first difference:\n  got  {}\n  want {}",
                        path,
                        got.len(),
                        want.len(),
                        got.get(i).map_or("<none>", |s| s.as_str()),
                        want.get(i).map_or("<none>", |s| s.as_str())
                    ));
                    continue;
                }
                for (g, w) in got.iter().zip(want) {
                    if g != w {
                        let gf: Vec<&str> = g.split('|').collect();
                        let wf: Vec<&str> = w.split('|').collect();
                        let names = ["name", "qualname", "argc", "posonly", "kwonly", "flags", "firstlineno", "cells", "frees", "params"];
                        for (i, n) in names.iter().enumerate() {
                            if gf.get(i) != wf.get(i) {
                                *kinds.entry(n.to_string()).or_default() += 1;
                            }
                        }
                        mismatches.push(format!("{}:\n  got  {}\n  want {}", path, g, w));
                    }
                }
            }
            (checked, mismatches, kinds)
        })
        .unwrap();
    let (checked, mismatches, kinds) = handle.join().unwrap();
    for m in mismatches.iter().take(40) {
        eprintln!("{}", m);
    }
    eprintln!("code objects checked: {}, mismatches: {} {:?}", checked, mismatches.len(), kinds);
    assert!(mismatches.is_empty());
}
