//! Mutation fuzzing: lines of real Python files are deleted, duplicated,
//! swapped or re-indented; every variant that parses must compile to code
//! or to a `SyntaxError` — never panic, and never hit an internal error
//! (kind "SystemError": a broken stack-depth or handler invariant).
//! Deterministic (fixed seed); `KRAIT_FUZZ_ITERS` sets the count per file.

use krait_parser::Mode;
use std::path::Path;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(lines: &[&str], rng: &mut Rng) -> String {
    let mut v: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    for _ in 0..1 + rng.below(3) {
        if v.is_empty() {
            break;
        }
        let i = rng.below(v.len());
        match rng.below(5) {
            0 => {
                v.remove(i);
            }
            1 => {
                let l = v[i].clone();
                v.insert(i, l);
            }
            2 => {
                let j = rng.below(v.len());
                v.swap(i, j);
            }
            3 => {
                let l = format!("    {}", v[i]);
                v[i] = l;
            }
            _ => {
                let j = rng.below(v.len());
                let l = v[j].trim_start().to_string();
                let indent: String = v[i].chars().take_while(|c| *c == ' ').collect();
                v.insert(i, format!("{}{}", indent, l));
            }
        }
    }
    v.join("\n") + "\n"
}

#[test]
fn mutated_sources_never_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut sources: Vec<String> = Vec::new();
    for sub in ["golden", "exec"] {
        let mut files: Vec<_> = std::fs::read_dir(corpus.join(sub)).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for p in files {
            if p.extension().is_some_and(|e| e == "py") {
                sources.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let iters: usize = std::env::var("KRAIT_FUZZ_ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut compiled = 0;
    let mut problems = Vec::new();
    for src in &sources {
        let lines: Vec<&str> = src.lines().collect();
        for _ in 0..iters {
            let m = mutate(&lines, &mut rng);
            let r = std::panic::catch_unwind(|| {
                let Ok(module) = krait_parser::parse(&m, "<fuzz>", Mode::Exec) else { return Ok(false) };
                match krait_compiler::compile(&module, "<fuzz>", Mode::Exec) {
                    Ok(code) => {
                        let _ = krait_compiler::dis::disassemble(&code);
                        Ok(true)
                    }
                    Err(e) if e.kind == "SystemError" => Err(e.msg),
                    Err(_) => Ok(true),
                }
            });
            match r {
                Ok(Ok(true)) => compiled += 1,
                Ok(Ok(false)) => {}
                Ok(Err(msg)) => problems.push(format!("internal error {}:\n{}", msg, m)),
                Err(_) => problems.push(format!("panic on:\n{}", m)),
            }
        }
    }
    eprintln!("fuzz: {} variants reached the compiler, {} problems", compiled, problems.len());
    for p in problems.iter().take(3) {
        eprintln!("{}", p);
    }
    assert!(problems.is_empty());
}
