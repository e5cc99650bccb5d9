//! The `_heapq` module: binary min-heaps (and the max-heap helpers used by
//! `heapq.merge`/`nsmallest`) over a list, with the C module's algorithm:
//! items are swapped in place, and a comparison that changes the list's
//! size raises RuntimeError.

use super::common::{no_kw, tname, unpack};
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::cell::RefCell;

fn kwfree(name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("_heapq.{name}() takes no keyword arguments")))
    }
}

fn one_list<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a RefCell<Vec<Value>>> {
    kwfree(name, kw)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("_heapq.{name}() takes exactly one argument ({} given)", args.len())));
    }
    args[0].as_list().ok_or_else(|| PyErr::type_error(format!("{name}() argument must be list, not {}", tname(&args[0]))))
}

fn two_list<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a RefCell<Vec<Value>>> {
    no_kw(name, kw).map_err(|_| PyErr::type_error(format!("_heapq.{name}() takes no keyword arguments")))?;
    unpack(name, args, 2, 2)?;
    args[0].as_list().ok_or_else(|| PyErr::type_error(format!("{name}() argument 1 must be list, not {}", tname(&args[0]))))
}

fn changed() -> PyErr {
    PyErr::runtime_error("list changed size during iteration")
}

fn oob() -> PyErr {
    PyErr::index_error("index out of range")
}

/// `a < b` (for a max-heap, `b < a`).
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        vm.compare_bool(b, a, CmpOpKind::Lt)
    } else {
        vm.compare_bool(a, b, CmpOpKind::Lt)
    }
}

fn get2(l: &RefCell<Vec<Value>>, i: usize, j: usize) -> Option<(Value, Value)> {
    let v = l.borrow();
    Some((v.get(i)?.clone(), v.get(j)?.clone()))
}

fn siftdown(vm: &mut Vm, l: &RefCell<Vec<Value>>, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.borrow().len();
    if pos >= size {
        return Err(oob());
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = get2(l, pos, parentpos).ok_or_else(changed)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if l.borrow().len() != size {
            return Err(changed());
        }
        if !lt {
            break;
        }
        l.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, l: &RefCell<Vec<Value>>, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.borrow().len();
    let start = pos;
    if pos >= endpos {
        return Err(oob());
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = get2(l, childpos, childpos + 1).ok_or_else(changed)?;
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                childpos += 1;
            }
            if l.borrow().len() != endpos {
                return Err(changed());
            }
        }
        l.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = two_list("heappush", args, kw)?;
    let n = {
        let mut v = l.borrow_mut();
        v.push(args[1].clone());
        v.len()
    };
    siftdown(vm, l, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop_impl(vm: &mut Vm, l: &RefCell<Vec<Value>>, max: bool) -> PyResult<Value> {
    let last = l.borrow_mut().pop().ok_or_else(oob)?;
    let ret = {
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Ok(last);
        }
        std::mem::replace(&mut v[0], last)
    };
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = one_list("heappop", args, kw)?;
    pop_impl(vm, l, false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = one_list("_heappop_max", args, kw)?;
    pop_impl(vm, l, true)
}

fn replace_impl(vm: &mut Vm, l: &RefCell<Vec<Value>>, item: Value, max: bool) -> PyResult<Value> {
    let ret = {
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Err(oob());
        }
        std::mem::replace(&mut v[0], item)
    };
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = two_list("heapreplace", args, kw)?;
    replace_impl(vm, l, args[1].clone(), false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = two_list("_heapreplace_max", args, kw)?;
    replace_impl(vm, l, args[1].clone(), true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = two_list("heappushpop", args, kw)?;
    let item = args[1].clone();
    let top = match l.borrow().first() {
        Some(t) => t.clone(),
        None => return Ok(item),
    };
    if !vm.compare_bool(&top, &item, CmpOpKind::Lt)? {
        return Ok(item);
    }
    let ret = {
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Err(oob());
        }
        std::mem::replace(&mut v[0], item)
    };
    siftup(vm, l, 0, false)?;
    Ok(ret)
}

fn heapify_impl(vm: &mut Vm, l: &RefCell<Vec<Value>>, max: bool) -> PyResult<Value> {
    let n = l.borrow().len();
    for i in (0..n / 2).rev() {
        siftup(vm, l, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = one_list("heapify", args, kw)?;
    heapify_impl(vm, l, false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = one_list("_heapify_max", args, kw)?;
    heapify_impl(vm, l, true)
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_heapq");
    set_attr(&m, "__doc__", Value::str("Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n\nUsage:\n\nheap = []            # creates an empty heap\nheappush(heap, item) # pushes a new item on the heap\nitem = heappop(heap) # pops the smallest item from the heap\nitem = heap[0]       # smallest item on the heap without popping it\nheapify(x)           # transforms list into a heap, in-place, in linear time\nitem = heapreplace(heap, item) # pops and returns smallest item, and adds\n                               # new item; the heap size is unchanged\n\nOur API differs from textbook heap algorithms as follows:\n\n- We use 0-based indexing.  This makes the relationship between the\n  index for a node and the indexes for its children slightly less\n  obvious, but is more suitable since Python uses 0-based indexing.\n\n- Our heappop() method returns the smallest item, not the largest.\n\nThese two make it possible to view the heap as a regular Python list\nwithout surprises: heap[0] is the smallest item, and heap.sort()\nmaintains the heap invariant!\n"));
    add_function(&m, "heappush", heappush);
    add_function(&m, "heappop", heappop);
    add_function(&m, "heapify", heapify);
    add_function(&m, "heapreplace", heapreplace);
    add_function(&m, "heappushpop", heappushpop);
    add_function(&m, "_heapify_max", heapify_max);
    add_function(&m, "_heappop_max", heappop_max);
    add_function(&m, "_heapreplace_max", heapreplace_max);
    m
}
