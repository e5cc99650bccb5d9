//! Assembly: a finished [`Unit`] to a [`CodeObject`].
//!
//! Owns: the stack-depth flow analysis (over both edges of every jump and
//! from every instruction covered by a handler into that handler, whose
//! depth was recorded at its setup marker), removal of unreachable instructions and of
//! handler markers, label resolution (`Jump` vs `JumpBackward` by
//! direction), the exception table and `cell2arg`.
//!
//! Invariants checked here (a violation is a compiler bug and becomes a
//! "SystemError" instead of a panic): every path reaches a terminator, the
//! depth never goes negative, every instruction is reached with one depth.

use super::{CResult, IInstr, Unit, NO_HANDLER, UNBOUND};
use crate::code::{CodeObject, ExceptionEntry, Location};
use crate::opcodes::{Instr, Op};
use crate::symtable::error;
use krait_parser::ast::Loc;
use krait_parser::SyntaxError;
use std::rc::Rc;

fn internal(what: String, loc: Location) -> SyntaxError {
    let mut e = error(
        format!("internal compiler error: {}", what),
        Loc { line: loc.line, col: loc.col, end_line: loc.end_line, end_col: loc.end_col },
    );
    e.kind = "SystemError";
    e
}

#[allow(clippy::needless_range_loop)]
pub(crate) fn assemble(u: Unit, filename: &Rc<str>) -> CResult<CodeObject> {
    let n = u.instrs.len();
    let target_of = |label: u32| -> Option<usize> {
        let t = *u.labels.get(label as usize)?;
        if t == UNBOUND {
            None
        } else {
            Some(t as usize)
        }
    };
    let loc_of = |i: usize| u.instrs.get(i).map(|x| x.loc).unwrap_or_default();

    // --- stack depth analysis ---
    let mut depth: Vec<i64> = vec![-1; n];
    let mut handler_depth: Vec<Option<u32>> = vec![None; u.handlers.len()];
    let mut work: Vec<usize> = Vec::new();
    let mut max_depth: i64 = 0;
    if n == 0 {
        return Err(internal(format!("empty code object {}", u.name), u.loc));
    }
    depth[0] = 0;
    work.push(0);

    fn reach(
        depth: &mut [i64],
        work: &mut Vec<usize>,
        idx: usize,
        d: i64,
        from: Location,
        name: &str,
    ) -> CResult {
        if idx >= depth.len() {
            return Err(internal(format!("control falls off the end of {}", name), from));
        }
        if d < 0 {
            return Err(internal(format!("negative stack depth in {}", name), from));
        }
        if depth[idx] == -1 {
            depth[idx] = d;
            work.push(idx);
        } else if depth[idx] != d {
            return Err(internal(
                format!("inconsistent stack depth ({} vs {}) at {} in {}", depth[idx], d, idx, name),
                from,
            ));
        }
        Ok(())
    }

    while let Some(i) = work.pop() {
        let d = depth[i];
        let ins: IInstr = u.instrs[i];
        if ins.marker {
            let h = u.handlers[ins.arg as usize];
            let hd = d - h.adjust as i64;
            if hd < 0 {
                return Err(internal("negative handler depth".into(), ins.loc));
            }
            match handler_depth[ins.arg as usize] {
                Some(old) if old as i64 != hd => {
                    return Err(internal("inconsistent handler depth".into(), ins.loc))
                }
                _ => handler_depth[ins.arg as usize] = Some(hd as u32),
            }
            reach(&mut depth, &mut work, i + 1, d, ins.loc, &u.name)?;
            continue;
        }
        // An instruction that can raise enters its handler (only handlers
        // covering some reachable instruction are reachable).
        if ins.handler != NO_HANDLER {
            let h = u.handlers[ins.handler as usize];
            let hd = handler_depth[ins.handler as usize]
                .ok_or_else(|| internal("handler region reached without its setup".into(), ins.loc))?;
            let entry = hd as i64 + h.lasti as i64 + 1;
            max_depth = max_depth.max(entry);
            let t = target_of(h.label.0).ok_or_else(|| internal("unbound handler label".into(), ins.loc))?;
            reach(&mut depth, &mut work, t, entry, ins.loc, &u.name)?;
        }
        let op = ins.op;
        if op.is_jump() {
            let nd = d + op.stack_effect(ins.arg, true) as i64;
            max_depth = max_depth.max(nd);
            let t = target_of(ins.arg).ok_or_else(|| internal("unbound label".into(), ins.loc))?;
            reach(&mut depth, &mut work, t, nd, ins.loc, &u.name)?;
        }
        if !op.is_terminator() {
            let nd = d + op.stack_effect(ins.arg, false) as i64;
            max_depth = max_depth.max(nd);
            reach(&mut depth, &mut work, i + 1, nd, loc_of(i), &u.name)?;
        }
    }

    // --- drop markers and unreachable instructions ---
    let mut new_index: Vec<u32> = vec![0; n + 1];
    let mut count = 0u32;
    for i in 0..n {
        new_index[i] = count;
        if depth[i] >= 0 && !u.instrs[i].marker {
            count += 1;
        }
    }
    new_index[n] = count;

    let mut instrs = Vec::with_capacity(count as usize);
    let mut locations = Vec::with_capacity(count as usize);
    let mut handler_of: Vec<u32> = Vec::with_capacity(count as usize);
    for i in 0..n {
        let ins = u.instrs[i];
        if depth[i] < 0 || ins.marker {
            continue;
        }
        let here = instrs.len() as u32;
        let mut op = ins.op;
        let mut arg = ins.arg;
        if op.is_jump() {
            let t = target_of(arg).ok_or_else(|| internal("unbound label".into(), ins.loc))?;
            arg = new_index[t];
            if matches!(op, Op::Jump | Op::JumpBackward) {
                op = if arg <= here { Op::JumpBackward } else { Op::Jump };
            }
        }
        instrs.push(Instr::new(op, arg));
        locations.push(ins.loc);
        handler_of.push(ins.handler);
    }

    // --- exception table ---
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut start = 0usize;
    while start < handler_of.len() {
        let h = handler_of[start];
        let mut end = start + 1;
        while end < handler_of.len() && handler_of[end] == h {
            end += 1;
        }
        if h != NO_HANDLER {
            let info = u.handlers[h as usize];
            let hd = handler_depth[h as usize]
                .ok_or_else(|| internal("handler region reached without its setup".into(), locations[start]))?;
            let t = target_of(info.label.0).ok_or_else(|| internal("unbound handler".into(), locations[start]))?;
            table.push(ExceptionEntry {
                start: start as u32,
                end: end as u32,
                target: new_index[t],
                depth: hd,
                push_lasti: info.lasti,
            });
        }
        start = end;
    }

    // --- cells that are parameters ---
    let nargs = {
        let mut k = u.argcount + u.kwonlyargcount;
        if u.flags & crate::code::flags::VARARGS != 0 {
            k += 1;
        }
        if u.flags & crate::code::flags::VARKEYWORDS != 0 {
            k += 1;
        }
        k as usize
    };
    let cell2arg = u
        .cellvars
        .iter()
        .map(|c| u.varnames.iter().take(nargs).position(|v| &**v == c.as_str()).map(|i| i as u32))
        .collect();

    Ok(CodeObject {
        name: Rc::from(u.name.as_str()),
        qualname: Rc::from(u.qualname.as_str()),
        filename: filename.clone(),
        flags: u.flags,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        firstlineno: u.firstlineno,
        instrs,
        locations,
        consts: u.consts,
        names: u.names,
        varnames: u.varnames,
        cellvars: u.cellvars.iter().map(|s| Rc::from(s.as_str())).collect(),
        freevars: u.freevars.iter().map(|s| Rc::from(s.as_str())).collect(),
        cell2arg,
        exception_table: table,
        max_stack: max_depth as u32,
    })
}
