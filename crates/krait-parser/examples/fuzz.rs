//! Debug helper: `fuzz LISTFILE ITERS` mutates the listed files and
//! reports any panic (with the offending source written to /tmp).
use krait_parser::{parse, Mode};
use std::panic::{catch_unwind, AssertUnwindSafe};

const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    "\n",
    "\n    ",
    "\t",
    " ",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "\\",
    "\\\n",
    "f'{",
    "}",
    "{{",
    "!r",
    "=",
    "==",
    ":=",
    "*",
    "**",
    "@",
    "lambda",
    "if",
    "else",
    "for",
    "in",
    "not",
    "match",
    "case",
    "_",
    "yield",
    "await",
    "async",
    "def",
    "class",
    "return",
    "del",
    "import",
    "from",
    ".",
    "...",
    "0x",
    "1_",
    "1e",
    "0o8",
    "é",
    "€",
    "\u{a0}",
    "\r",
    "\x0c",
    "#",
    "b'é'",
    "\\N{",
    "rb'",
    "f'",
    "-",
    "~",
    "|",
    "->",
    "f'{x:{y}}'",
    "f\"{a!r=}\"",
    "\"\"\"",
    "'\\x",
    "\\u12",
    "0b",
    "1j",
    "try:",
    "except*",
    "with (",
    "global",
];

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let args: Vec<String> = std::env::args().collect();
    let files: Vec<String> = std::fs::read_to_string(&args[1])
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let iters: usize = args[2].parse().unwrap();
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut rnd = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let srcs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let mut panics = 0;
    let mut oks = 0;
    let mut slowest = (std::time::Duration::ZERO, String::new());
    let mut total_len = 0;
    for it in 0..iters {
        let src = &srcs[rnd(srcs.len())];
        let fix = |s: &str, mut i: usize| {
            while i < s.len() && !s.is_char_boundary(i) {
                i += 1;
            }
            i.min(s.len())
        };
        let a = fix(src, rnd(src.len()));
        let b = fix(src, a + rnd(4000));
        let mut s = src[a..b].to_string();
        for _ in 0..1 + rnd(6) {
            let at = fix(&s, rnd(s.len() + 1));
            match rnd(3) {
                0 => s.insert_str(at, PIECES[rnd(PIECES.len())]),
                1 => {
                    let end = fix(&s, at + 1 + rnd(8));
                    s.replace_range(at..end, "");
                }
                _ => {
                    let end = fix(&s, at + 1);
                    s.replace_range(at..end, PIECES[rnd(PIECES.len())]);
                }
            }
        }
        total_len += s.len();
        let t0 = std::time::Instant::now();
        for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
            let r = catch_unwind(AssertUnwindSafe(|| parse(&s, "<f>", mode)));
            if matches!(r, Ok(Ok(_))) {
                oks += 1;
            }
            let dt = t0.elapsed();
            if dt > slowest.0 {
                slowest = (dt, s.clone());
            }
            if r.is_err() {
                panics += 1;
                std::fs::write(format!("/tmp/fuzz_panic_{}.py", panics), &s).unwrap();
                eprintln!("panic at iteration {} mode {:?}", it, mode);
            }
        }
    }
    std::fs::write("/tmp/fuzz_slowest.py", &slowest.1).unwrap();
    eprintln!(
        "slowest parse {:?} (len {}) saved to /tmp/fuzz_slowest.py",
        slowest.0,
        slowest.1.len()
    );
    eprintln!(
        "{} iterations, {} panics, {} ok parses, avg len {}",
        iters,
        panics,
        oks,
        total_len / iters.max(1)
    );
}
