//! Structures and unions: the `PyCStructType`/`UnionType` metaclasses,
//! `_fields_` (layout with `_pack_`, bit fields, `_anonymous_`,
//! `_swappedbytes_`), the field descriptors (`CField`) and
//! `Structure.__init__`.

use super::cdata::{self, cdata_get, cdata_set, type_name};
use super::classes;
use super::stg::{self, Ffi, Kind, StgInfo};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native, dict, type_of, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

/// A field descriptor (`<Field type=c_int, ofs=0, size=4>`).
pub struct CField {
    pub offset: usize,
    /// Size in bytes, or `bits << 16 | bit offset` for a bit field.
    pub size: usize,
    pub proto: Value,
    pub index: isize,
    /// A getter/setter of its own: `b's'` for char arrays, `b'U'` for wchar arrays.
    pub code: u8,
    pub anonymous: bool,
    /// Fast reads: the simple format code (with byte order) when the field
    /// converts to a Python value directly (0: build an instance).
    pub fast: (u8, bool),
}

/// The direct getter of a field of type `proto` (see `CField::fast`).
fn fast_of(proto: &Value, code: u8) -> (u8, bool) {
    if code != 0 {
        return (code, false);
    }
    match stg::stg_of_value(proto) {
        Some(s) if s.kind == Kind::Simple && !cdata::is_simple_subclass(proto) => (s.code, s.swapped),
        _ => (0, false),
    }
}

impl NativeData for CField {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.proto)
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.proto, Value::NONE))
    }
}

fn field_info(v: &Value) -> Option<(usize, usize, Value, isize, u8, bool)> {
    with_opaque::<CField, _>(v, |f| (f.offset, f.size, f.proto.clone(), f.index, f.code, f.anonymous))
}

fn new_field(f: CField) -> Value {
    new_opaque(&classes().cfield, f)
}

fn cfield_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let inst = args.get(1).cloned().unwrap_or(Value::NONE);
    if inst.is_none() {
        return Ok(me.clone());
    }
    // Fast path: a simple value read straight from the instance's memory.
    if let Some((offset, size, (code, swapped))) = with_opaque::<CField, _>(me, |f| (f.offset, f.size, f.fast)) {
        if code != 0 {
            if let Some((p, n)) = cdata::cdata_mem(&inst) {
                let need = if stg::bitfield(size).is_some() { 0 } else { size };
                if offset + need <= n {
                    // SAFETY: inside the instance's memory.
                    return unsafe { stg::get_value(code, swapped, p.add(offset), size) };
                }
            }
        }
    }
    let Some((offset, size, proto, index, code, _)) = field_info(me) else {
        return Err(PyErr::type_error("not a field"));
    };
    let Some((p, n)) = cdata::cdata_mem(&inst) else {
        return Err(PyErr::type_error("not a ctype instance"));
    };
    let fsize = if stg::bitfield(size).is_some() { 0 } else { size };
    if offset + fsize > n {
        return Err(PyErr::value_error("field outside the object's memory"));
    }
    // SAFETY: offset is within the instance's memory.
    cdata_get(vm, &proto, code, &inst, index, size, unsafe { p.add(offset) })
}

fn cfield_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let inst = &args[1];
    let value = &args[2];
    let Some((offset, size, proto, index, code, _)) = field_info(me) else {
        return Err(PyErr::type_error("not a field"));
    };
    let Some((p, n)) = cdata::cdata_mem(inst) else {
        return Err(PyErr::type_error("not a ctype instance"));
    };
    let fsize = if stg::bitfield(size).is_some() { 0 } else { size };
    if offset + fsize > n {
        return Err(PyErr::value_error("field outside the object's memory"));
    }
    // SAFETY: as in cfield_get.
    cdata_set(vm, inst, &proto, code, value, index, size, unsafe { p.add(offset) })?;
    Ok(Value::NONE)
}

fn cfield_delete(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("can't delete attribute"))
}

fn cfield_offset(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(field_info(&args[0]).map_or(0, |f| f.0 as i64)))
}

fn cfield_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(field_info(&args[0]).map_or(0, |f| f.1 as i64)))
}

