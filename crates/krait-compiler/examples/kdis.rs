//! Disassemble Python files: `cargo run -p krait-compiler --example kdis -- FILE...`
//! (`-` reads standard input). Prints the SyntaxError on failure.

use krait_parser::Mode;
use std::io::Read;

fn main() {
    let mut status = 0;
    for path in std::env::args().skip(1) {
        let src = if path == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).expect("stdin");
            s
        } else {
            std::fs::read_to_string(&path).expect("read file")
        };
        match krait_compiler::compile_source(&src, &path, Mode::Exec) {
            Ok(code) => print!("{}", krait_compiler::dis::disassemble(&code)),
            Err(e) => {
                eprintln!("{}:{}:{}: {}: {}", path, e.line, e.col, e.kind, e.msg);
                status = 1;
            }
        }
    }
    std::process::exit(status);
}
