//! Running programs: a script file, a `-c` string or a `-m` module as
//! `__main__`, and turning the outcome into a process exit status the way
//! CPython does (uncaught exceptions print a traceback and exit 1;
//! `SystemExit` carries its own code or message).

use crate::interp::call::run_code;
use crate::types::module::{module_dict, new_module};
use crate::types::{dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// Set `sys.path`: the script folder (or "" for -c/-m/REPL), PYTHONPATH
/// entries, Krait's own `lib/`, then the CPython 3.11 `Lib/` found (see
/// `stdlib_path`). Also sets `sys.prefix` and friends from that `Lib/`.
pub fn init_path(vm: &mut Vm, first: &str) {
    let mut path = vec![Value::str(first)];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        for p in pp.split(':').filter(|p| !p.is_empty()) {
            path.push(Value::str(p));
        }
    }
    if let Some(lib) = crate::stdlib_path::krait_lib() {
        path.push(Value::string(lib.display().to_string()));
    }
    let sd = module_dict(&vm.sys);
    if let Some(lib) = crate::stdlib_path::stdlib() {
        path.push(Value::string(lib.display().to_string()));
        if let Some(prefix) = crate::stdlib_path::prefix() {
            let p = Value::string(prefix.display().to_string());
            for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
                dict::dict_set_str(&sd, k, p.clone());
            }
        }
    }
    dict::dict_set_str(&sd, "path", Value::list(path));
}

fn new_main(vm: &mut Vm, file: Option<&str>) -> Value {
    let m = new_module("__main__");
    let d = module_dict(&m);
    dict::dict_set_str(&d, "__annotations__", dict::new_dict());
    dict::dict_set_str(&d, "__builtins__", vm.builtins.clone());
    if let Some(f) = file {
        dict::dict_set_str(&d, "__file__", Value::str(f));
        dict::dict_set_str(&d, "__cached__", Value::NONE);
    }
    dict::dict_set_str(&vm.modules, "__main__", m.clone());
    m
}

/// Run source text as `__main__`.
pub fn run_source(vm: &mut Vm, src: &str, filename: &str, is_file: bool) -> PyResult<()> {
    let m = new_main(vm, if is_file { Some(filename) } else { None });
    let d = module_dict(&m);
    let code = crate::builtins::code::compile_source(vm, src, filename, krait_parser::Mode::Exec)?;
    run_code(vm, code, d.clone(), d, None)?;
    Ok(())
}

/// Run a script file as `__main__`.
pub fn run_file(vm: &mut Vm, path: &str) -> PyResult<()> {
    let src = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Err(crate::error::io_error(&e, Some(path))),
    };
    // Since 3.9 the main script's __file__ (and traceback paths) are absolute.
    let abs = std::fs::canonicalize(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_string());
    // PEP 263 coding cookie, BOM, and CPython's error for undecodable bytes.
    let src = crate::builtins::code::decode_source(vm, &src, path)?;
    run_source(vm, &src, &abs, true)
}

/// Run `-m module`.
pub fn run_module(vm: &mut Vm, name: &str) -> PyResult<()> {
    if name == "dis" {
        // `krait -m dis file.py`: disassemble the file given after the module.
        let file = vm.options.argv.get(1).cloned();
        let Some(file) = file else {
            return Err(PyErr::type_error("usage: krait -m dis file.py"));
        };
        let src = std::fs::read_to_string(&file).map_err(|e| crate::error::io_error(&e, Some(&file)))?;
        let code = crate::builtins::code::compile_source(vm, &src, &file, krait_parser::Mode::Exec)?;
        let text = crate::modules::dis::disassemble_text(&code);
        return crate::modules::sys::write_stdout(vm, &text);
    }
    // Find the module's file without executing it, then run it as __main__.
    let path = dict::dict_get_str(&module_dict(&vm.sys), "path").unwrap_or(Value::NONE);
    let dirs: Vec<String> = vm.collect(&path)?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
    let rel = name.replace('.', "/");
    for d in dirs {
        let base = if d.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(&d) };
        for cand in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
            if cand.is_file() {
                // `__package__`: the package itself for pkg/__main__.py, else the parent.
                let package = if cand.ends_with("__main__.py") {
                    crate::import::import_module(vm, name)?;
                    name.to_string()
                } else {
                    match name.rsplit_once('.') {
                        Some((pkg, _)) => {
                            crate::import::import_module(vm, pkg)?;
                            pkg.to_string()
                        }
                        None => String::new(),
                    }
                };
                let path = std::fs::canonicalize(&cand).map(|p| p.display().to_string()).unwrap_or_else(|_| cand.display().to_string());
                // sys.argv[0] is the module's full path, as CPython sets it.
                if let Some(argv) = dict::dict_get_str(&module_dict(&vm.sys), "argv") {
                    if let Some(l) = argv.as_list() {
                        if let Some(first) = l.borrow_mut().first_mut() {
                            *first = Value::str(&path);
                        }
                    }
                }
                let src = std::fs::read_to_string(&cand).map_err(|e| crate::error::io_error(&e, Some(&path)))?;
                let m = new_main(vm, Some(&path));
                let d = module_dict(&m);
                dict::dict_set_str(&d, "__package__", Value::str(&package));
                let code = crate::builtins::code::compile_source(vm, &src, &path, krait_parser::Mode::Exec)?;
                run_code(vm, code, d.clone(), d, None)?;
                return Ok(());
            }
        }
    }
    Err(PyErr::new(&types().exc.module_not_found_error, format!("No module named {name}")))
}

