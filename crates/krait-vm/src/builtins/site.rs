//! The builtins CPython's `site` adds (`help`, `exit`, `quit`, `copyright`,
//! `credits`, `license`: objects of the `_sitebuiltins` classes) and the
//! smaller builtin functions `breakpoint`, `aiter` and `anext`.

use crate::object::{Payload, PyObject};
use crate::types::module::{add_function, set_attr};
use crate::types::{add_method, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// Guard for natives called unbound with too few arguments.
fn need(args: &[Value], n: usize, name: &str) -> PyResult<()> {
    if args.len() < n {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("descriptor '{name}' of '_sitebuiltins' object needs an argument")
        } else {
            format!("{name}() takes exactly {} argument{} ({} given)", n - 1, if n == 2 { "" } else { "s" }, args.len() - 1)
        }));
    }
    Ok(())
}

/// State of a `_sitebuiltins` object.
struct SiteObj {
    /// 0 printer, 1 quitter, 2 helper.
    kind: u8,
    /// The repr text.
    repr: String,
    /// What calling it prints (printers) or the quitter's name.
    text: String,
}

impl crate::object::NativeData for SiteObj {}

fn site_class(name: &str) -> Value {
    let t = types();
    let d = dict::new_dict();
    let td = crate::types::new_type_data_pub(name, d, true);
    let o = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(td));
    let obj = t.object.to_obj().unwrap();
    o.type_data().solid_base.set(&*o as *const PyObject);
    *o.type_data().mro.borrow_mut() = vec![o.clone(), obj.clone()];
    *o.type_data().bases.borrow_mut() = vec![obj];
    let v = Value::from_obj(o);
    dict::dict_set_str(&v.as_obj().unwrap().type_data().dict, "__module__", Value::str("_sitebuiltins"));
    add_method(&v, "__repr__", site_repr);
    add_method(&v, "__call__", site_call);
    v
}

fn site_obj(cls: &Value, kind: u8, repr: &str, text: &str) -> Value {
    let s = SiteObj { kind, repr: repr.to_string(), text: text.to_string() };
    Value::from_obj(PyObject::new(cls.as_obj().unwrap(), Payload::Opaque(RefCell::new(Box::new(s)))))
}

fn with_site<T>(v: &Value, f: impl FnOnce(&SiteObj) -> T) -> PyResult<T> {
    if let Some(Payload::Opaque(b)) = v.as_obj().map(|o| &o.payload) {
        if let Some(s) = b.borrow().downcast_ref::<SiteObj>() {
            return Ok(f(s));
        }
    }
    Err(PyErr::type_error(format!("unexpected '{}' object", type_ref(v).type_name_str())))
}

fn site_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__repr__")?;
    let r = with_site(&args[0], |s| s.repr.clone())?;
    Ok(Value::string(r))
}

fn site_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__call__")?;
    let (kind, text) = with_site(&args[0], |s| (s.kind, s.text.clone()))?;
    let rest = &args[1..];
    match kind {
        0 => {
            super::no_args("__call__", rest, kw)?;
            crate::modules::sys::write_stdout(vm, &format!("{text}\n"))?;
            Ok(Value::NONE)
        }
        1 => {
            let [code] = crate::args::bind("__call__", rest, kw, &["code="])?;
            let _ = crate::modules::sys::flush_stdout(vm);
            Err(PyErr::with_args(&types().exc.system_exit, vec![code.unwrap_or(Value::NONE)]))
        }
        _ => help(vm, rest, kw),
    }
}

