//! The import system: `import a.b.c`, `from .x import y`, `__import__`.
//!
//! Lookup order for a top-level name: `sys.modules`, native modules
//! (modules/), then each folder of `sys.path` (`name.py`, or `name/`
//! with `__init__.py` as a package, or `name/` without it as a namespace
//! package). Submodules are searched in the parent's `__path__`. A module
//! that fails while executing is removed from `sys.modules`.

use crate::interp::call::run_code;
use crate::interp::Frame;
use crate::types::module::{module_dict, new_module};
use crate::types::{dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::path::{Path, PathBuf};

fn not_found(name: &str) -> PyErr {
    if crate::stdlib_path::stdlib().is_none() && !name.contains('.') {
        static HINTED: std::sync::Once = std::sync::Once::new();
        HINTED.call_once(|| eprintln!("{}", crate::stdlib_path::MISSING_HINT));
    }
    not_found_msg(name, format!("No module named '{name}'"))
}

/// A ModuleNotFoundError with `.name` set.
fn not_found_msg(name: &str, msg: String) -> PyErr {
    let e = PyErr::new(&types().exc.module_not_found_error, msg);
    if let Some(o) = e.exc.as_obj() {
        if let Some(d) = o.dict.borrow().clone() {
            dict::dict_set_str(&d, "name", Value::str(name));
        }
    }
    e
}

/// Modules whose code is running right now (for circular-import messages).
    
static INITIALIZING: crate::gil::GilCell<std::cell::RefCell<Vec<String>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));

fn is_initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|n| n == name))
}

/// Resolve a relative module name against the importing module's package.
fn resolve_name(vm: &mut Vm, name: &str, globals: Option<&Value>, level: i64) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        return Ok(name.to_string());
    }
    let g = globals.cloned().unwrap_or(Value::NONE);
    let mut package = if g.as_dict().is_some() {
        let p = dict::dict_get_str(&g, "__package__").filter(|p| !p.is_none());
        match p {
            Some(p) => vm.str_string(&p)?,
            None => {
                let modname = dict::dict_get_str(&g, "__name__").and_then(|n| n.as_str().map(|s| s.to_string())).unwrap_or_default();
                if dict::dict_get_str(&g, "__path__").is_some() {
                    modname
                } else {
                    modname.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default()
                }
            }
        }
    } else {
        String::new()
    };
    if package.is_empty() {
        return Err(PyErr::import_error("attempted relative import with no known parent package"));
    }
    for _ in 1..level {
        match package.rsplit_once('.') {
            Some((a, _)) => package = a.to_string(),
            None => return Err(PyErr::import_error("attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { package } else { format!("{package}.{name}") })
}

/// Import a dotted module name fully, returning the leaf module.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = dict::dict_get_str(&vm.modules, name) {
        if m.is_none() {
            return Err(PyErr::new(
                &types().exc.module_not_found_error,
                format!("import of {name} halted; None in sys.modules"),
            ));
        }
        return Ok(m);
    }
    let (parent, leaf) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = import_module(vm, p)?;
            // The parent's import may have imported us.
            if let Some(m) = dict::dict_get_str(&vm.modules, name) {
                return Ok(m);
            }
            match vm.getattr_opt(&pm, &Value::str("__path__"))? {
                Some(pp) => {
                    let items = vm.collect(&pp)?;
                    items.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect()
                }
                None => return Err(not_found_msg(name, format!("No module named '{name}'; '{p}' is not a package"))),
            }
        }
        None => {
            if let Some(m) = crate::modules::make(vm, name) {
                dict::dict_set_str(&vm.modules, name, m.clone());
                if let Some(bs) = bootstrap(vm) {
                    set_builtin_spec(vm, &bs, name, &m)?;
                }
                return Ok(m);
            }
            if name == "_frozen_importlib_external" {
                // CPython freezes importlib's second half under this name.
                if let Some(lib) = crate::stdlib_path::stdlib() {
                    return load_source(vm, name, &lib.join("importlib/_bootstrap_external.py"), None);
                }
            }
            if let Some(r) = python_machinery(vm, name) {
                return r;
            }
            let path = dict::dict_get_str(&module_dict(&vm.sys), "path").unwrap_or(Value::NONE);
            let items = if path.is_none() { vec![] } else { vm.collect(&path)? };
            items.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect()
        }
    };
    let mut namespace_dirs: Vec<PathBuf> = Vec::new();
    for dir in &search {
        // '' means the current directory; module paths come out absolute.
        let base = if dir.is_empty() {
            std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
        } else {
            PathBuf::from(dir)
        };
        let pkg = base.join(leaf);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return load_source(vm, name, &init, Some(&pkg));
        }
        let file = base.join(format!("{leaf}.py"));
        if file.is_file() {
            return load_source(vm, name, &file, None);
        }
        if pkg.is_dir() {
            namespace_dirs.push(pkg);
        }
    }
    if !namespace_dirs.is_empty() && bootstrap(vm).is_some() {
        // Namespace packages (their `_NamespacePath`, `NamespaceLoader`) come from importlib.
        let bs = bootstrap(vm).unwrap();
        let f = vm.getattr_str(&bs, "_find_and_load")?;
        let imp = dict::dict_get_str(&vm.builtins_dict, "__import__").unwrap_or(Value::NONE);
        return vm.call(&f, &[Value::str(name), imp]);
    }
    if !namespace_dirs.is_empty() {
        let m = new_module(name);
        let d = module_dict(&m);
        let paths: Vec<Value> = namespace_dirs.iter().map(|p| Value::string(p.display().to_string())).collect();
        dict::dict_set_str(&d, "__path__", Value::list(paths));
        dict::dict_set_str(&d, "__package__", Value::str(name));
        dict::dict_set_str(&d, "__file__", Value::NONE);
        dict::dict_set_str(&vm.modules, name, m.clone());
        bind_in_parent(vm, name, &m)?;
        return Ok(m);
    }
    Err(not_found(name))
}

