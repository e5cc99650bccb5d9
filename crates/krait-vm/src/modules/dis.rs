//! A native `dis` module: `dis.dis(x)` prints the disassembly of a function,
//! method, class body, code object or source string, in CPython's `dis`
//! format (the compiler's `dis.rs` does the formatting). `krait -m dis
//! file.py` disassembles a whole file (see `entry::run_module`).

use crate::object::Payload;
use crate::types::module::{add_function, new_module};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn code_of(vm: &mut Vm, x: &Value) -> PyResult<std::rc::Rc<crate::interp::VmCode>> {
    if let Some(c) = crate::types::function::as_code(x) {
        return Ok(c);
    }
    if let Some(s) = x.as_str() {
        let s = s.to_string();
        return crate::builtins::code::compile_source(vm, &s, "<dis>", krait_parser::Mode::Exec);
    }
    match x.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(fd)) => Ok(fd.code.clone()),
        Some(Payload::Method { func, .. }) => {
            let f = func.clone();
            code_of(vm, &f)
        }
        Some(Payload::Generator(g)) => match &g.borrow().frame {
            Some(f) => Ok(f.code.clone()),
            None => Err(PyErr::type_error("don't know how to disassemble a finished generator")),
        },
        _ => Err(PyErr::type_error(format!(
            "don't know how to disassemble {} objects",
            crate::types::type_ref(x).type_name_str()
        ))),
    }
}

/// Disassembly text of a code object (nested code objects included).
pub fn disassemble_text(code: &crate::interp::VmCode) -> String {
    krait_compiler::dis::disassemble(&code.code)
}

fn dis(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("dis", args, kw, &["x="])?;
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return Err(PyErr::type_error("dis() without an argument is not supported"));
    };
    // A class: disassemble each method.
    if let Some(td) = x.as_obj().and_then(|o| o.as_type()) {
        let items = td.dict.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
        for (k, v) in items {
            if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
                let code = code_of(vm, &v)?;
                let name = k.as_str().unwrap_or("").to_string();
                crate::modules::sys::write_stdout(vm, &format!("Disassembly of {name}:\n{}\n", disassemble_text(&code)))?;
            }
        }
        return Ok(Value::NONE);
    }
    let code = code_of(vm, &x)?;
    crate::modules::sys::write_stdout(vm, &disassemble_text(&code))?;
    Ok(Value::NONE)
}

fn code_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("code_info", args, kw, &["x"])?;
    let code = code_of(vm, &x.unwrap())?;
    Ok(Value::string(krait_compiler::dis::dump_exception_table(&code.code)))
}

/// `instructions(x)`: (opname, opcode, arg, offset, line) per instruction.
fn instructions(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("instructions", args, kw, &["x"])?;
    let code = code_of(vm, &x.unwrap_or(Value::NONE))?;
    let items: Vec<Value> = code
        .code
        .instrs
        .iter()
        .enumerate()
        .map(|(i, ins)| {
            let line = code.code.locations.get(i).map_or(0, |l| l.line);
            Value::tuple(vec![
                Value::string(ins.op.name()),
                Value::int(ins.op as u8 as i64),
                Value::int(ins.arg as i64),
                Value::int(2 * i as i64),
                if line == 0 { Value::NONE } else { Value::int(line as i64) },
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// `opnames()`: the name of every Krait opcode, by number.
fn opnames(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::list(krait_compiler::Op::ALL.iter().map(|o| Value::string(o.name())).collect()))
}

/// `_krait_dis`: the native half of Krait's `dis` (lib/dis.py).
pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_krait_dis");
    add_function(&m, "dis", dis);
    add_function(&m, "code_info", code_info);
    add_function(&m, "instructions", instructions);
    add_function(&m, "opnames", opnames);
    m
}