fn cfield_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some((offset, size, proto, ..)) = field_info(&args[0]) else {
        return Ok(Value::str("<Field>"));
    };
    let name = type_name(&proto);
    Ok(Value::string(match stg::bitfield(size) {
        Some((bits, low)) => format!("<Field type={name}, ofs={offset}:{low}, bits={bits}>"),
        None => format!("<Field type={name}, ofs={offset}, size={size}>"),
    }))
}

pub fn make_cfield_type() -> Value {
    let t = crate::modules::native::new_type("_ctypes", "CField", None);
    add_method(&t, "__get__", cfield_get);
    add_method(&t, "__set__", cfield_set);
    add_method(&t, "__delete__", cfield_delete);
    add_method(&t, "__repr__", cfield_repr);
    add_getset(&t, "offset", cfield_offset, None);
    add_getset(&t, "size", cfield_size, None);
    t
}

// ------------------------------------------------------------ the metaclasses

pub fn struct_meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    meta_new(vm, args, kw, true)
}

pub fn union_meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    meta_new(vm, args, kw, false)
}

fn own_dict(cls: &Value) -> Value {
    cls.as_obj().unwrap().type_data().dict.clone()
}

fn base_type(cls: &Value) -> Option<Value> {
    let td = cls.as_obj()?.as_type()?;
    let b = td.bases.borrow().first().cloned();
    b.map(Value::from_obj)
}

fn meta_new(vm: &mut Vm, args: &[Value], kw: &[Value], is_struct: bool) -> PyResult<Value> {
    let cls = crate::types::type_::type_new(vm, args, kw)?;
    let d = own_dict(&cls);
    if dict::dict_get_str(&d, "_abstract_").is_some() {
        return Ok(cls);
    }
    let kind = if is_struct { Kind::Struct } else { Kind::Union };
    // Fresh storage info (empty), or a copy of the base's.
    let base = base_type(&cls).and_then(|b| stg::stg_of_value(&b));
    let fields = dict::dict_get_str(&d, "_fields_");
    match (&fields, base) {
        (None, Some(b)) => {
            let mut info = StgInfo::new(kind, b.size, b.align, Ffi::aggregate(agg_elements(&b), vec![b.clone()], b.size, b.align));
            info.length = b.length;
            info.flags.set(b.flags.get());
            info.big_endian = b.big_endian;
            stg::set_stg(&cls, info);
            b.final_.set(true);
        }
        _ => {
            let info = StgInfo::new(kind, 0, 1, Ffi::aggregate(vec![], vec![], 0, 1));
            stg::set_stg(&cls, info);
        }
    }
    if let Some(f) = fields {
        // Through setattr, so a metaclass `__setattr__` (ctypes._endian's)
        // sees the fields.
        let n = crate::types::str::intern("_fields_");
        vm.setattr(&cls, &n, f)?;
    }
    Ok(cls)
}

/// The element types of an aggregate's libffi type (without the NULL).
fn agg_elements(s: &StgInfo) -> Vec<*mut libffi::raw::ffi_type> {
    match &s.ffi {
        Ffi::Owned(a) => a.elements.iter().copied().filter(|p| !p.is_null()).collect(),
        Ffi::Static(p) => vec![*p],
    }
}

/// The `_fields_` descriptor of the metaclasses: reads the class's own
/// `_fields_`, and assigning one lays the structure out.
fn fields_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    if let Some(o) = cls.as_obj().filter(|o| o.as_type().is_some()) {
        if let Some(v) = crate::types::lookup(o, "_fields_") {
            return Ok(v);
        }
    }
    let _ = vm;
    let n = Value::str("_fields_");
    match cls.as_obj().and_then(|o| o.as_type()) {
        // A builtin class is named with its module, as CPython's tp_name.
        Some(td) if !td.heap => Err(PyErr::attribute_error(format!("type object '_ctypes.{}' has no attribute '_fields_'", td.name.borrow()))),
        _ => Err(crate::ops::attr::no_attribute(cls, &n)),
    }
}

