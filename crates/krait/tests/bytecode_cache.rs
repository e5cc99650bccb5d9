//! The bytecode cache (`__pycache__/*.krait-311.pyc`): written on first
//! import, used afterwards, ignored and rewritten when stale or corrupt, and
//! safe when several processes import the same fresh module at once.

use std::path::{Path, PathBuf};
use std::process::Command;

fn krait() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_krait"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("krait-cache-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(dir: &Path, code: &str) -> String {
    let out = Command::new(krait())
        .arg("-c")
        .arg(code)
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output()
        .unwrap();
    assert!(out.status.success(), "krait failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn cache_file(dir: &Path, module: &str) -> PathBuf {
    dir.join("__pycache__").join(format!("{module}.krait-311.pyc"))
}

#[test]
fn written_used_and_invalidated() {
    let d = scratch("basic");
    std::fs::write(d.join("m.py"), "VALUE = 1\ndef f():\n    return VALUE + 1\n").unwrap();
    assert_eq!(run(&d, "import m; print(m.f())"), "2\n");
    let c = cache_file(&d, "m");
    assert!(c.is_file(), "cache not written");
    // Warm import from the cache.
    assert_eq!(run(&d, "import m; print(m.f(), m.__cached__.endswith('m.krait-311.pyc'))"), "2 True\n");
    // A changed source (other size) invalidates it.
    std::fs::write(d.join("m.py"), "VALUE = 41\ndef f():\n    return VALUE + 1  # changed\n").unwrap();
    assert_eq!(run(&d, "import m; print(m.f())"), "42\n");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn corrupt_cache_is_ignored_and_rewritten() {
    let d = scratch("corrupt");
    std::fs::write(d.join("m.py"), "print('ran', 6 * 7)\n").unwrap();
    assert_eq!(run(&d, "import m"), "ran 42\n");
    let c = cache_file(&d, "m");
    let good = std::fs::read(&c).unwrap();
    // Garbage, a truncated file, and a body with flipped bytes.
    let mut flipped = good.clone();
    for i in (30..flipped.len()).step_by(7) {
        flipped[i] ^= 0x5a;
    }
    for bad in [b"garbage".to_vec(), good[..good.len() / 2].to_vec(), flipped] {
        std::fs::write(&c, &bad).unwrap();
        assert_eq!(run(&d, "import m"), "ran 42\n");
        assert_eq!(std::fs::read(&c).unwrap(), good, "cache not rewritten");
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn concurrent_importers_never_see_a_torn_file() {
    let d = scratch("race");
    let body: String = (0..400).map(|i| format!("def f{i}(x):\n    return x + {i}\n")).collect();
    std::fs::write(d.join("big.py"), format!("{body}print(f399(1))\n")).unwrap();
    for _round in 0..3 {
        let _ = std::fs::remove_dir_all(d.join("__pycache__"));
        let children: Vec<_> = (0..8)
            .map(|_| {
                Command::new(krait())
                    .arg("-c")
                    .arg("import big")
                    .current_dir(&d)
                    .env_remove("PYTHONDONTWRITEBYTECODE")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), "400\n");
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}
