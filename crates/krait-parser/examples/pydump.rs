//! Debug helper: `pydump [-a] [-m exec|eval|single] (FILE | -c SOURCE)`
//! prints the AST like Python's `ast.dump`, or the syntax error.
use krait_parser::{dump::dump, parse, Mode};

fn main() {
    let mut attrs = false;
    let mut mode = Mode::Exec;
    let mut src = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-a" => attrs = true,
            "-m" => {
                mode = match args.next().as_deref() {
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    _ => Mode::Exec,
                }
            }
            "-c" => src = args.next(),
            f => src = Some(std::fs::read_to_string(f).expect("read")),
        }
    }
    let src = src.expect("no input");
    match parse(&src, "<string>", mode) {
        Ok(m) => println!("{}", dump(&m, attrs)),
        Err(e) => println!(
            "{} {:?} {} {} {} {}",
            e.kind, e.msg, e.line, e.col, e.end_line, e.end_col
        ),
    }
}
