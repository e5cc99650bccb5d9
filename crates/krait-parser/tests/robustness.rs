//! The parser must never panic or overflow the stack: truncated and
//! mutated sources and pathological nesting give `Ok` or `Err`.

use krait_parser::{parse, Mode};
use std::panic::{catch_unwind, AssertUnwindSafe};

const SAMPLE: &str = include_str!("data/valid_cases.src");

/// Small deterministic generator (xorshift).
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

const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\n    ", "\t", " ", "'", "\"", "'''",
    "\"\"\"", "\\", "\\\n", "f'{", "}", "{{", "!r", "=", "==", ":=", "*", "**", "@", "lambda",
    "if", "else", "for", "in", "not", "match", "case", "_", "yield", "await", "async", "def",
    "class", "return", "del", "import", "from", ".", "...", "0x", "1_", "1e", "0o8", "é", "€",
    "\u{a0}", "\r", "\x0c", "#", "b'é'", "\\N{", "rb'", "f'", "-", "~", "|", "->",
];

fn check(src: &str) {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        let r = catch_unwind(AssertUnwindSafe(|| parse(src, "<fuzz>", mode)));
        assert!(r.is_ok(), "parser panicked on {:?} ({:?})", src, mode);
    }
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

fn sources() -> Vec<String> {
    let mut v = vec![SAMPLE.to_string()];
    let data = include_str!("data/error_cases.src");
    v.push(data.replace("\\n", "\n"));
    v
}

#[test]
fn truncations_never_panic() {
    for src in sources() {
        let step = (src.len() / 400).max(1);
        let mut i = 0;
        while i < src.len() {
            let j = char_boundary(&src, i);
            check(&src[..j]);
            check(&src[j..]);
            i += step;
        }
    }
}

#[test]
fn mutations_never_panic() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for src in sources() {
        // Work on windows of the sample to keep each parse small.
        for _ in 0..1500 {
            let a = char_boundary(&src, rng.below(src.len()));
            let b = char_boundary(&src, a + rng.below(2000));
            let mut s = src[a..b].to_string();
            for _ in 0..1 + rng.below(4) {
                let at = char_boundary(&s, rng.below(s.len() + 1));
                match rng.below(3) {
                    0 => s.insert_str(at, PIECES[rng.below(PIECES.len())]),
                    1 => {
                        let end = char_boundary(&s, at + 1 + rng.below(8));
                        s.replace_range(at..end, "");
                    }
                    _ => {
                        let end = char_boundary(&s, at + 1);
                        s.replace_range(at..end, PIECES[rng.below(PIECES.len())]);
                    }
                }
            }
            check(&s);
        }
    }
}

#[test]
fn every_prefix_of_tricky_snippets() {
    let snippets = [
        "f'{a!r:>{width}}' f\"{b=}\" rb'\\x00'\n",
        "match x:\n    case [1, *rest] | {'k': v, **kw} if v: pass\n    case Point(x=0) as p: pass\n",
        "async def f(a, /, b=1, *c, d, **e) -> int:\n    return [x async for x in await g() if x]\n",
        "with (open(a) as f, open(b) as g):\n    x: int = yield from y\n",
        "lambda *a, b=(yield), **c: (d := e)[1:2, ::3]\n",
        "try:\n    pass\nexcept* (A, B) as e:\n    raise C from e\nfinally:\n    del a[1], b.c\n",
        "x = \"\"\"multi\nline\"\"\" '\\N{EM DASH}' 0x_ff 1_000.5e-3j\n",
    ];
    for s in snippets {
        for (i, _) in s.char_indices() {
            check(&s[..i]);
        }
    }
}

fn run_deep(src: String) -> Result<(), String> {
    // Parse on a thread with a typical 2 MiB stack.
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            parse(&src, "<deep>", Mode::Exec)
                .map(|_| ())
                .map_err(|e| e.msg)
        })
        .unwrap()
        .join()
        .expect("parser thread panicked")
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // Within CPython's limits: accepted.
    assert!(run_deep(format!("x = {}1{}", "(".repeat(199), ")".repeat(199))).is_ok());
    assert!(run_deep(format!("x = {}1{}", "[".repeat(150), "]".repeat(150))).is_ok());
    assert!(run_deep(format!("x = {}1", "-".repeat(300))).is_ok());
    assert!(run_deep(format!("x = {}1", "1+".repeat(1000))).is_ok());
    // Beyond: a SyntaxError.
    let e = run_deep(format!("x = {}1{}", "(".repeat(10000), ")".repeat(10000))).unwrap_err();
    assert_eq!(e, "too many nested parentheses");
    for src in [
        format!("x = {}1", "-".repeat(100000)),
        format!("x = {}1", "not ".repeat(100000)),
        format!("x = {}1", "lambda: ".repeat(100000)),
        format!("x = {}1", "a if b else ".repeat(100000)),
        format!("x = {}1", "x**".repeat(100000)),
        format!("x = {}1", "1+".repeat(100000)),
        format!("x = a{}", ".b".repeat(100000)),
        format!("x = a{}", "[0]".repeat(100000)),
        format!("x = f{}", "()".repeat(100000)),
        format!("for {}x in y: pass", "*".repeat(100000)),
        format!("if x: pass\n{}", "elif x: pass\n".repeat(10000)),
        format!("x = f'{}'", "{f'".repeat(50)),
    ] {
        assert!(run_deep(src).is_err());
    }
}

#[test]
fn error_reporting_stays_fast_on_nested_errors() {
    // Error-message heuristics re-parse speculatively; nesting must not
    // make that exponential.
    let n = 190;
    let cases = [
        format!("x = {}$", "f(a[".repeat(n / 2)),
        format!("x = {}a b", "(".repeat(n)),
        format!("x = {}=", "[a, ".repeat(n)),
        format!("x = {}:", "{a: ".repeat(n)),
        format!("x = {}x for x in y, 1", "f(".repeat(n)),
        format!("x = {}]", "a[".repeat(n)),
        format!("x = {}$", "(lambda: ".repeat(n)),
        format!("x = {}$", "[x for x in ".repeat(n)),
        format!("x = {}a = 1", "(b, ".repeat(n)),
        format!("x = {}a := 1", "g(".repeat(n)),
        format!("x = {}a b", "f(x)[".repeat(n / 2)),
        format!("match x:\n case {}$", "[".repeat(n)),
        format!("x = {}", "f(a=1, b".repeat(n / 8)),
        format!("x = {}*", "{**a, ".repeat(n)),
        format!("f'{}'", "{a!r:{b".repeat(3)),
    ];
    for src in cases {
        let t = std::time::Instant::now();
        let r = run_deep(src.clone());
        assert!(
            r.is_err(),
            "expected an error for {:?}",
            &src[..40.min(src.len())]
        );
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "slow error path ({:?}) for {:?}",
            t.elapsed(),
            &src[..40.min(src.len())]
        );
    }
}
