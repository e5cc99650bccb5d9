//! `krait`: the command line, compatible with `python3`'s.
//!
//! `krait [options] [-c cmd | -m mod | file | -] [args]`. The interpreter
//! runs on a thread with a large stack so that deep (but legal) Python
//! recursion never reaches the end of the Rust stack; `Vm::enter_call`
//! raises RecursionError well before it.

use krait_vm::vm::Options;
use krait_vm::Vm;
use std::io::{BufRead, IsTerminal, Write};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const STACK_SIZE: usize = 1 << 30;

enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Repl,
}

fn usage() -> ! {
    eprintln!("usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...");
    std::process::exit(2);
}

fn parse_args() -> (Options, Target) {
    let args: Vec<String> = std::env::args().collect();
    let mut opts = Options::default();
    let mut i = 1;
    let mut target = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            target = Some(Target::Stdin);
            opts.argv = args[i..].to_vec();
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            target = Some(Target::File(a.clone()));
            opts.argv = args[i..].to_vec();
            break;
        }
        if a == "--version" || a == "-V" {
            println!("Python 3.11.7 (krait {})", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        if a == "--help" || a == "-h" {
            println!("usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            println!("-c cmd : program passed in as string");
            println!("-m mod : run library module as a script");
            println!("-i     : inspect interactively after running script");
            println!("-u     : unbuffered stdout and stderr");
            println!("-X opt : implementation-specific option (jit-log, nojit, stats)");
            std::process::exit(0);
        }
        // Clustered single-letter flags: -uc, -Bi ...
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_target = false;
        while j < flags.len() {
            match flags[j] {
                'u' => opts.unbuffered = true,
                'i' => opts.inspect = true,
                'B' => opts.dont_write_bytecode = true,
                'E' | 'I' | 's' | 'S' | 'O' | 'q' | 'b' | 'd' | 'v' | 'R' => {}
                'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let val = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        args.get(i).cloned().unwrap_or_else(|| usage())
                    };
                    if flags[j] == 'X' {
                        opts.xoptions.push(val);
                    }
                    break;
                }
                'c' | 'm' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let val = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                eprintln!("Argument expected for the -{} option", flags[j]);
                                usage()
                            }
                        }
                    };
                    if flags[j] == 'c' {
                        opts.argv = std::iter::once("-c".to_string()).chain(args[i + 1..].iter().cloned()).collect();
                        target = Some(Target::Command(val));
                    } else {
                        opts.argv = std::iter::once(val.clone()).chain(args[i + 1..].iter().cloned()).collect();
                        target = Some(Target::Module(val));
                    }
                    consumed_target = true;
                    break;
                }
                other => {
                    eprintln!("Unknown option: -{other}");
                    usage();
                }
            }
            j += 1;
        }
        if consumed_target {
            break;
        }
        i += 1;
    }
    let target = target.unwrap_or_else(|| {
        opts.argv = vec![String::new()];
        if std::io::stdin().is_terminal() {
            Target::Repl
        } else {
            Target::Stdin
        }
    });
    if std::env::var_os("PYTHONUNBUFFERED").map_or(false, |v| !v.is_empty()) {
        opts.unbuffered = true;
    }
    if std::env::var_os("PYTHONDONTWRITEBYTECODE").map_or(false, |v| !v.is_empty()) {
        opts.dont_write_bytecode = true;
    }
    (opts, target)
}

fn run(opts: Options, target: Target) -> i32 {
    let inspect = opts.inspect;
    let mut vm = Vm::new(opts, STACK_SIZE);
    krait_vm::gc::set_current_vm(&mut vm as *mut Vm);
    let result = match &target {
        Target::File(path) => {
            // sys.path[0]: the script's folder, absolute (as CPython 3.11 gives it).
            let dir = std::path::Path::new(path).parent().map(|p| p.display().to_string()).unwrap_or_default();
            let dir = absolute(if dir.is_empty() { "." } else { &dir });
            krait_vm::entry::init_path(&mut vm, &dir);
            if !std::path::Path::new(path).exists() {
                let exe = std::env::args().next().unwrap_or_else(|| "krait".into());
                let abs = absolute(path);
                eprintln!("{exe}: can't open file '{abs}': [Errno 2] No such file or directory");
                return 2;
            }
            krait_vm::entry::run_file(&mut vm, path)
        }
        Target::Command(c) => {
            krait_vm::entry::init_path(&mut vm, "");
            krait_vm::entry::run_source(&mut vm, c, "<string>", false)
        }
        Target::Module(m) => {
            krait_vm::entry::init_path(&mut vm, &absolute("."));
            krait_vm::entry::run_module(&mut vm, m)
        }
        Target::Stdin => {
            krait_vm::entry::init_path(&mut vm, "");
            let mut src = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src);
            krait_vm::entry::run_source(&mut vm, &src, "<stdin>", false)
        }
        Target::Repl => {
            krait_vm::entry::init_path(&mut vm, "");
            Ok(())
        }
    };
    let mut status = krait_vm::entry::exit_status(&mut vm, result);
    if inspect || matches!(target, Target::Repl) {
        status = repl(&mut vm);
    }
    krait_vm::entry::shutdown(&mut vm);
    let _ = krait_vm::modules::sys::flush_stdout(&mut vm);
    krait_vm::types::file::flush_all();
    krait_vm::modules::sys::flush_raw_stdout();
    let _ = std::io::stderr().flush();
    // Leave at once: freeing every object at exit is wasted work (CPython
    // skips most of it too); files were flushed by the finalisers already run.
    if status == krait_vm::entry::EXIT_BY_SIGINT {
        // SAFETY: restoring the default action and re-raising ends the process
        // by the signal, as CPython does after an uncaught KeyboardInterrupt.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::raise(libc::SIGINT);
        }
    }
    // SAFETY: _exit ends the process without running thread-local destructors.
    unsafe { libc::_exit(status) }
}

