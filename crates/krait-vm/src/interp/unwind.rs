//! Exceptions inside the interpreter: what happens when an instruction
//! fails (traceback entry, `__context__`, jump to the handler found in the
//! exception table), `raise`, `except` matching, `except*` splitting, and
//! printing a traceback exactly as CPython 3.11 does.

use crate::interp::Frame;
use crate::object::Payload;
use crate::types::exception as exc;
use crate::types::{self, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// An instruction of `f` raised `err`: record it and jump to the handler,
/// or return the error to leave the frame.
pub fn handle(vm: &mut Vm, f: &mut Frame, err: PyErr) -> PyResult<()> {
    let reraise = std::mem::replace(&mut vm.reraising, false);
    if !reraise {
        if exc::get_traceback(&err.exc).is_none() {
            set_context(vm, &err.exc);
        }
        exc::add_traceback(&err.exc, f);
    }
    // The handler is found from the failing instruction's own position
    // (pc - 1); `lasti` may have been restored by `Reraise` and only says
    // where the exception happened (for tracebacks and the pushed lasti).
    let here = f.lasti as u32;
    let lasti = f.reraise_lasti.take().unwrap_or(f.lasti) as u32;
    match f.code.code.handler_for(here).copied() {
        Some(h) => {
            f.stack.truncate(h.depth as usize);
            if h.push_lasti {
                f.stack.push(Value::int(lasti as i64));
            }
            f.stack.push(err.exc);
            f.pc = h.target as usize;
            Ok(())
        }
        None => {
            // The frame is left where the exception happened (a `Reraise`
            // restores that position), as `f_lineno` then shows.
            f.lasti = lasti as usize;
            Err(err)
        }
    }
}

/// Chain a newly raised exception to the one being handled.
pub fn set_context(vm: &Vm, e: &Value) {
    let handled = &vm.handled_exc;
    if handled.is_none() || handled.is_null() || handled.is(e) {
        return;
    }
    // Avoid creating a cycle: cut the chain where `e` already appears.
    let mut cur = handled.clone();
    let mut steps = 0;
    loop {
        let next = exc::get_context(&cur);
        if next.is_none() || steps > 1000 {
            break;
        }
        if next.is(e) {
            exc::set_context(&cur, Value::NONE);
            break;
        }
        cur = next;
        steps += 1;
    }
    exc::set_context(e, handled.clone());
}

/// `raise`, `raise exc`, `raise exc from cause`.
pub fn raise_varargs(vm: &mut Vm, f: &mut Frame, n: usize) -> PyResult<PyErr> {
    match n {
        0 => {
            let cur = vm.handled_exc.clone();
            if cur.is_none() || cur.is_null() {
                return Ok(PyErr::runtime_error("No active exception to reraise"));
            }
            vm.reraising = true;
            Ok(PyErr::from_value(cur))
        }
        _ => {
            let cause = if n == 2 { Some(f.stack.pop().unwrap()) } else { None };
            let e = f.stack.pop().unwrap();
            let e = make_exception(vm, e)?;
            if let Some(c) = cause {
                let c = if c.is_none() { c } else { make_exception_cause(vm, c)? };
                exc::set_cause(&e, c);
            }
            set_context(vm, &e);
            Ok(PyErr::from_value(e))
        }
    }
}

/// Instantiate a raised class, check it is an exception.
fn make_exception(vm: &mut Vm, e: Value) -> PyResult<Value> {
    let base = &types().exc.base_exception;
    if let Some(Payload::Type(_)) = e.as_obj().map(|o| &o.payload) {
        if types::is_subtype(&e, base) {
            let inst = vm.call(&e, &[])?;
            if !types::is_instance(&inst, base) {
                return Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr_string(&e)?,
                    type_ref(&inst).type_name_str()
                )));
            }
            return Ok(inst);
        }
    } else if types::is_instance(&e, base) {
        return Ok(e);
    }
    Err(PyErr::type_error("exceptions must derive from BaseException"))
}

fn make_exception_cause(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let base = &types().exc.base_exception;
    if let Some(Payload::Type(_)) = c.as_obj().map(|o| &o.payload) {
        if types::is_subtype(&c, base) {
            return vm.call(&c, &[]);
        }
    } else if types::is_instance(&c, base) {
        return Ok(c);
    }
    Err(PyErr::type_error("exception causes must derive from BaseException"))
}

