//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, seeded
//! and stepped exactly as CPython does, so the same seed gives the same numbers
//! and `getstate()` tuples interoperate.

use super::tname;
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{new_module, set_attr};
use crate::types::{add_method, add_native};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

#[derive(Clone)]
pub struct Mt {
    mt: [u32; N],
    index: usize,
}

impl NativeData for Mt {}

impl Mt {
    pub fn new() -> Mt {
        let mut m = Mt { mt: [0; N], index: N + 1 };
        m.init_genrand(5489);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(key.len()) {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
    }

    pub fn next_u32(&mut self) -> u32 {
        let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        if self.index >= N {
            for kk in 0..N - M {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.mt[N - 1] & UPPER) | (self.mt[0] & LOWER);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// Seed from an integer's absolute value, as 32-bit little-endian words.
    pub fn seed_bigint(&mut self, n: &BigInt) {
        let mut key = n.abs().to_u32_digits().1;
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }
}

impl Default for Mt {
    fn default() -> Self {
        Mt::new()
    }
}

/// `n` bytes from the OS entropy source.
pub fn urandom(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    let mut got = 0;
    while got < n {
        // SAFETY: writing into our own buffer of the given length.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, n - got, 0) };
        if r <= 0 {
            break;
        }
        got += r as usize;
    }
    if got < n {
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            use std::io::Read;
            let _ = f.read_exact(&mut buf[got..]);
        }
    }
    buf
}

static RANDOM_TYPE: GilSlot = GilSlot::new();

fn this<R>(v: &Value, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    with_opaque::<Mt, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a '_random.Random' object but received '{}'", tname(v)))
    })
}

fn do_seed(vm: &mut Vm, me: &Value, arg: Option<&Value>) -> PyResult<()> {
    let key: BigInt = match arg {
        None => {
            let b = urandom(N * 4);
            let words: Vec<u32> = b.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            return this(me, |mt| mt.init_by_array(&words));
        }
        Some(a) if a.is_none() => {
            return do_seed(vm, me, None);
        }
        Some(a) => {
            if let Some(b) = a.to_bigint() {
                b
            } else {
                let h = vm.hash(a)?;
                BigInt::from(h as u64)
            }
        }
    };
    this(me, |mt| mt.seed_bigint(&key))
}

fn r_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = super::first(args)?.clone();
    let exact = RANDOM_TYPE.get().map_or(false, |t| t.is(&cls));
    if exact && !kw.is_empty() {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    let npos = args.len() - 1 - kw.len();
    if npos > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    let me = new_opaque(&cls, Mt::new());
    let seed = if npos == 1 { Some(args[1].clone()) } else { None };
    do_seed(vm, &me, seed.as_ref())?;
    Ok(me)
}

fn r_seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("seed", kw)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("seed expected at most 1 argument, got {}", args.len() - 1)));
    }
    let [me, n] = bind("seed", args, kw, &["self", "n=", "/"])?;
    do_seed(vm, &me.unwrap_or(Value::NONE), n.as_ref())?;
    Ok(Value::NONE)
}

fn r_random(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("Random", "random", args, kw, 1)?;
    Ok(Value::float(this(&args[0], |mt| mt.random())?))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, k] = bind("getrandbits", args, kw, &["self", "k", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let k = vm.index_value(&k.unwrap_or(Value::NONE))?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::int(0));
    }
    if k <= 32 {
        let r = this(&me, |mt| mt.next_u32() >> (32 - k))?;
        return Ok(Value::int(r as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let ws = this(&me, |mt| {
        let mut ws = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            ws.push(r);
            left -= 32;
        }
        ws
    })?;
    Ok(Value::bigint(BigInt::from_slice(Sign::Plus, &ws)))
}

fn r_getstate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("Random", "getstate", args, kw, 1)?;
    let (words, idx) = this(&args[0], |mt| (mt.mt, mt.index))?;
    let mut items: Vec<Value> = words.iter().map(|&w| Value::int(w as i64)).collect();
    items.push(Value::int(idx as i64));
    Ok(Value::tuple(items))
}

fn r_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, state] = bind("setstate", args, kw, &["self", "state", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let state = state.unwrap_or(Value::NONE);
    let Some(items) = state.as_tuple().map(|t| t.to_vec()) else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        let b = super::index_bigint(vm, v)?;
        if b.is_negative() {
            return Err(PyErr::overflow("can't convert negative value to unsigned int"));
        }
        words[i] = b.to_u64().map(|x| x as u32).ok_or_else(|| PyErr::overflow("Python int too large to convert to C unsigned long"))?;
    }
    let idx = super::index_bigint(vm, &items[N])?;
    let idx = idx.to_i64().unwrap_or(-1);
    if !(0..=N as i64).contains(&idx) {
        return Err(PyErr::value_error("invalid state"));
    }
    this(&me, |mt| {
        mt.mt = words;
        mt.index = idx as usize;
    })?;
    Ok(Value::NONE)
}

fn random_type() -> Value {
    RANDOM_TYPE.get_or_init(|| {
        let cls = new_type("_random", "Random", None);
        add_native(&cls, "__new__", r_new, NativeKind::StaticMethod);
        add_method(&cls, "seed", r_seed);
        add_method(&cls, "random", r_random);
        add_method(&cls, "getrandbits", r_getrandbits);
        add_method(&cls, "getstate", r_getstate);
        add_method(&cls, "setstate", r_setstate);
        cls
    })
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_random");
    set_attr(&m, "Random", random_type());
    let _ = BigInt::zero();
    m
}