fn fields_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let value = &args[1];
    let Some(o) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(PyErr::type_error("not a class"));
    };
    let td = o.type_data();
    if !td.heap {
        return Err(PyErr::type_error(format!("cannot set '_fields_' attribute of immutable type '{}'", td.name.borrow())));
    }
    if value.is_null() {
        let n = Value::str("_fields_");
        if !dict::dict_del_str(&td.dict, &n) {
            return Err(crate::ops::attr::no_attribute(cls, &n));
        }
        crate::types::type_::type_modified(o);
        return Ok(Value::NONE);
    }
    dict::dict_set_str(&td.dict, "_fields_", value.clone());
    crate::types::type_::type_modified(o);
    let is_struct = !super::meta_is(type_ref(cls), &classes().union_meta);
    update_fields(vm, cls, value, is_struct)?;
    Ok(Value::NONE)
}

pub fn add_fields_descriptor(meta: &Value) {
    add_getset(meta, "_fields_", fields_get, Some(fields_set));
}

/// Lay out the fields (CPython's `PyCStructUnionType_update_stgdict`).
pub fn update_fields(vm: &mut Vm, cls: &Value, fields: &Value, is_struct: bool) -> PyResult<()> {
    let n_pack = crate::types::str::intern("_pack_");
    let pack: Option<usize> = match vm.getattr_opt(cls, &n_pack)? {
        Some(p) => {
            let bad = || PyErr::value_error("_pack_ must be a non-negative integer");
            let i = match vm.index_value(&p) {
                Ok(i) => i,
                Err(e) if e.matches(&crate::types::types().exc.type_error) || e.matches(&crate::types::types().exc.overflow_error) => return Err(bad()),
                Err(e) => return Err(e),
            };
            if i < 0 || i > i32::MAX as i64 {
                return Err(bad());
            }
            Some(i as usize)
        }
        None => None,
    };
    let big_endian = vm.hasattr(cls, "_swappedbytes_")?;
    let items = match vm.collect(fields) {
        Ok(v) => v,
        Err(e) if e.matches(&crate::types::types().exc.type_error) => return Err(PyErr::type_error("'_fields_' must be a sequence of pairs")),
        Err(e) => return Err(e),
    };
    let Some(me) = stg::stg_of_value(cls) else {
        return Err(PyErr::type_error("ctypes state is not initialized"));
    };
    if me.final_.get() {
        return Err(PyErr::attribute_error("_fields_ is final"));
    }
    let base = base_type(cls).and_then(|b| stg::stg_of_value(&b));
    let mut flags = 0u32;
    if let Some(b) = &base {
        flags |= b.flags.get() & (stg::TYPEFLAG_HASUNION | stg::TYPEFLAG_HASBITFIELD);
    }
    if !is_struct {
        flags |= stg::TYPEFLAG_HASUNION;
    }
    let (mut size, mut offset, mut align, mut total_align, base_len);
    let mut elements: Vec<*mut libffi::raw::ffi_type> = Vec::new();
    let mut keep: Vec<Rc<StgInfo>> = Vec::new();
    match &base {
        Some(b) => {
            size = b.size;
            offset = b.size;
            align = b.align;
            total_align = if b.align > 0 { b.align } else { 1 };
            base_len = b.length;
            elements.extend(agg_elements(b));
            keep.push(b.clone());
        }
        None => {
            size = 0;
            offset = 0;
            align = 0;
            total_align = 1;
            base_len = 0;
        }
    }
    let mut union_size = 0usize;
    let mut field_size = 0usize; // bits of the open bit field storage unit
    let mut bitofs = 0usize;
    let pair_err = || PyErr::type_error("'_fields_' must be a sequence of (name, C type) pairs");
    for (i, pair) in items.iter().enumerate() {
        let Some(t) = pair.as_tuple() else { return Err(pair_err()) };
        if t.len() < 2 || t.len() > 3 || t[0].as_str().is_none() {
            return Err(pair_err());
        }
        let name = t[0].clone();
        let desc = t[1].clone();
        let bits_arg = if t.len() == 3 {
            if !t[2].is_int() {
                return Err(pair_err());
            }
            Some(t[2].as_i64().unwrap_or(i64::MAX))
        } else {
            None
        };
        let Some(ds) = stg::stg_of_value(&desc) else {
            return Err(PyErr::type_error(format!("second item in _fields_ tuple (index {i}) must be a C type")));
        };
        if ds.flags.get() & (stg::TYPEFLAG_ISPOINTER | stg::TYPEFLAG_HASPOINTER) != 0 || ds.kind == Kind::Pointer {
            flags |= stg::TYPEFLAG_HASPOINTER;
        }
        flags |= ds.flags.get() & (stg::TYPEFLAG_HASUNION | stg::TYPEFLAG_HASBITFIELD);
        ds.final_.set(true);
        let mut bitsize = 0usize;
        if let Some(b) = bits_arg {
            flags |= stg::TYPEFLAG_HASBITFIELD;
            let ok = ds.kind == Kind::Simple && matches!(ds.code, b'B' | b'?' | b'H' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'b' | b'h' | b'i');
            if !ok {
                return Err(PyErr::type_error(format!("bit fields not allowed for type {}", type_name(&desc))));
            }
            if b <= 0 || b as usize > ds.size * 8 {
                return Err(PyErr::value_error("number of bits invalid for bit field"));
            }
            bitsize = b as usize;
        }
        if !is_struct {
            size = 0;
            offset = 0;
            align = 0;
        }
        // CPython's PyCField_FromDesc.
        let dsize = ds.size;
        let fbits = dsize * 8;
        enum Ft {
            No,
            New,
            Cont,
            Expand,
        }
        let ft = if bitsize > 0 && field_size > 0 && fbits <= field_size && bitofs + bitsize <= field_size {
            Ft::Cont
        } else if bitsize > 0 && field_size > 0 && fbits >= field_size && bitofs + bitsize <= fbits {
            Ft::Expand
        } else if bitsize > 0 {
            bitofs = 0;
            field_size = fbits;
            Ft::New
        } else {
            bitofs = 0;
            field_size = 0;
            Ft::No
        };
        let mut code = 0u8;
        if ds.kind == Kind::Array {
            if let Some(is) = stg::stg_of_value(&ds.proto()) {
                if is.kind == Kind::Simple && is.code == b'c' {
                    code = b's';
                }
                if is.kind == Kind::Simple && is.code == b'u' {
                    code = b'U';
                }
            }
        }
        let enc = |bitofs: usize, field_size: usize| -> usize {
            if big_endian {
                (bitsize << 16) + field_size - bitofs - bitsize
            } else {
                (bitsize << 16) + bitofs
            }
        };
        let fsize;
        let foffset;
        match ft {
            Ft::New | Ft::No => {
                let mut s = dsize;
                if let Ft::New = ft {
                    s = enc(bitofs, field_size);
                    bitofs = bitsize;
                }
                let a = match pack {
                    Some(p) if p > 0 => p.min(ds.align),
                    _ => ds.align,
                };
                if a > 0 && offset % a != 0 {
                    let delta = a - offset % a;
                    size += delta;
                    offset += delta;
                }
                size += dsize;
                foffset = offset;
                offset += dsize;
                align = a;
                fsize = s;
            }
            Ft::Expand => {
                offset += dsize - field_size / 8;
                size += dsize - field_size / 8;
                field_size = fbits;
                fsize = enc(bitofs, field_size);
                foffset = offset - dsize;
                bitofs += bitsize;
            }
            Ft::Cont => {
                fsize = enc(bitofs, field_size);
                foffset = offset - dsize;
                bitofs += bitsize;
            }
        }
        if !is_struct {
            union_size = union_size.max(size);
        }
        total_align = total_align.max(align);
        elements.push(ds.ffi_ptr());
        keep.push(ds.clone());
        let fast = fast_of(&desc, code);
        let field = new_field(CField { offset: foffset, size: fsize, proto: desc.clone(), index: (base_len + i) as isize, code, anonymous: false, fast });
        vm.setattr(cls, &name, field)?;
    }
    if !is_struct {
        size = union_size;
    }
    let size = size.div_ceil(total_align) * total_align;
    // libffi: a union is described by its largest member.
    let elements = if is_struct {
        elements
    } else {
        let mut best: Option<(usize, *mut libffi::raw::ffi_type)> = None;
        for k in keep.iter().skip(if base.is_some() { 1 } else { 0 }) {
            if best.map_or(true, |(s, _)| k.size > s) {
                best = Some((k.size, k.ffi_ptr()));
            }
        }
        best.map(|b| vec![b.1]).unwrap_or_default()
    };
    let mut info = StgInfo::new(if is_struct { Kind::Struct } else { Kind::Union }, size, total_align, Ffi::aggregate(elements, keep, size, total_align));
    info.length = base_len + items.len();
    info.flags.set(flags);
    info.big_endian = big_endian;
    if me.final_.get() {
        return Err(PyErr::attribute_error("Structure or union cannot contain itself"));
    }
    info.final_.set(true);
    let _ = info.final_.replace(false);
    let new = stg::set_stg(cls, info);
    new.final_.set(true);
    make_anon_fields(vm, cls)
}