/// `except T:` matching (T a class or tuple of classes).
pub fn exception_matches(vm: &mut Vm, e: &Value, ty: &Value) -> PyResult<bool> {
    check_except_type(ty)?;
    if let Some(t) = ty.as_tuple() {
        for x in t.to_vec() {
            if types::is_instance(e, &x) {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let _ = vm;
    Ok(types::is_instance(e, ty))
}

fn check_except_type(ty: &Value) -> PyResult<()> {
    let base = &types().exc.base_exception;
    let ok = |t: &Value| t.as_obj().and_then(|o| o.as_type()).is_some() && types::is_subtype(t, base);
    let valid = match ty.as_tuple() {
        Some(items) => items.iter().all(ok),
        None => ok(ty),
    };
    if valid {
        Ok(())
    } else {
        Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"))
    }
}

/// `except* T`: split `eg` into (rest, matched); matched is None if nothing matched.
pub fn exception_group_match(vm: &mut Vm, eg: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    check_except_type(ty)?;
    if eg.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    if exception_matches(vm, eg, ty)? {
        // A naked exception matched: wrap it in an ExceptionGroup.
        let is_group = types::is_instance(eg, &types().exc.base_exception_group);
        let matched = if is_group {
            eg.clone()
        } else {
            let g = vm.call(&types().exc.exception_group, &[Value::str(""), Value::list(vec![eg.clone()])])?;
            exc::copy_traceback(eg, &g);
            g
        };
        return Ok((Value::NONE, matched));
    }
    if types::is_instance(eg, &types().exc.base_exception_group) {
        let pair = vm.call_method(eg, "split", &[ty.clone()])?;
        let t = pair.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        if t.len() == 2 && !t[0].is_none() {
            return Ok((t[1].clone(), t[0].clone()));
        }
    }
    Ok((eg.clone(), Value::NONE))
}

/// End of `try/except*`: combine what was raised in handlers with what was
/// not matched into the exception to re-raise (None if nothing).
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &Value) -> PyResult<Value> {
    let items: Vec<Value> = raised
        .as_list()
        .map(|l| l.borrow().clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|v| !v.is_none())
        .collect();
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if items.len() == 1 {
        return Ok(items[0].clone());
    }
    let _ = orig;
    vm.call(&types().exc.exception_group, &[Value::str(""), Value::list(items)])
}

// ---------------------------------------------------------------- printing

/// Format an exception with its chain and tracebacks, as CPython prints
/// uncaught exceptions.
pub fn format_exception(vm: &mut Vm, e: &Value) -> String {
    let mut ctx = PrintCtx { depth: 0, need_close: false, seen: Vec::new(), out: String::new() };
    format_chain(vm, e, &mut ctx);
    ctx.out
}

/// State while printing an exception (with nested exception groups).
struct PrintCtx {
    /// Exception group nesting: each level indents by two columns plus a margin.
    depth: usize,
    need_close: bool,
    seen: Vec<u64>,
    out: String,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Append `text`, every line prefixed by the indent and margin.
    fn emit(&mut self, text: &str, margin: char) {
        if self.depth == 0 {
            self.out.push_str(text);
            return;
        }
        let prefix = format!("{}{} ", self.indent(), margin);
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

fn group_members(vm: &mut Vm, e: &Value) -> Option<Vec<Value>> {
    if !types::is_instance(e, &types().exc.base_exception_group) {
        return None;
    }
    let ex = vm.getattr_opt(e, &Value::str("exceptions")).ok().flatten()?;
    ex.as_tuple().map(|t| t.to_vec())
}

fn format_chain(vm: &mut Vm, e: &Value, ctx: &mut PrintCtx) {
    // The chain, innermost cause/context last.
    let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
    let mut cur = e.clone();
    let mut msg: Option<&'static str> = None;
    ctx.seen.push(cur.bits());
    loop {
        let cause = exc::get_cause(&cur);
        let context = exc::get_context(&cur);
        chain.push((msg, cur.clone()));
        if !cause.is_none() && !ctx.seen.contains(&cause.bits()) {
            msg = Some("\nThe above exception was the direct cause of the following exception:\n\n");
            cur = cause;
        } else if !exc::suppress_context(&cur) && !context.is_none() && !ctx.seen.contains(&context.bits()) {
            msg = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
            cur = context;
        } else {
            break;
        }
        ctx.seen.push(cur.bits());
    }
    // Printed outermost-cause first; each exception's message (how it links
    // to the next one) follows it.
    let n = chain.len();
    for i in (0..n).rev() {
        let exc_v = chain[i].1.clone();
        format_one(vm, &exc_v, ctx);
        if let Some(m) = chain[i].0 {
            ctx.emit(m, '|');
        }
    }
}

fn format_one(vm: &mut Vm, e: &Value, ctx: &mut PrintCtx) {
    let tb = exc::get_traceback(e);
    let Some(members) = group_members(vm, e) else {
        if !tb.is_none() {
            ctx.emit("Traceback (most recent call last):\n", '|');
            let t = format_tb(&tb);
            ctx.emit(&t, '|');
        }
        let only = format_exception_only(vm, e);
        ctx.emit(&only, '|');
        return;
    };
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if !tb.is_none() {
        ctx.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
        let t = format_tb(&tb);
        ctx.emit(&t, '|');
    }
    let only = format_exception_only(vm, e);
    ctx.emit(&only, '|');
    let num = members.len();
    let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        let dashes = "-".repeat(16);
        let line = format!("{}{}+{dashes} {title} {dashes}\n", ctx.indent(), if i == 0 { "+-" } else { "  " });
        ctx.out.push_str(&line);
        ctx.depth += 1;
        if !truncated {
            let sub = members[i].clone();
            format_chain(vm, &sub, ctx);
        } else {
            let remaining = num - MAX_GROUP_WIDTH;
            ctx.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }), '|');
        }
        if last && ctx.need_close {
            let line = format!("{}+{}\n", ctx.indent(), "-".repeat(36));
            ctx.out.push_str(&line);
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The traceback entries (`  File "...", line N, in f` plus source and carets).
pub fn format_tb(tb: &Value) -> String {
    let mut out = String::new();
    let mut cur = tb.clone();
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0;
    while let Some(t) = exc::traceback_data(&cur) {
        let code = &t.code;
        let file = code.filename.as_str().unwrap_or("").to_string();
        let name = code.name.as_str().unwrap_or("").to_string();
        let loc = code.code.locations.get(t.lasti).copied().unwrap_or_default();
        let key = (file.clone(), loc.line, name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
        } else {
            if repeat > 2 {
                let n = repeat - 2;
                out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
            }
            repeat = 0;
            last = Some(key);
        }
        if repeat < 3 {
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", file, loc.line, name));
            if let Some(src) = source_line(&file, loc.line) {
                let stripped = src.trim_start();
                let indent = src.len() - stripped.len();
                let stripped = stripped.trim_end();
                out.push_str(&format!("    {stripped}\n"));
                if let Some(carets) = caret_line(&src, indent, stripped, &loc) {
                    out.push_str(&format!("    {carets}\n"));
                }
            }
        }
        cur = t.next();
    }
    if repeat > 2 {
        let n = repeat - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
    out
}

/// CPython 3.11's caret line: `^` under the failing expression, `~` under the
/// operands of a binary operator or the value of a subscript; omitted when
/// the expression is the whole line.
fn caret_line(src: &str, indent: usize, stripped: &str, loc: &krait_compiler::code::Location) -> Option<String> {
    if loc.line != loc.end_line || loc.end_col <= loc.col {
        // Multi-line expressions: carets to the end of the first line.
        if loc.end_line > loc.line {
            let chars: Vec<char> = src.chars().collect();
            let start = (loc.col as usize).saturating_sub(indent);
            let len = chars.len().saturating_sub(indent).saturating_sub(start);
            if start == 0 {
                return None;
            }
            return Some(format!("{}{}", " ".repeat(start), "^".repeat(len.max(1))));
        }
        return None;
    }
    let chars: Vec<char> = src.chars().collect();
    let (c0, c1) = (loc.col as usize, (loc.end_col as usize).min(chars.len()));
    if c0 < indent || c1 <= c0 {
        return None;
    }
    let stripped_len = stripped.chars().count();
    let segment: String = chars[c0..c1].iter().collect();
    let anch = anchors(&segment);
    // Elided when the primary range spans the whole line and there are no
    // secondary (operator / subscript) ranges.
    if c0 == indent && c1 - indent >= stripped_len && anch.is_none() {
        return None;
    }
    let mut marks: Vec<char> = vec!['^'; c1 - c0];
    if let Some((lo, hi)) = anch {
        for (i, m) in marks.iter_mut().enumerate() {
            *m = if i >= lo && i < hi { '^' } else { '~' };
        }
    }
    let m: String = marks.into_iter().collect();
    Some(format!("{}{}", " ".repeat(c0 - indent), m))
}

/// For a segment that parses as a binary operation or subscript, the char
/// range of the operator / bracket part to mark with `^`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    use krait_parser::ast::{ExprKind, Mod};
    let m = krait_parser::parse(&format!("({segment})"), "<anchors>", krait_parser::Mode::Eval).ok()?;
    let Mod::Expression { body } = m else { return None };
    match &body.kind {
        ExprKind::BinOp { left, right, .. } => {
            // Operator: first non-space, non-')' char after the left operand.
            let chars: Vec<char> = segment.chars().collect();
            let mut i = (left.loc.end_col as usize).saturating_sub(1);
            while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ')') {
                i += 1;
            }
            let mut j = i;
            while j < chars.len() && "+-*/%@&|^<>=!".contains(chars[j]) && j < (right.loc.col as usize).saturating_sub(1) {
                j += 1;
            }
            if j == i {
                j = i + 1;
            }
            Some((i, j))
        }
        ExprKind::Subscript { value, .. } => {
            let chars: Vec<char> = segment.chars().collect();
            let mut i = (value.loc.end_col as usize).saturating_sub(1);
            while i < chars.len() && chars[i] != '[' {
                i += 1;
            }
            Some((i, chars.len()))
        }
        _ => None,
    }
}

/// Line `n` (1-based) of a source file, or None.
pub fn source_line(file: &str, n: u32) -> Option<String> {
    if file.starts_with('<') {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().nth((n as usize).checked_sub(1)?).map(|s| s.to_string())
}

/// The last line(s): `TypeName: message` (SyntaxError also shows the spot).
pub fn format_exception_only(vm: &mut Vm, e: &Value) -> String {
    let ty = types::type_of(e);
    let to = ty.as_obj().unwrap();
    let mut name = to.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let module = vm
        .getattr_opt(&ty, &Value::str("__module__"))
        .ok()
        .flatten()
        .and_then(|m| m.as_str().map(|s| s.to_string()))
        .unwrap_or_default();
    if module != "builtins" && module != "__main__" && !module.is_empty() {
        name = format!("{module}.{name}");
    }
    let mut out = String::new();
    if types::is_instance(e, &types().exc.syntax_error) {
        out.push_str(&format_syntax_error_location(vm, e));
    }
    let mut msg = if types::is_instance(e, &types().exc.syntax_error) {
        vm.getattr_opt(e, &Value::str("msg")).ok().flatten().and_then(|m| vm.str_string(&m).ok()).unwrap_or_default()
    } else {
        match vm.str_string(e) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    };
    if let Some(s) = crate::interp::suggest::suggestion_for(vm, e) {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    for note in exc::notes(vm, e) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

fn format_syntax_error_location(vm: &mut Vm, e: &Value) -> String {
    let get = |vm: &mut Vm, n: &str| vm.getattr_opt(e, &Value::str(n)).ok().flatten().unwrap_or(Value::NONE);
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let offset = get(vm, "offset");
    let end_offset = get(vm, "end_offset");
    let text = get(vm, "text");
    let mut out = String::new();
    let fname = filename.as_str().unwrap_or("<string>").to_string();
    if let Some(l) = lineno.as_i64() {
        out.push_str(&format!("  File \"{fname}\", line {l}\n"));
    }
    if let Some(t) = text.as_str() {
        let off = offset.as_i64().unwrap_or(0);
        let end = end_offset.as_i64().unwrap_or(0);
        syntax_error_text(&mut out, t, off, end, !offset.is_none());
    }
    out
}

/// The source line of a SyntaxError and its carets: leading blanks are
/// stripped (moving the offsets with them), offsets are clipped to the text,
/// lines before the offset are skipped, and no caret is drawn when the
/// offset falls left of the text.
fn syntax_error_text(out: &mut String, text: &str, offset: i64, end_offset: i64, has_offset: bool) {
    let mut chars: Vec<char> = text.chars().collect();
    let mut off = offset - 1;
    let mut end = end_offset - 1;
    let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    chars.drain(..lead);
    off -= lead as i64;
    end -= lead as i64;
    let mut len = chars.len() as i64;
    if chars.last() == Some(&'\n') {
        len -= 1;
    }
    off = off.min(len);
    while let Some(nl) = chars.iter().position(|&c| c == '\n') {
        let nl = nl as i64;
        if nl >= off {
            break;
        }
        chars.drain(..=nl as usize);
        len -= nl + 1;
        off -= nl + 1;
        end -= nl + 1;
    }
    let shown: String = chars.iter().take(len.max(0) as usize).collect();
    out.push_str("    ");
    out.push_str(&shown);
    out.push('\n');
    if !has_offset || off < 0 {
        return;
    }
    let end = end.min(len);
    let width = if end > off { end - off } else { 1 };
    out.push_str("    ");
    out.push_str(&" ".repeat(off as usize));
    out.push_str(&"^".repeat(width as usize));
    out.push('\n');
}

/// Print an uncaught exception to stderr via `sys.excepthook` semantics.
pub fn print_exception(vm: &mut Vm, e: &Value) {
    let s = format_exception(vm, e);
    crate::modules::sys::write_stderr(vm, &s);
}
