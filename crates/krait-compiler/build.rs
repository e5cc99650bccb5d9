//! Fingerprint the parser's and compiler's sources so that cached bytecode
//! written by another build of Krait is never used (see src/serialize.rs).

use std::path::Path;

fn hash_dir(dir: &Path, h: &mut u64) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            hash_dir(&p, h);
        } else if p.extension().map_or(false, |e| e == "rs") {
            if let Ok(b) = std::fs::read(&p) {
                for x in b {
                    *h ^= x as u64;
                    *h = h.wrapping_mul(0x100_0000_01b3);
                }
            }
        }
    }
}

fn main() {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for d in ["src", "../krait-parser/src"] {
        hash_dir(Path::new(d), &mut h);
        println!("cargo:rerun-if-changed={d}");
    }
    println!("cargo:rustc-env=KRAIT_COMPILER_SOURCE_HASH={h:016x}");
}