fn bind_in_parent(vm: &mut Vm, name: &str, m: &Value) -> PyResult<()> {
    if let Some((p, leaf)) = name.rsplit_once('.') {
        if let Some(pm) = dict::dict_get_str(&vm.modules, p) {
            vm.setattr(&pm, &Value::str(leaf), m.clone())?;
        }
    }
    Ok(())
}

/// The code of a source file, from the bytecode cache when it is valid,
/// else compiled (and cached unless `sys.dont_write_bytecode`). Returns the
/// code and the cache path (for `__cached__`).
pub fn get_code(vm: &mut Vm, file: &Path, fname: &str) -> PyResult<(std::rc::Rc<crate::interp::VmCode>, Option<PathBuf>)> {
    use crate::bytecode_cache as bc;
    let meta = std::fs::metadata(file).map_err(|e| crate::error::io_error(&e, Some(fname)))?;
    let stamp = bc::source_stamp(&meta);
    let cache = bc::cache_path(file);
    if let Some(c) = &cache {
        if let Some(code) = bc::read(c, stamp, fname) {
            return Ok((crate::interp::VmCode::new(code), cache));
        }
    }
    let bytes = std::fs::read(file).map_err(|e| crate::error::io_error(&e, Some(fname)))?;
    let src = crate::builtins::code::decode_source(vm, &bytes, fname)?;
    let code = match krait_compiler::compile_source(&src, fname, krait_parser::Mode::Exec) {
        Ok(c) => c,
        Err(e) => return Err(crate::builtins::code::syntax_error(&e, fname, &src)),
    };
    let dont_write = dict::dict_get_str(&module_dict(&vm.sys), "dont_write_bytecode").map_or(false, |v| v.is_true_singleton());
    if let Some(c) = &cache {
        if !dont_write {
            bc::write(c, stamp, &code);
        }
    }
    Ok((crate::interp::VmCode::new(code), cache))
}

