//! Print, per code object, the source positions of call/attribute/operator
//! instructions in the format of a CPython comparison script (development aid).
use krait_compiler::code::{CodeObject, Constant};
use krait_compiler::opcodes::Op;
use krait_parser::Mode;

fn walk(co: &CodeObject, out: &mut Vec<String>) {
    let mut items = Vec::new();
    for (ins, l) in co.instrs.iter().zip(&co.locations) {
        let name = match ins.op {
            Op::Call | Op::CallKw => "CALL",
            Op::CallFunctionEx => "CALL_FUNCTION_EX",
            Op::BinaryOp => "BINARY_OP",
            Op::BinarySubscr => "BINARY_SUBSCR",
            Op::LoadAttr => "LOAD_ATTR",
            Op::LoadMethod => "LOAD_METHOD",
            Op::CompareOp => "COMPARE_OP",
            _ => continue,
        };
        items.push(format!("{}@{}:{}-{}:{}", name, l.line, l.col, l.end_line, l.end_col));
    }
    out.push(format!("{} {}", co.qualname, items.join(" ")));
    for c in &co.consts {
        if let Constant::Code(c) = c {
            walk(c, out);
        }
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let src = std::fs::read_to_string(&path).unwrap();
    let code = krait_compiler::compile_source(&src, &path, Mode::Exec).unwrap();
    let mut out = Vec::new();
    walk(&code, &mut out);
    println!("{}", out.join("\n"));
}
