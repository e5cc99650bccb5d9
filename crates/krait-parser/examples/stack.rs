//! Debug helper: find the smallest thread stack that parses some nested input.
use krait_parser::{parse, Mode};
fn main() {
    let cases: Vec<(&str, String)> = vec![
        ("parens199", format!("{}x{}", "(".repeat(199), ")".repeat(199))),
        ("mixed199", format!("{}x{}", "[(".repeat(99), ")]".repeat(99))),
        ("fcall", format!("{}{}", "f(".repeat(199), ")".repeat(199))),
        ("minus", format!("{}x", "-".repeat(100000))),
        ("not", format!("{}x", "not ".repeat(100000))),
        ("lambda", format!("{}x", "lambda: ".repeat(100000))),
        ("ternary", format!("{}x", "a if b else ".repeat(100000))),
        ("pow", format!("{}x", "x**".repeat(100000))),
        ("star", format!("for {}x in y: pass", "*".repeat(100000))),
        ("parens10000", format!("{}x{}", "(".repeat(10000), ")".repeat(10000))),
        ("sub", format!("x{}", "[1]".repeat(100000))),
    ];
    let want: Vec<String> = std::env::args().skip(1).collect();
    let kb: usize = want[1].parse().unwrap();
    for (name, src) in cases {
        if name != want[0] { continue; }
        {
            let s = src.clone();
            let r = std::thread::Builder::new().stack_size(kb * 1024).spawn(move || {
                match parse(&s, "<s>", Mode::Exec) { Ok(_) => "ok".to_string(), Err(e) => e.msg }
            }).unwrap().join();
            if let Ok(msg) = r {
                println!("{:12} min stack {:5} KB -> {}", name, kb, &msg[..msg.len().min(60)]);
                break;
            }
        }
    }
}