fn help(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [request] = crate::args::bind("help", args, kw, &["request="])?;
    let out = match request {
        None => "Welcome to Python 3.11's help utility! (interactive help is not available in krait;\nuse help(object) for help about object.)\n".to_string(),
        Some(obj) => {
            let what = if let Some(s) = obj.as_str() {
                format!("Help on topic {s}:\n\nNo Python documentation found for '{s}'.\n")
            } else {
                let name = match vm.getattr_opt(&obj, &Value::str("__name__")) {
                    Ok(Some(n)) => n.as_str().map(|s| s.to_string()),
                    _ => None,
                };
                let doc = match vm.getattr_opt(&obj, &Value::str("__doc__")) {
                    Ok(Some(d)) => d.as_str().map(|s| s.to_string()),
                    _ => None,
                };
                let tname = type_ref(&obj).type_name_str();
                let head = match name {
                    Some(n) => format!("Help on {tname} {n}:"),
                    None => format!("Help on {tname} object:"),
                };
                let body = doc
                    .map(|d| d.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"))
                    .unwrap_or_default();
                format!("{head}\n\n{body}\n")
            };
            what
        }
    };
    crate::modules::sys::write_stdout(vm, &out)?;
    Ok(Value::NONE)
}

fn breakpoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let hook = dict::dict_get_str(&crate::types::module::module_dict(&vm.sys), "breakpointhook");
    match hook {
        Some(h) => vm.call_kw(&h, args, kw),
        None => Err(PyErr::runtime_error("lost sys.breakpointhook")),
    }
}

fn aiter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("aiter", args, kw)?;
    let v = &args[0];
    let Some(f) = crate::types::lookup(type_ref(v), "__aiter__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterable", type_ref(v).type_name_str())));
    };
    let it = vm.call(&f, &[v.clone()])?;
    if crate::types::lookup(type_ref(&it), "__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            type_ref(&it).type_name_str()
        )));
    }
    Ok(it)
}

static ANEXT_DEFAULT: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));

const ANEXT_SRC: &str = "async def anext_awaitable(awaitable, default):\n    try:\n        return await awaitable\n    except StopAsyncIteration:\n        return default\n";

fn anext_default_helper(vm: &mut Vm) -> PyResult<Value> {
    if let Some(f) = ANEXT_DEFAULT.with(|c| c.borrow().clone()) {
        return Ok(f);
    }
    let code = super::code::compile_source(vm, ANEXT_SRC, "<builtins>", krait_parser::Mode::Exec)?;
    let g = dict::new_dict();
    dict::dict_set_str(&g, "__builtins__", vm.builtins.clone());
    dict::dict_set_str(&g, "__name__", Value::str("builtins"));
    crate::interp::call::run_code(vm, code, g.clone(), g.clone(), None)?;
    let f = dict::dict_get_str(&g, "anext_awaitable").ok_or_else(|| PyErr::runtime_error("anext helper missing"))?;
    ANEXT_DEFAULT.with(|c| *c.borrow_mut() = Some(f.clone()));
    Ok(f)
}

fn anext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("anext", args, kw, 1, 2)?;
    let v = &args[0];
    let Some(f) = crate::types::lookup(type_ref(v), "__anext__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", type_ref(v).type_name_str())));
    };
    let awaitable = vm.call(&f, &[v.clone()])?;
    if args.len() == 1 {
        return Ok(awaitable);
    }
    let helper = anext_default_helper(vm)?;
    vm.call(&helper, &[awaitable, args[1].clone()])
}

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
const CREDITS: &str = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";

pub fn register(m: &Value) {
    add_function(m, "breakpoint", breakpoint);
    add_function(m, "aiter", aiter);
    add_function(m, "anext", anext);
    let printer = site_class("_Printer");
    let quitter = site_class("Quitter");
    let helper = site_class("_Helper");
    set_attr(m, "copyright", site_obj(&printer, 0, COPYRIGHT, COPYRIGHT));
    set_attr(m, "credits", site_obj(&printer, 0, CREDITS, CREDITS));
    set_attr(
        m,
        "license",
        site_obj(&printer, 0, "Type license() to see the full license text", "See https://www.python.org/psf/license/"),
    );
    set_attr(m, "exit", site_obj(&quitter, 1, "Use exit() or Ctrl-D (i.e. EOF) to exit", "exit"));
    set_attr(m, "quit", site_obj(&quitter, 1, "Use quit() or Ctrl-D (i.e. EOF) to exit", "quit"));
    set_attr(
        m,
        "help",
        site_obj(&helper, 2, "Type help() for interactive help, or help(object) for help about object.", ""),
    );
}