fn absolute(p: &str) -> String {
    std::fs::canonicalize(p).map(|x| x.display().to_string()).unwrap_or_else(|_| p.to_string())
}

/// A plain read-eval-print loop (continuation lines while a block is open).
fn repl(vm: &mut Vm) -> i32 {
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    if tty {
        eprintln!("Python 3.11.7 (krait {}) on linux", env!("CARGO_PKG_VERSION"));
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let main = krait_vm::import::import_module(vm, "__main__").ok();
    let globals = match &main {
        Some(m) => krait_vm::types::module::module_dict(m),
        None => {
            let m = krait_vm::types::module::new_module("__main__");
            krait_vm::types::module::module_dict(&m)
        }
    };
    krait_vm::types::dict::dict_set_str(&globals, "__builtins__", vm.builtins.clone());
    // A line source: rustyline (editing, history) on a terminal, plain lines otherwise.
    let mut editor = if tty { rustyline::DefaultEditor::new().ok() } else { None };
    let mut lines = stdin.lock().lines();
    let mut read = |prompt: &str| -> Option<Result<String, ()>> {
        match editor.as_mut() {
            Some(ed) => match ed.readline(prompt) {
                Ok(l) => {
                    if !l.trim().is_empty() {
                        let _ = ed.add_history_entry(l.as_str());
                    }
                    Some(Ok(l))
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Some(Err(())),
                Err(_) => None,
            },
            None => {
                eprint!("{prompt}");
                let _ = std::io::stderr().flush();
                match lines.next() {
                    Some(Ok(l)) => Some(Ok(l)),
                    _ => None,
                }
            }
        }
    };
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            let line = match read(prompt) {
                Some(Ok(l)) => l,
                Some(Err(())) => {
                    eprintln!("KeyboardInterrupt");
                    src.clear();
                    break;
                }
                None => {
                    if tty {
                        eprintln!();
                    }
                    return 0;
                }
            };
            if krait_vm::interp::signals::take_sigint() {
                eprintln!("\nKeyboardInterrupt");
                src.clear();
                break;
            }
            src.push_str(&line);
            src.push('\n');
            let needs_more = line.trim_end().ends_with(':') || (prompt == "... " && !line.trim().is_empty());
            if !needs_more {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        let r = krait_vm::builtins::code::compile_source(vm, &src, "<stdin>", krait_parser_mode_single())
            .and_then(|code| krait_vm::interp::call::run_code(vm, code, globals.clone(), globals.clone(), None));
        if let Err(e) = r {
            if e.matches(&krait_vm::types::types().exc.system_exit) {
                return krait_vm::entry::handle_uncaught(vm, &e);
            }
            krait_vm::entry::handle_uncaught(vm, &e);
        }
        let _ = krait_vm::modules::sys::flush_stdout(vm);
    }
}

fn krait_parser_mode_single() -> krait_vm::ParseMode {
    krait_vm::ParseMode::Single
}

fn main() {
    let (opts, target) = parse_args();
    let child = std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(opts, target))
        .expect("cannot start the interpreter thread");
    // This thread only waits: block every signal here so the kernel delivers
    // them to the interpreter's threads (signal.pthread_sigmask/sigwait
    // semantics; the interpreter thread keeps the mask it started with).
    // SAFETY: a filled sigset applied to the calling thread only.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
    let code = match child.join() {
        Ok(c) => c,
        Err(_) => {
            krait_vm::error::report_uncaught_panic();
            70
        }
    };
    krait_vm::modules::sys::flush_raw_stdout();
    std::process::exit(code);
}