/// Execute a source file as module `name`.
pub fn load_source(vm: &mut Vm, name: &str, file: &Path, pkg_dir: Option<&Path>) -> PyResult<Value> {
    let fname = file.display().to_string();
    let m = new_module(name);
    let d = module_dict(&m);
    dict::dict_set_str(&d, "__file__", Value::string(fname.clone()));
    dict::dict_set_str(&d, "__builtins__", vm.builtins.clone());
    match pkg_dir {
        Some(p) => {
            dict::dict_set_str(&d, "__path__", Value::list(vec![Value::string(p.display().to_string())]));
            dict::dict_set_str(&d, "__package__", Value::str(name));
        }
        None => {
            let pkg = name.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
            dict::dict_set_str(&d, "__package__", Value::str(pkg));
        }
    }
    let (code, cached) = get_code(vm, file, &fname)?;
    let cached = cached.map_or(Value::NONE, |c| Value::string(c.display().to_string()));
    dict::dict_set_str(&d, "__cached__", cached.clone());
    if name != "_frozen_importlib" && name != "_frozen_importlib_external" {
        if let Some(bs) = bootstrap(vm) {
            set_source_spec(vm, &bs, name, &m, &fname, cached, pkg_dir)?;
        }
    }
    dict::dict_set_str(&vm.modules, name, m.clone());
    INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
    let r = run_code(vm, code, d.clone(), d, None);
    INITIALIZING.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(pos) = i.iter().rposition(|n| n == name) {
            i.remove(pos);
        }
    });
    if let Err(e) = r {
        dict::dict_del_str(&vm.modules, &Value::str(name));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let m = dict::dict_get_str(&vm.modules, name).unwrap_or(m);
    bind_in_parent(vm, name, &m)?;
    Ok(m)
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_full(vm: &mut Vm, name: &Value, globals: Option<&Value>, fromlist: &Value, level: i64) -> PyResult<Value> {
    let n = name.as_str().ok_or_else(|| PyErr::type_error("module name must be str, not ".to_string() + &crate::types::type_ref(name).type_name_str()))?;
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let full = resolve_name(vm, n, globals, level)?;
    let m = import_module(vm, &full)?;
    let has_fromlist = !fromlist.is_none() && vm.truthy(fromlist)?;
    if has_fromlist {
        // Import submodules named in the fromlist (for packages).
        if vm.getattr_opt(&m, &Value::str("__path__"))?.is_some() {
            for item in vm.collect(fromlist)? {
                let Some(s) = item.as_str().map(|s| s.to_string()) else { continue };
                if s == "*" {
                    continue;
                }
                if vm.getattr_opt(&m, &item)?.is_none() {
                    let sub = format!("{full}.{s}");
                    match import_module(vm, &sub) {
                        Ok(_) => {}
                        // Only "that submodule does not exist" is ignored, as in CPython.
                        Err(e) if e.matches(&types().exc.module_not_found_error) && exc_name(vm, &e).as_deref() == Some(&sub) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        return Ok(m);
    }
    if level == 0 || n.is_empty() {
        let top = full.split('.').next().unwrap_or(&full).to_string();
        if level == 0 {
            return dict::dict_get_str(&vm.modules, &top).ok_or_else(|| not_found(&top));
        }
    }
    // Relative import without fromlist: return the top package of `name`.
    let first = n.split('.').next().unwrap_or(n);
    let cut = full.len() - n.len() + first.len();
    let top = &full[..cut];
    dict::dict_get_str(&vm.modules, top).ok_or_else(|| not_found(top))
}

/// `ImportName`.
pub fn import_name_op(vm: &mut Vm, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let level = level.as_i64().unwrap_or(0);
    let imp = dict::dict_get_str(&f.builtins, "__import__");
    if let Some(imp) = imp {
        if !matches!(imp.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Native(_))) {
            let locals = if f.locals.is_null() { Value::NONE } else { f.locals.clone() };
            return vm.call(&imp, &[name.clone(), f.globals.clone(), locals, fromlist.clone(), Value::int(level)]);
        }
    }
    let g = f.globals.clone();
    import_full(vm, name, Some(&g), fromlist, level)
}

/// `ImportFrom`: `from m import name`, falling back to a submodule.
pub fn import_from(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(m, name)? {
        return Ok(v);
    }
    let n = name.as_str().unwrap_or("");
    let modname = vm.getattr_opt(m, &Value::str("__name__")).ok().flatten().and_then(|x| x.as_str().map(|s| s.to_string()));
    if let Some(mn) = &modname {
        let full = format!("{mn}.{n}");
        if let Some(sub) = dict::dict_get_str(&vm.modules, &full) {
            return Ok(sub);
        }
    }
    let mn = modname.unwrap_or_else(|| "<unknown module name>".into());
    let file = vm.getattr_opt(m, &Value::str("__file__")).ok().flatten().and_then(|f| f.as_str().map(|s| s.to_string()));
    let loc = match file {
        Some(f) => f,
        None => "unknown location".to_string(),
    };
    let msg = if is_initializing(&mn) {
        format!("cannot import name '{n}' from partially initialized module '{mn}' (most likely due to a circular import) ({loc})")
    } else {
        format!("cannot import name '{n}' from '{mn}' ({loc})")
    };
    let e = PyErr::import_error(msg);
    if let Some(o) = e.exc.as_obj() {
        if let Some(ed) = o.dict.borrow().clone() {
            dict::dict_set_str(&ed, "name", Value::string(mn));
        }
    }
    Err(e)
}

/// `from m import *` into the frame's locals mapping.
pub fn import_star(vm: &mut Vm, f: &Frame, m: &Value) -> PyResult<()> {
    let names: Vec<Value> = match vm.getattr_opt(m, &Value::str("__all__"))? {
        Some(all) => vm.collect(&all)?,
        None => {
            let d = vm.getattr_str(m, "__dict__")?;
            let keys = vm.collect(&d)?;
            keys.into_iter().filter(|k| k.as_str().map_or(false, |s| !s.starts_with('_'))).collect()
        }
    };
    let target = if f.locals.is_null() { f.globals.clone() } else { f.locals.clone() };
    for n in names {
        let v = vm.getattr(m, &n)?;
        vm.setitem(&target, &n, v)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- importlib

/// Which of CPython's import machinery is installed: `importlib._bootstrap`
/// as `_frozen_importlib` (after `_install(sys, _imp)`), and the default
/// `sys.meta_path` / `sys.path_hooks` entries it installed, to notice when a
/// program changes them.
struct Machinery {
    bootstrap: Value,
    meta_path: Vec<Value>,
    path_hooks: Vec<Value>,
}

static MACHINERY: crate::modules::native::GilSlot = crate::modules::native::GilSlot::new();
static BOOTSTRAP_STATE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// `_frozen_importlib` once it is installed: CPython's `importlib._bootstrap`
/// and `_bootstrap_external` run unchanged from the stdlib, loaded the first
/// time a module is imported from a file. Krait's own importer (the Rust code
/// above) stays the fast path and gives modules the same `__spec__` and
/// `__loader__` importlib would; importlib itself takes over when a program
/// installs its own finders or path hooks. None when the stdlib or a native
/// module the bootstrap needs is missing (imports then work without specs).
pub fn bootstrap(vm: &mut Vm) -> Option<Value> {
    use std::sync::atomic::Ordering;
    if let Some(m) = MACHINERY.get() {
        return machinery_parts(&m).map(|p| p.0);
    }
    if BOOTSTRAP_STATE.load(Ordering::Relaxed) != 0 {
        return None; // in progress or failed
    }
    BOOTSTRAP_STATE.store(1, Ordering::Relaxed);
    match install_bootstrap(vm) {
        Ok(v) => {
            MACHINERY.get_or_init(|| v.clone());
            machinery_parts(&v).map(|p| p.0)
        }
        Err(e) => {
            BOOTSTRAP_STATE.store(2, Ordering::Relaxed);
            if std::env::var_os("KRAIT_DEBUG_IMPORT").is_some() {
                let msg = vm.repr(&e.exc).ok().and_then(|r| r.as_str().map(|s| s.to_string())).unwrap_or_default();
                eprintln!("krait: importlib bootstrap failed: {msg}");
            }
            for n in ["_frozen_importlib", "_frozen_importlib_external"] {
                dict::dict_del_str(&vm.modules, &Value::str(n));
            }
            None
        }
    }
}

/// (bootstrap module, default meta_path, default path_hooks) from the slot value.
fn machinery_parts(v: &Value) -> Option<(Value, Vec<Value>, Vec<Value>)> {
    let t = v.as_tuple()?;
    let mp = t.get(1)?.as_tuple()?.to_vec();
    let ph = t.get(2)?.as_tuple()?.to_vec();
    Some((t.first()?.clone(), mp, ph))
}

fn install_bootstrap(vm: &mut Vm) -> PyResult<Value> {
    let Some(lib) = crate::stdlib_path::stdlib() else {
        return Err(PyErr::import_error("no standard library"));
    };
    let bs = load_source(vm, "_frozen_importlib", &lib.join("importlib/_bootstrap.py"), None)?;
    let imp = import_module(vm, "_imp")?;
    let install = vm.getattr_str(&bs, "_install")?;
    vm.call(&install, &[vm.sys.clone(), imp])?;
    let inst_ext = vm.getattr_str(&bs, "_install_external_importers")?;
    vm.call(&inst_ext, &[])?;
    let ext = dict::dict_get_str(&vm.modules, "_frozen_importlib_external").ok_or_else(|| PyErr::import_error("no _frozen_importlib_external"))?;
    // Source loading goes through Krait's compiler and bytecode cache.
    let loader = vm.getattr_str(&ext, "SourceLoader")?;
    let get_code = crate::types::native_function("get_code", source_loader_get_code, crate::object::NativeKind::Method, Value::NULL, None);
    vm.setattr(&loader, &Value::str("get_code"), get_code)?;
    let sd = module_dict(&vm.sys);
    let mp = dict::dict_get_str(&sd, "meta_path").map(|l| vm.collect(&l)).transpose()?.unwrap_or_default();
    let ph = dict::dict_get_str(&sd, "path_hooks").map(|l| vm.collect(&l)).transpose()?.unwrap_or_default();
    let m = Machinery { bootstrap: bs, meta_path: mp, path_hooks: ph };
    Ok(Value::tuple(vec![m.bootstrap, Value::tuple(m.meta_path), Value::tuple(m.path_hooks)]))
}

/// `SourceLoader.get_code(self, fullname)`: Krait's compiler and cache.
fn source_loader_get_code(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, fullname] = crate::args::bind("get_code", args, kw, &["self", "fullname"])?;
    let (this, fullname) = (this.unwrap_or(Value::NONE), fullname.unwrap_or(Value::NONE));
    let gf = vm.getattr_str(&this, "get_filename")?;
    let path = vm.call(&gf, &[fullname])?;
    let p = vm.str_string(&path)?;
    if !p.ends_with(".py") {
        // Not a plain source file (sourceless loaders, zip files): compile its text.
        let gd = vm.getattr_str(&this, "get_data")?;
        let data = vm.call(&gd, &[path.clone()])?;
        let bytes = crate::types::bytes::bytes_from_source(vm, &data, "bytes")?;
        let src = crate::builtins::code::decode_source(vm, &bytes, &p)?;
        let code = crate::builtins::code::compile_source(vm, &src, &p, krait_parser::Mode::Exec)?;
        return Ok(crate::types::function::new_code_object(code));
    }
    let (code, _) = get_code(vm, Path::new(&p), &p)?;
    Ok(crate::types::function::new_code_object(code))
}

/// Whether `sys.meta_path` and `sys.path_hooks` still hold exactly the
/// entries importlib installed (then Krait's own finder is equivalent).
fn default_machinery(vm: &mut Vm) -> bool {
    let Some(m) = MACHINERY.get() else { return true };
    let Some((_, mp, ph)) = machinery_parts(&m) else { return true };
    let sd = module_dict(&vm.sys);
    let same = |cur: Option<Value>, def: &[Value]| -> bool {
        match cur.as_ref().and_then(|c| c.as_list()) {
            Some(l) => {
                let l = l.borrow();
                l.len() == def.len() && l.iter().zip(def).all(|(a, b)| a.is(b))
            }
            None => false,
        }
    };
    same(dict::dict_get_str(&sd, "meta_path"), &mp) && same(dict::dict_get_str(&sd, "path_hooks"), &ph)
}

/// When a program changed the import machinery, let importlib find and load
/// top-level module `name`.
fn python_machinery(vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
    if default_machinery(vm) {
        return None;
    }
    let bs = bootstrap(vm)?;
    Some((|| {
        let f = vm.getattr_str(&bs, "_find_and_load")?;
        let imp = dict::dict_get_str(&vm.builtins_dict, "__import__").unwrap_or(Value::NONE);
        vm.call(&f, &[Value::str(name), imp])
    })())
}

fn set_builtin_spec(vm: &mut Vm, bs: &Value, name: &str, m: &Value) -> PyResult<()> {
    let loader = vm.getattr_str(bs, "BuiltinImporter")?;
    let ms = vm.getattr_str(bs, "ModuleSpec")?;
    let spec = vm.call_kw(&ms, &[Value::str(name), loader.clone(), Value::str("built-in")], &[Value::str("origin")])?;
    let d = module_dict(m);
    dict::dict_set_str(&d, "__spec__", spec);
    dict::dict_set_str(&d, "__loader__", loader);
    Ok(())
}

fn set_source_spec(vm: &mut Vm, bs: &Value, name: &str, m: &Value, fname: &str, cached: Value, pkg_dir: Option<&Path>) -> PyResult<()> {
    let ext = dict::dict_get_str(&vm.modules, "_frozen_importlib_external").unwrap_or(Value::NONE);
    let sfl = vm.getattr_str(&ext, "SourceFileLoader")?;
    let loader = vm.call(&sfl, &[Value::str(name), Value::str(fname)])?;
    let ms = vm.getattr_str(bs, "ModuleSpec")?;
    let spec = vm.call_kw(
        &ms,
        &[Value::str(name), loader.clone(), Value::str(fname), Value::bool(pkg_dir.is_some())],
        &[Value::str("origin"), Value::str("is_package")],
    )?;
    vm.setattr(&spec, &Value::str("has_location"), Value::TRUE)?;
    vm.setattr(&spec, &Value::str("cached"), cached)?;
    if let Some(p) = pkg_dir {
        vm.setattr(&spec, &Value::str("submodule_search_locations"), Value::list(vec![Value::string(p.display().to_string())]))?;
    }
    let d = module_dict(m);
    dict::dict_set_str(&d, "__spec__", spec);
    dict::dict_set_str(&d, "__loader__", loader);
    Ok(())
}

/// The `name` attribute of an ImportError.
fn exc_name(vm: &mut Vm, e: &PyErr) -> Option<String> {
    vm.getattr_opt(&e.exc, &Value::str("name")).ok().flatten().and_then(|n| n.as_str().map(|s| s.to_string()))
}
