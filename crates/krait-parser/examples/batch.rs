//! Debug helper: `batch LISTFILE OUTDIR` parses every file named in LISTFILE
//! and writes `ast.dump(include_attributes=True)`-style output (or the
//! error) to OUTDIR/<index>.
use krait_parser::{dump::dump, parse, Mode};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let list = std::fs::read_to_string(&args[1]).unwrap();
    let out = args.get(2);
    let mut total = Duration::ZERO;
    let (mut ok, mut bad) = (0, 0);
    for (i, f) in list.lines().enumerate() {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let t = Instant::now();
        let r = parse(&src, f, Mode::Exec);
        total += t.elapsed();
        let text = match &r {
            Ok(m) => {
                ok += 1;
                if out.is_some() {
                    dump(m, true)
                } else {
                    String::new()
                }
            }
            Err(e) => {
                bad += 1;
                eprintln!("{}: {} {:?} {} {}", f, e.kind, e.msg, e.line, e.col);
                format!(
                    "ERROR {} {:?} {} {} {} {}",
                    e.kind, e.msg, e.line, e.col, e.end_line, e.end_col
                )
            }
        };
        if let Some(o) = out {
            std::fs::write(format!("{}/{}", o, i), text).unwrap();
        }
    }
    eprintln!("ok {} err {} parse time {:?}", ok, bad, total);
}