fn make_anon_fields(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let n = crate::types::str::intern("_anonymous_");
    let Some(anon) = vm.getattr_opt(cls, &n)? else { return Ok(()) };
    let names = match vm.collect(&anon) {
        Ok(v) => v,
        Err(_) => return Err(PyErr::type_error("_anonymous_ must be a sequence")),
    };
    for fname in names {
        let descr = Some(vm.getattr(cls, &fname)?);
        let info = descr.as_ref().and_then(field_info);
        let Some((offset, _, proto, index, ..)) = info else {
            let s = vm.str_string(&fname)?;
            return Err(PyErr::attribute_error(format!("'{s}' is specified in _anonymous_ but not in _fields_")));
        };
        with_opaque::<CField, _>(descr.as_ref().unwrap(), |f| f.anonymous = true);
        make_fields(vm, cls, &proto, index, offset)?;
    }
    Ok(())
}

fn make_fields(vm: &mut Vm, cls: &Value, proto: &Value, index: isize, offset: usize) -> PyResult<()> {
    let n = crate::types::str::intern("_fields_");
    let fields = vm.getattr(proto, &n)?;
    let items = vm.collect(&fields).map_err(|_| PyErr::type_error("_fields_ must be a sequence"))?;
    for pair in items {
        let t = vm.collect(&pair)?;
        let Some(fname) = t.first().cloned() else { continue };
        let fd = vm.getattr(proto, &fname)?;
        let Some((foff, fsize, fproto, findex, fcode, fanon)) = field_info(&fd) else {
            return Err(PyErr::type_error("unexpected type"));
        };
        if fanon {
            make_fields(vm, cls, &fproto, index + findex, offset + foff)?;
            continue;
        }
        let fast = fast_of(&fproto, fcode);
        let nf = new_field(CField { offset: offset + foff, size: fsize, proto: fproto, index: index + findex, code: fcode, anonymous: false, fast });
        vm.setattr(cls, &fname, nf)?;
    }
    Ok(())
}

