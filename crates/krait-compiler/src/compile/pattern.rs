//! `match` statements.
//!
//! Owns [`Compiler::compile_match`] and the pattern compiler. Protocol of
//! every pattern: on entry its subject is on top of the stack; the pattern
//! consumes it. On success the values it captured stay on the stack (they
//! are only stored to their names once the whole case pattern matched, so a
//! failed match binds nothing); on failure it jumps to a "fail-pop" label
//! that pops exactly the items the pattern had pushed.
//!
//! [`PatternCtx`] tracks that: `stores` are the names captured so far,
//! whose values sit just below `on_top` other items the enclosing patterns
//! keep (the subject of a sequence check, a tuple of keys, ...). Value
//! `stores[j]` is `on_top + j + 1` deep; a new capture is rotated beneath
//! the existing ones. `fail_pop[n]` pops `n` items then falls into
//! `fail_pop[n - 1]`; `fail_pop[0]` is the case's failure exit.

use super::consts::{convert, fold};
use super::{CResult, Compiler, Label};
use crate::code::Constant;
use crate::opcodes::{BinOpKind, CmpOpKind, Op};
use krait_parser::ast::{Expr, ExprContext, ExprKind, MatchCase, Pattern, PatternKind};
use std::rc::Rc;

struct PatternCtx {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.compile_expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        if n == 0 {
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let checked = n - has_default as usize;
        for (i, case) in cases[..checked].iter().enumerate() {
            self.set_loc(case.pattern.loc);
            let last = i + 1 == checked;
            if !last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == n,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            for name in &pc.stores {
                self.name_op(name, ExprContext::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(g, pc.fail_pop[0], false)?;
            }
            if !last {
                self.emit(Op::PopTop, 0);
            }
            self.compile_stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(case.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &cases[n - 1];
            self.set_loc(case.pattern.loc);
            if let Some(g) = &case.guard {
                self.jump_if(g, end, false)?;
            }
            self.compile_stmts(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: u32) {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len() as u32;
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops as usize]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(Op::PopTop, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Move TOS down to depth `count` (1 = TOS), shifting the others up.
    fn rotate(&mut self, count: u32) {
        for k in (2..=count).rev() {
            self.emit(Op::Swap, k);
        }
    }

    /// Exchange the items at depths `a < b`.
    fn swap_depths(&mut self, a: u32, b: u32) {
        if a == 1 {
            self.emit(Op::Swap, b);
        } else {
            self.emit(Op::Swap, a);
            self.emit(Op::Swap, b);
            self.emit(Op::Swap, a);
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternCtx) -> CResult {
        let Some(n) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(&format!("multiple assignments to name '{}' in pattern", n)));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.compile_pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        self.enter_nesting(p.loc)?;
        let saved = self.ur().loc;
        self.set_loc(p.loc);
        let r = self.pattern_inner(p, pc);
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if let Some(c) = fold(value) {
                    self.load_const(c);
                } else if matches!(value.kind, ExprKind::Attribute { .. }) {
                    self.compile_expr(value)?;
                } else {
                    return Err(self.error("patterns may only match literals and attribute lookups"));
                }
                self.emit(Op::CompareOp, CmpOpKind::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(convert(value));
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.pattern_mapping(keys, patterns, rest.as_deref(), pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern: None, name } => {
                if !pc.allow_irrefutable {
                    return Err(match name {
                        Some(n) => self.error(&format!(
                            "name capture '{}' makes remaining patterns unreachable",
                            n
                        )),
                        None => self.error("wildcard makes remaining patterns unreachable"),
                    });
                }
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::MatchAs { pattern: Some(sub), name } => {
                pc.on_top += 1;
                self.emit(Op::Copy, 1);
                self.compile_pattern(sub, pc)?;
                pc.on_top -= 1;
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
            } else {
                only_wildcard &= is_wildcard(q);
            }
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int(size as i64));
                self.emit(Op::CompareOp, CmpOpKind::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Op::CompareOp, CmpOpKind::Ge as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            // Unpack everything and match item by item.
            match star {
                Some(s) => {
                    let after = size - s - 1;
                    if s >= 256 || after >= (1 << 24) {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern"));
                    }
                    self.emit(Op::UnpackEx, (s | (after << 8)) as u32);
                }
                None => self.emit(Op::UnpackSequence, size as u32),
            }
            pc.on_top += size as u32;
            for q in patterns {
                pc.on_top -= 1;
                self.compile_subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the subject instead of unpacking it.
    fn sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternCtx) -> CResult {
        let size = patterns.len();
        pc.on_top += 1;
        for (i, q) in patterns.iter().enumerate() {
            if i == star || is_wildcard(q) {
                continue;
            }
            self.emit(Op::Copy, 1);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                // Negative indexes may be unsupported: compute len - k.
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Op::BinaryOp, BinOpKind::Subtract as u32);
            }
            self.emit(Op::BinarySubscr, 0);
            self.compile_subpattern(q, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternCtx,
    ) -> CResult {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(&format!(
                "keys ({}) / patterns ({}) length mismatch in mapping pattern",
                size,
                patterns.len()
            )));
        }
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Op::CompareOp, CmpOpKind::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in keys {
            if let Some(c) = fold(k) {
                if seen.contains(&c) {
                    let msg = format!("mapping pattern checks duplicate key ({})", crate::dis::const_repr(&c));
                    return Err(self.error(&msg));
                }
                seen.push(c.clone());
                let saved = self.ur().loc;
                self.set_loc(k.loc);
                self.load_const(c);
                self.u().loc = saved;
            } else if matches!(k.kind, ExprKind::Attribute { .. }) {
                self.compile_expr(k)?;
            } else {
                return Err(super::error_at(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.loc,
                ));
            }
        }
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        // [subject, keys, values-or-None]
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top = pc.on_top + size as u32 - 1;
        for q in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(q, pc)?;
        }
        // [subject, keys]: the keys become the `**rest` dict (or are
        // dropped); the subject stays counted until it is popped.
        pc.on_top -= 1;
        match rest {
            Some(r) => {
                self.emit(Op::CopyDictWithoutKeys, 0);
                self.store_capture(Some(r), pc)?;
            }
            None => self.emit(Op::PopTop, 0),
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_class(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternCtx,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(&format!(
                "kwd_attrs ({}) / kwd_patterns ({}) length mismatch in class pattern",
                nattrs,
                kwd_patterns.len()
            )));
        }
        for (i, a) in kwd_attrs.iter().enumerate() {
            if a == "__debug__" {
                return Err(super::error_at("cannot assign to __debug__", kwd_patterns[i].loc));
            }
            if kwd_attrs[i + 1..].contains(a) {
                let j = i + 1 + kwd_attrs[i + 1..].iter().position(|x| x == a).unwrap_or(0);
                return Err(super::error_at(
                    &format!("attribute name repeated in class pattern: {}", a),
                    kwd_patterns[j].loc,
                ));
            }
        }
        self.compile_expr(cls)?;
        let names: Vec<Constant> = kwd_attrs.iter().map(|a| Constant::Str(Rc::from(a.as_str()))).collect();
        self.load_const(Constant::Tuple(Rc::from(names)));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        let total = (nargs + nattrs) as u32;
        self.emit(Op::UnpackSequence, total);
        pc.on_top = pc.on_top + total - 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.compile_subpattern(q, pc)?;
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative matches a copy of the subject with
    /// its own fail-pop labels; the winner's captures are reordered to the
    /// first alternative's order, then moved under the enclosing items.
    #[allow(clippy::needless_range_loop)]
    fn pattern_or(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let end = self.new_label();
        let size = patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in patterns.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            pc.allow_irrefutable = i + 1 == size && old_allow;
            self.emit(Op::Copy, 1);
            self.compile_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    let same = ctl.len() == pc.stores.len() && ctl.iter().all(|n| pc.stores.contains(n));
                    if !same {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    // Reorder the captured values to the control order.
                    let mut cur = pc.stores.clone();
                    for j in 0..ctl.len() {
                        let p = cur.iter().position(|n| *n == ctl[j]).unwrap_or(j);
                        if p != j {
                            self.swap_depths(j as u32 + 1, p as u32 + 1);
                            cur.swap(j, p);
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: drop the subject and fail.
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(&format!("multiple assignments to name '{}' in pattern", name)));
            }
            pc.stores.push(name);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}
