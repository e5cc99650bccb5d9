//! `Vm`: the state of one interpreter thread.
//!
//! Holding a `&mut Vm` is the proof that the current thread holds the GIL:
//! every API that touches objects takes one. Process-wide state (builtin
//! types) lives in `types::types()`; `sys.modules` and `builtins` are shared
//! objects referenced from here.

use crate::types::{dict, module, types};
use crate::value::Value;
use crate::{PyErr, PyResult};

pub struct Vm {
    /// The `builtins` module and its dict.
    pub builtins: Value,
    pub builtins_dict: Value,
    /// `sys` module.
    pub sys: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// Current Python call depth and the limit (`sys.setrecursionlimit`).
    pub depth: u32,
    pub recursion_limit: u32,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled_exc: Value,
    /// Set by re-raising instructions: the next unwind adds no traceback entry.
    pub reraising: bool,
    /// Lowest safe address of the Rust stack: below it calls raise RecursionError.
    pub stack_limit: usize,
    /// Command-line options that affect behaviour.
    pub options: Options,
    /// Objects whose repr is in progress (to print `[...]` for cycles).
    pub repr_guard: Vec<u64>,
    /// The Python frames being executed by this thread, innermost last.
    /// Pointers to frames owned by `eval::run` callers, valid while listed.
    pub frames: Vec<*const crate::interp::Frame>,
    /// This thread's contiguous frame arena and its first free slot
    /// (see interp/frame.rs).
    pub arena: Box<[std::mem::MaybeUninit<Value>]>,
    pub arena_top: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub unbuffered: bool,
    pub inspect: bool,
    pub dont_write_bytecode: bool,
    pub xoptions: Vec<String>,
    pub argv: Vec<String>,
    /// Folder of the script (first entry of sys.path), or "" for -c / REPL.
    pub script_dir: Option<String>,
}

/// Bytes of Rust stack kept in reserve below the recursion check.
const STACK_RESERVE: usize = 256 * 1024;

impl Vm {
    /// Create the interpreter state: builtin types, `builtins`, `sys`.
    /// `stack_size` is the size of the current thread's stack in bytes.
    pub fn new(options: Options, stack_size: usize) -> Vm {
        // The main thread holds the GIL from the start.
        crate::gil::acquire(false);
        crate::gil::set_main_thread();
        crate::error::install_panic_hook();
        crate::types::init_types();
        let here = 0u8;
        let sp = &here as *const u8 as usize;
        let stack_limit = sp.saturating_sub(stack_size.saturating_sub(STACK_RESERVE + 64 * 1024));
        let t = types();
        let modules = dict::new_dict();
        let mut vm = Vm {
            builtins: Value::NONE,
            builtins_dict: Value::NONE,
            sys: Value::NONE,
            modules,
            depth: 0,
            recursion_limit: 1000,
            handled_exc: Value::NONE,
            reraising: false,
            stack_limit,
            options,
            repr_guard: Vec::new(),
            frames: Vec::new(),
            arena: Vm::new_arena(),
            arena_top: 0,
        };
        let _ = t;
        let b = crate::builtins::make_module(&mut vm);
        vm.builtins_dict = module::module_dict(&b);
        vm.builtins = b.clone();
        dict::dict_set_str(&vm.modules, "builtins", b);
        let sys = crate::modules::sys::make_module(&mut vm);
        vm.sys = sys.clone();
        dict::dict_set_str(&vm.modules, "sys", sys);
        crate::value::set_finalizer_hook(crate::gc::finalize_hook);
        crate::interp::signals::install();
        vm
    }

    /// The state of a new thread (see threads.rs), sharing `builtins`, `sys`
    /// and `sys.modules` with the thread that started it. The caller holds the GIL.
    pub fn for_thread(
        builtins: Value,
        builtins_dict: Value,
        sys: Value,
        modules: Value,
        options: Options,
        recursion_limit: u32,
        stack_size: usize,
    ) -> Vm {
        let here = 0u8;
        let sp = &here as *const u8 as usize;
        let stack_limit = sp.saturating_sub(stack_size.saturating_sub(STACK_RESERVE + 64 * 1024));
        Vm {
            builtins,
            builtins_dict,
            sys,
            modules,
            depth: 0,
            recursion_limit,
            handled_exc: Value::NONE,
            reraising: false,
            stack_limit,
            options,
            repr_guard: Vec::new(),
            frames: Vec::new(),
            arena: Vm::new_arena(),
            arena_top: 0,
        }
    }

    /// Enter a Python-level call: checks the recursion limit and the Rust stack.
    #[inline]
    pub fn enter_call(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        let here = 0u8;
        if (&here as *const u8 as usize) < self.stack_limit {
            self.depth -= 1;
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        Ok(())
    }

    #[inline]
    pub fn leave_call(&mut self) {
        self.depth -= 1;
    }

    /// The innermost running Python frame.
    pub fn current_frame(&self) -> Option<&crate::interp::Frame> {
        // SAFETY: listed frames are alive until `eval::run` unlists them.
        self.frames.last().map(|&p| unsafe { &*p })
    }

    /// Start repr of a container; false if it is already being repr'd.
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        if self.repr_guard.contains(&v.bits()) {
            return false;
        }
        self.repr_guard.push(v.bits());
        true
    }

    pub fn repr_leave(&mut self, v: &Value) {
        if let Some(p) = self.repr_guard.iter().rposition(|&b| b == v.bits()) {
            self.repr_guard.remove(p);
        }
    }

    /// Guard for deep native recursion (repr of nested lists, deep compares).
    pub fn check_stack(&self, what: &str) -> PyResult<()> {
        let here = 0u8;
        if (&here as *const u8 as usize) < self.stack_limit {
            return Err(PyErr::recursion_error(format!("maximum recursion depth exceeded{what}")));
        }
        Ok(())
    }
}