// ------------------------------------------------------------ Structure.__init__

/// Assign positional arguments to the fields of `cls` and its bases, in
/// order; returns how many fields there are.
fn init_pos_args(vm: &mut Vm, me: &Value, cls: &Value, args: &[Value], kwnames: &[Value], index: usize) -> PyResult<usize> {
    let mut index = index;
    if let Some(b) = base_type(cls) {
        if stg::stg_of_value(&b).is_some() {
            index = init_pos_args(vm, me, &b, args, kwnames, index)?;
        }
    }
    let Some(fields) = dict::dict_get_str(&own_dict(cls), "_fields_") else {
        return Ok(index);
    };
    let items = vm.collect(&fields)?;
    for (k, pair) in items.iter().enumerate() {
        let i = index + k;
        if i >= args.len() {
            break;
        }
        let name = vm.getitem(pair, &Value::int(0))?;
        if kwnames.iter().any(|n| n.as_str().is_some() && n.as_str() == name.as_str()) {
            let r = vm.repr_string(&name)?;
            return Err(PyErr::type_error(format!("duplicate values for field {r}")));
        }
        vm.setattr(me, &name, args[i].clone())?;
    }
    Ok(index + items.len())
}

fn struct_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let npos = args.len() - kw.len();
    let pos = &args[1..npos];
    if !pos.is_empty() {
        let cls = type_of(me);
        let n = init_pos_args(vm, me, &cls, pos, kw, 0)?;
        if n < pos.len() {
            return Err(PyErr::type_error("too many initializers"));
        }
    }
    for (k, v) in kw.iter().zip(&args[npos..]) {
        vm.setattr(me, k, v.clone())?;
    }
    Ok(Value::NONE)
}

pub fn init_base(t: &Value) {
    add_native(t, "__new__", cdata::generic_new, NativeKind::StaticMethod);
    add_method(t, "__init__", struct_init);
}
