//! Expressions: values, calls, displays, comparisons and conditional jumps.
//!
//! Owns: [`Compiler::compile_expr`] (leaves exactly one value on the stack),
//! [`Compiler::jump_if`] (consumes the condition, jumps or falls through),
//! calls (`PushNull`/`LoadMethod` + `Call`/`CallKw`/`CallFunctionEx`),
//! star-unpacking displays, f-strings and the `yield from`/`await` loop.
//!
//! Invariants: every instruction emitted for a node carries that node's
//! location (set on entry, restored on exit); a failing check returns a
//! `SyntaxError` located at the offending node.

use super::consts::{convert, fold, truthy};
use super::{CResult, Compiler, Label, STACK_USE_GUIDELINE};
use crate::code::Constant;
use crate::opcodes::{BinOpKind, CmpOpKind, Op};
use crate::symtable::ScopeKind;
use krait_parser::ast::{
    BoolOp, CmpOp, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp,
};
use std::rc::Rc;

pub(crate) fn binop_kind(op: Operator) -> BinOpKind {
    match op {
        Operator::Add => BinOpKind::Add,
        Operator::Sub => BinOpKind::Subtract,
        Operator::Mult => BinOpKind::Multiply,
        Operator::MatMult => BinOpKind::MatrixMultiply,
        Operator::Div => BinOpKind::TrueDivide,
        Operator::Mod => BinOpKind::Remainder,
        Operator::Pow => BinOpKind::Power,
        Operator::LShift => BinOpKind::Lshift,
        Operator::RShift => BinOpKind::Rshift,
        Operator::BitOr => BinOpKind::Or,
        Operator::BitXor => BinOpKind::Xor,
        Operator::BitAnd => BinOpKind::And,
        Operator::FloorDiv => BinOpKind::FloorDivide,
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    /// Compile `e` for its value: one item is pushed.
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.loc)?;
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        let r = self.expr_inner(e);
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    pub fn compile_exprs(&mut self, es: &'a [Expr]) -> CResult {
        for e in es {
            self.compile_expr(e)?;
        }
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Constant { value } => {
                self.load_const(convert(value));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.compile_expr(operand)?;
                let o = match op {
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::USub => Op::UnaryNegative,
                    UnaryOp::UAdd => Op::UnaryPositive,
                    UnaryOp::Invert => Op::UnaryInvert,
                };
                self.emit(o, 0);
            }
            ExprKind::BinOp { left, op, right } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(Op::BinaryOp, binop_kind(*op) as u32);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jop = if *op == BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
                let (last, init) = values.split_last().ok_or_else(|| self.error("empty boolean operation"))?;
                for v in init {
                    self.compile_expr(v)?;
                    self.emit_jump(jop, end);
                }
                self.compile_expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Op::Copy, 1);
                self.compile_store(target)?;
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let next = self.new_label();
                let end = self.new_label();
                self.jump_if(test, next, false)?;
                self.compile_expr(body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => {
                self.starunpack(elts, 0, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false)?
            }
            ExprKind::List { elts, .. } => {
                self.starunpack(elts, 0, Op::BuildList, Op::ListAppend, Op::ListExtend, false)?
            }
            ExprKind::Tuple { elts, .. } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.starunpack(elts, 0, Op::BuildList, Op::ListAppend, Op::ListExtend, true)?
            }
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(e)?,
            ExprKind::Await { value } => {
                let kind = self.ur().kind;
                if !kind.is_function_like() {
                    return Err(self.error("'await' outside function"));
                }
                if !self.ur().is_async && kind != ScopeKind::Comprehension {
                    return Err(self.error("'await' outside async function"));
                }
                self.compile_expr(value)?;
                self.emit(Op::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            ExprKind::Yield { value } => {
                if !self.ur().kind.is_function_like() {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Op::YieldValue, 0);
            }
            ExprKind::YieldFrom { value } => {
                if !self.ur().kind.is_function_like() {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ur().is_async {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.compile_expr(value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.compile_compare(left, ops, comparators)?
            }
            ExprKind::Call { func, args, keywords } => self.compile_call(func, args, keywords)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.compile_expr(value)?;
                let mut arg = match *conversion {
                    115 => 1, // 's'
                    114 => 2, // 'r'
                    97 => 3,  // 'a'
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                    arg |= 4;
                }
                self.emit(Op::FormatValue, arg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    // "".join([...]) keeps the stack small.
                    self.load_const(Constant::Str(Rc::from("")));
                    self.emit_name(Op::LoadMethod, "join");
                    self.emit(Op::BuildList, 0);
                    for v in values {
                        self.compile_expr(v)?;
                        self.emit(Op::ListAppend, 1);
                    }
                    self.emit(Op::Call, 1);
                } else {
                    self.compile_exprs(values)?;
                    if values.len() != 1 {
                        self.emit(Op::BuildString, values.len() as u32);
                    }
                }
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.compile_expr(value)?;
                self.emit_name(Op::LoadAttr, attr);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            ExprKind::Starred { .. } => {
                return Err(self.error("can't use starred expression here"));
            }
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Load)?,
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.compile_expr(x)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(s) = step {
                    self.compile_expr(s)?;
                    n = 3;
                }
                self.emit(Op::BuildSlice, n);
            }
        }
        Ok(())
    }

    /// The delegation loop of `yield from` and `await`:
    /// `[receiver, None]` -> `[result]`.
    ///
    /// ```text
    /// start: Send exit        ; receiver.send(value); on return jump with the result
    ///        YieldValue 1     ; yield the item to our caller (delegating)
    ///        JumpBackward start
    /// exit:
    /// ```
    pub fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Op::Send, exit);
        self.emit(Op::YieldValue, 1);
        self.emit_jump(Op::Jump, start);
        self.bind(exit);
    }

    pub fn emit_cmp(&mut self, op: CmpOp) {
        match op {
            CmpOp::Eq => self.emit(Op::CompareOp, CmpOpKind::Eq as u32),
            CmpOp::NotEq => self.emit(Op::CompareOp, CmpOpKind::Ne as u32),
            CmpOp::Lt => self.emit(Op::CompareOp, CmpOpKind::Lt as u32),
            CmpOp::LtE => self.emit(Op::CompareOp, CmpOpKind::Le as u32),
            CmpOp::Gt => self.emit(Op::CompareOp, CmpOpKind::Gt as u32),
            CmpOp::GtE => self.emit(Op::CompareOp, CmpOpKind::Ge as u32),
            CmpOp::Is => self.emit(Op::IsOp, 0),
            CmpOp::IsNot => self.emit(Op::IsOp, 1),
            CmpOp::In => self.emit(Op::ContainsOp, 0),
            CmpOp::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    /// Right operand of a comparison; `x in [1, 2]` loads a constant tuple
    /// (`{1, 2}` a frozenset) instead of building the container.
    fn compile_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if let ExprKind::List { elts, .. } | ExprKind::Set { elts } = &e.kind {
                let folded: Option<Vec<Constant>> = elts.iter().map(fold).collect();
                if let Some(items) = folded {
                    let c = if matches!(e.kind, ExprKind::Set { .. }) {
                        Constant::FrozenSet(Rc::from(items))
                    } else {
                        Constant::Tuple(Rc::from(items))
                    };
                    let saved = self.ur().loc;
                    self.set_loc(e.loc);
                    self.load_const(c);
                    self.u().loc = saved;
                    return Ok(());
                }
            }
        }
        self.compile_expr(e)
    }

    fn compile_compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(self.error("malformed comparison"));
        }
        self.compile_expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.compile_comparator(ops[0], &comparators[0])?;
            self.emit_cmp(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            // A middle operand is also the next comparison's left side: it
            // must keep its real type, so it is never folded to a constant.
            self.compile_expr(&comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.emit_cmp(ops[i]);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.compile_comparator(ops[n - 1], &comparators[n - 1])?;
        self.emit_cmp(ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Evaluate `e` as a condition: jump to `target` if its truth equals
    /// `cond`, else fall through. Nothing is left on the stack.
    pub fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        self.enter_nesting(e.loc)?;
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        let r = self.jump_if_inner(e, target, cond);
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        if let Some(c) = fold(e) {
            if truthy(&c) == cond {
                self.emit_jump(Op::Jump, target);
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => {
                return self.jump_if(operand, target, !cond);
            }
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let jump_on = *op == BoolOp::Or;
                let next = if jump_on != cond { self.new_label() } else { target };
                let (last, init) = values.split_last().unwrap();
                for v in init {
                    self.jump_if(v, next, jump_on)?;
                }
                self.jump_if(last, target, cond)?;
                if next != target {
                    self.bind(next);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.jump_if(body, target, cond)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next);
                self.jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators }
                if ops.len() == 1
                    && comparators.len() == 1
                    && matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(comparators[0].kind, ExprKind::Constant { value: krait_parser::ast::Constant::None }) =>
            {
                // `x is None` / `x is not None`: test without loading None.
                self.compile_expr(left)?;
                let jump_if_none = (ops[0] == CmpOp::Is) == cond;
                self.emit_jump(if jump_if_none { Op::PopJumpIfNone } else { Op::PopJumpIfNotNone }, target);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 && ops.len() == comparators.len() => {
                let n = ops.len();
                self.compile_expr(left)?;
                let cleanup = self.new_label();
                for i in 0..n - 1 {
                    self.compile_comparator(ops[i], &comparators[i])?;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    self.emit_cmp(ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.compile_comparator(ops[n - 1], &comparators[n - 1])?;
                self.emit_cmp(ops[n - 1]);
                self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
                let end = self.new_label();
                self.emit_jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Op::PopTop, 0);
                if !cond {
                    self.emit_jump(Op::Jump, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.compile_expr(e)?;
        self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
        Ok(())
    }

    /// A list/tuple/set display (or positional call arguments) with
    /// optional `*x` items; `pushed` items already on the stack become the
    /// first elements. With `tuple`, the result is a tuple built via a list.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Op,
        add: Op,
        extend: Op,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && pushed == 0 {
            let folded: Option<Vec<Constant>> =
                elts.iter().map(|x| if is_starred(x) { None } else { fold(x) }).collect();
            if let Some(items) = folded {
                if tuple {
                    self.load_const(Constant::Tuple(Rc::from(items)));
                } else {
                    self.emit(build, 0);
                    let c = if add == Op::SetAdd {
                        Constant::FrozenSet(Rc::from(items))
                    } else {
                        Constant::Tuple(Rc::from(items))
                    };
                    self.load_const(c);
                    self.emit(extend, 1);
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            self.compile_exprs(elts)?;
            let op = if tuple { Op::BuildTuple } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(value)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(elt)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        if keys.len() != values.len() {
            return Err(self.error("malformed dict display"));
        }
        let n = keys.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        let mut begin = 0usize;
        for i in 0..n {
            match &keys[i] {
                None => {
                    if elements > 0 {
                        self.subdict(keys, values, begin, i)?;
                        if have_dict {
                            self.emit(Op::DictUpdate, 1);
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&values[i])?;
                    self.emit(Op::DictUpdate, 1);
                    begin = i + 1;
                }
                Some(_) => {
                    if elements * 2 > STACK_USE_GUIDELINE {
                        self.subdict(keys, values, begin, i)?;
                        if have_dict {
                            self.emit(Op::DictUpdate, 1);
                        }
                        have_dict = true;
                        elements = 0;
                        begin = i;
                    }
                    elements += 1;
                }
            }
        }
        if elements > 0 {
            self.subdict(keys, values, begin, n)?;
            if have_dict {
                self.emit(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        if n > 1 {
            let folded: Option<Vec<Constant>> =
                keys[begin..end].iter().map(|k| k.as_ref().and_then(fold)).collect();
            if let Some(ks) = folded {
                self.compile_exprs(&values[begin..end])?;
                self.load_const(Constant::Tuple(Rc::from(ks)));
                self.emit(Op::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.compile_expr(k)?;
            }
            self.compile_expr(&values[i])?;
        }
        self.emit(Op::BuildMap, n as u32);
        Ok(())
    }

    fn check_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name == "__debug__" {
                return Err(super::error_at("cannot assign to __debug__", k.loc));
            }
            if keywords[i + 1..].iter().any(|o| o.arg.as_deref() == Some(name)) {
                let dup = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(name)).unwrap();
                return Err(super::error_at(&format!("keyword argument repeated: {}", name), dup.loc));
            }
        }
        Ok(())
    }

    fn compile_call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.check_keywords(keywords)?;
        if let ExprKind::Attribute { value, attr, .. } = &func.kind {
            let simple = !args.iter().any(is_starred)
                && keywords.iter().all(|k| k.arg.is_some())
                && (args.len() + keywords.len() + usize::from(!keywords.is_empty()))
                    < STACK_USE_GUIDELINE;
            if simple {
                self.compile_expr(value)?;
                let saved = self.ur().loc;
                self.set_loc(func.loc);
                self.emit_name(Op::LoadMethod, attr);
                self.u().loc = saved;
                self.compile_exprs(args)?;
                return self.finish_simple_call(args.len() as u32, keywords);
            }
        }
        self.emit(Op::PushNull, 0);
        self.compile_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `Call`/`CallKw` after the positional arguments are pushed.
    fn finish_simple_call(&mut self, nargs: u32, keywords: &'a [Keyword]) -> CResult {
        if keywords.is_empty() {
            self.emit(Op::Call, nargs);
            return Ok(());
        }
        let mut names = Vec::with_capacity(keywords.len());
        for k in keywords {
            self.compile_expr(&k.value)?;
            names.push(Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))));
        }
        self.load_const(Constant::Tuple(Rc::from(names)));
        self.emit(Op::CallKw, nargs + keywords.len() as u32);
        Ok(())
    }

    /// Push the arguments and call; `pushed` positional arguments are
    /// already on the stack above the callable.
    pub fn call_helper(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.check_keywords(keywords)?;
        let ex = args.iter().any(is_starred)
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() + pushed as usize > STACK_USE_GUIDELINE;
        if !ex {
            self.compile_exprs(args)?;
            return self.finish_simple_call(pushed + args.len() as u32, keywords);
        }
        // f(*args, **kwargs) form.
        if pushed == 0 && args.len() == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.compile_expr(value)?;
            } else {
                self.starunpack(args, pushed, Op::BuildList, Op::ListAppend, Op::ListExtend, true)?;
            }
        } else {
            self.starunpack(args, pushed, Op::BuildList, Op::ListAppend, Op::ListExtend, true)?;
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Op::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[keywords.len() - nseen..])?;
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallFunctionEx, (!keywords.is_empty()) as u32);
        Ok(())
    }

    /// A dict of plain `name=value` keyword arguments.
    fn subkwargs(&mut self, kws: &'a [Keyword]) -> CResult {
        let n = kws.len();
        if n > 1 {
            let mut names = Vec::with_capacity(n);
            for k in kws {
                self.compile_expr(&k.value)?;
                names.push(Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))));
            }
            self.load_const(Constant::Tuple(Rc::from(names)));
            self.emit(Op::BuildConstKeyMap, n as u32);
        } else {
            for k in kws {
                self.load_const(Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))));
                self.compile_expr(&k.value)?;
            }
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }
}
