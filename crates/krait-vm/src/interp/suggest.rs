//! "Did you mean: 'x'?" for AttributeError and NameError, as CPython 3.11
//! adds when it prints a traceback (not part of `str(exc)`).
//!
//! The candidate is the closest name by a Levenshtein distance where a
//! change of letter case costs 1 and any other edit 2; a candidate must be
//! within a third of the characters involved.

use crate::object::Payload;
use crate::types::{dict, exception, types};
use crate::value::Value;
use crate::Vm;

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance, or `max + 1` as soon as it is known to exceed `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut min_row = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            min_row = min_row.min(result);
        }
        if min_row > max {
            return max + 1;
        }
    }
    result
}

fn best(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES || name.len() > MAX_STRING {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name || c.len() > MAX_STRING {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}

fn attr(e: &Value, n: &str) -> Option<Value> {
    e.as_obj()?.dict.borrow().clone().and_then(|d| dict::dict_get_str(&d, n)).filter(|v| !v.is_none())
}

fn keys(d: &Value) -> Vec<String> {
    d.as_dict().map(|d| d.borrow().keys()).unwrap_or_default().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect()
}

/// The suggestion to append to the printed message, if any.
pub fn suggestion_for(vm: &mut Vm, e: &Value) -> Option<String> {
    let t = types();
    if crate::types::is_instance(e, &t.exc.attribute_error) {
        let name = attr(e, "name")?;
        let obj = attr(e, "obj")?;
        let name = name.as_str()?.to_string();
        let dir = vm.call_special(&obj, "__dir__", &[]).ok()??;
        let mut names: Vec<String> = vm.collect(&dir).ok()?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
        names.sort();
        return best(&name, &names);
    }
    if crate::types::is_instance(e, &t.exc.name_error) && !crate::types::is_instance(e, &t.exc.unbound_local_error) {
        let name = attr(e, "name")?.as_str()?.to_string();
        // The frame where it happened: the last traceback entry.
        let mut tb = exception::get_traceback(e);
        let mut last = None;
        while let Some(d) = exception::traceback_data(&tb) {
            last = Some((d.code.clone(), d.globals.clone()));
            tb = d.next();
        }
        let (code, globals) = last?;
        // In co_varnames order, as CPython: the first of equally close names wins.
        let locals: Vec<String> = code.varnames.iter().chain(code.cell_names.iter()).filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
        if let Some(s) = best(&name, &locals) {
            return Some(s);
        }
        let g = keys(&globals);
        if let Some(s) = best(&name, &g) {
            return Some(s);
        }
        let b = match dict::dict_get_str(&globals, "__builtins__") {
            Some(m) if matches!(m.as_obj().map(|o| &o.payload), Some(Payload::Module(_))) => crate::types::module::module_dict(&m),
            Some(d) if d.as_dict().is_some() => d,
            _ => vm.builtins_dict.clone(),
        };
        let bk = keys(&b);
        return best(&name, &bk);
    }
    None
}