/// Turn the result of running `__main__` into an exit status, printing
/// uncaught exceptions as CPython does.
pub fn exit_status(vm: &mut Vm, r: PyResult<()>) -> i32 {
    let code = match r {
        Ok(()) => 0,
        Err(e) => handle_uncaught(vm, &e),
    };
    let _ = crate::modules::sys::flush_stdout(vm);
    crate::modules::sys::flush_raw_stdout();
    crate::types::file::flush_all();
    code
}

/// Print an uncaught exception (or interpret SystemExit); the exit status.
pub fn handle_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    let t = types();
    if e.matches(&t.exc.system_exit) {
        let code = vm.getattr_str(&e.exc, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = code.as_i64() {
            return i as i32;
        }
        let _ = crate::modules::sys::flush_stdout(vm);
        let s = vm.str_string(&code).unwrap_or_default();
        crate::modules::sys::write_stderr(vm, &format!("{s}\n"));
        return 1;
    }
    let _ = crate::modules::sys::flush_stdout(vm);
    let interrupted = e.matches(&t.exc.keyboard_interrupt);
    let hook = dict::dict_get_str(&module_dict(&vm.sys), "excepthook");
    match hook {
        Some(h) if !matches!(h.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Native(n)) if n.name == "excepthook") => {
            let ty = crate::types::type_of(&e.exc);
            let tb = crate::types::exception::get_traceback(&e.exc);
            if vm.call(&h, &[ty, e.exc.clone(), tb]).is_err() {
                crate::interp::unwind::print_exception(vm, &e.exc);
            }
        }
        _ => crate::interp::unwind::print_exception(vm, &e.exc),
    }
    if interrupted {
        // CPython dies of SIGINT after an uncaught KeyboardInterrupt.
        return EXIT_BY_SIGINT;
    }
    1
}

/// Exit status meaning "end the process by SIGINT" (see crates/krait/src/main.rs).
pub const EXIT_BY_SIGINT: i32 = -2;

/// Interpreter shutdown, as far as programs can observe it: the `__main__`
/// namespace is cleared in insertion order (so objects it holds are freed and
/// their `__del__` runs, like CPython's module teardown), then cyclic garbage
/// is collected. Other modules are left to the process exit.
pub fn shutdown(vm: &mut Vm) {
    // Wait for the non-daemon threads, as CPython's finalisation does.
    if let Some(th) = dict::dict_get_str(&vm.modules, "threading") {
        if let Ok(f) = vm.getattr_str(&th, "_shutdown") {
            if let Err(e) = vm.call(&f, &[]) {
                crate::modules::sys_extra::write_unraisable(vm, &e, Some("Exception ignored on threading shutdown"), None);
            }
        }
    }
    // atexit callbacks, newest first, before the final flush.
    crate::modules::misc::atexit::run_exitfuncs(vm);
    crate::gil::stats::report();
    crate::gil::FINALIZING.store(true, std::sync::atomic::Ordering::SeqCst);
    if let Some(m) = dict::dict_get_str(&vm.modules, "__main__") {
        let d = module_dict(&m);
        let keys = d.as_dict().map(|x| x.borrow().keys()).unwrap_or_default();
        for k in keys {
            if k.as_str() == Some("__builtins__") {
                continue;
            }
            // Replace with None first, then drop the old value outside any borrow.
            let old = match d.as_dict() {
                Some(x) => {
                    let mut x = x.borrow_mut();
                    let h = k.as_pystr_exact().map(|s| s.hash());
                    match h.and_then(|h| x.find_index_native(&k, h)) {
                        Some(i) => Some(std::mem::replace(&mut x.entries[i].value, Value::NONE)),
                        None => None,
                    }
                }
                None => None,
            };
            drop(old);
        }
    }
    crate::gc::collect(vm);
}
