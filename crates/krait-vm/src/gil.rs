//! The global interpreter lock and state shared by all threads.
//!
//! Python threads are OS threads. Objects are reference-counted without
//! atomics, so only the thread holding the GIL may touch them; holding a
//! `&mut Vm` is the proof (each thread has its own `Vm`, created while it
//! holds the GIL).
//!
//! **Hand-over.** A thread that wants the GIL joins a queue of waiters and
//! sets a request bit in [`BREAKER`]; the running thread sees the bit at its
//! next periodic check (loop back-edges) and hands the GIL *directly* to the
//! chosen waiter, which alone is woken (`unpark`) — no convoy, no thundering
//! herd, no barging by the thread that just let go. A thread coming back from
//! a blocking call (I/O, sleep, a lock wait) is a *priority* waiter: the
//! holder yields to it at once, and itself re-queues with priority (its slice
//! was cut short). A thread that merely used up its slice waits its turn: the
//! holder yields to it after the switch interval (`sys.setswitchinterval`),
//! and a waiter that has waited a whole interval is served before any
//! priority waiter, so nobody starves. A thread that recently blocked or woke
//! another thread (`mark_interactive`: a producer feeding a consumer) also
//! re-queues with priority, so a purely CPU-bound thread gets short turns
//! while threads are passing messages, and whole intervals otherwise. Threads that mostly block (message
//! passing) thus run as soon as they are ready, and CPU-bound threads share
//! what is left in slices of the switch interval.
//!
//! **Shared state.** Process-wide interpreter state that used to be
//! per-thread lives in [`GilCell`]s: plain statics that may only be touched
//! by the GIL holder.

use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// A static only the GIL holder touches. `with` mirrors `LocalKey::with`, so a
/// `thread_local!` that must be shared by all threads becomes
/// `static X: GilCell<T> = GilCell::new(init);` with no other change.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: every access happens on the thread holding the GIL, which
// serialises them; values are never handed to threads without it.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(v: T) -> GilCell<T> {
        GilCell(UnsafeCell::new(v))
    }

    /// Run `f` on the value (the caller holds the GIL).
    #[inline]
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: see the Sync impl; only shared references are handed out.
        f(unsafe { &*self.0.get() })
    }
}

/// A lazily built [`GilCell`] for values without a `const` constructor.
pub struct GilLazy<T> {
    cell: UnsafeCell<Option<T>>,
    init: fn() -> T,
}

// SAFETY: as for GilCell.
unsafe impl<T> Sync for GilLazy<T> {}

impl<T> GilLazy<T> {
    pub const fn new(init: fn() -> T) -> GilLazy<T> {
        GilLazy { cell: UnsafeCell::new(None), init }
    }

    #[inline]
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: see GilCell; initialisation happens once, under the GIL.
        unsafe {
            let slot = &mut *self.cell.get();
            if slot.is_none() {
                *slot = Some((self.init)());
            }
            f(slot.as_ref().unwrap_unchecked())
        }
    }
}

// ---------------------------------------------------------------- the eval breaker

/// Bits the interpreter's periodic check polls with one load.
pub static BREAKER: AtomicU32 = AtomicU32::new(0);
/// A signal handler ran (see interp/signals.rs).
pub const BREAK_SIGNAL: u32 = 1;
/// The cycle collector wants to run.
pub const BREAK_GC: u32 = 2;
/// Another thread waits for the GIL (yield after the switch interval).
pub const BREAK_GIL: u32 = 4;
/// A thread back from a blocking call waits for the GIL (yield now).
pub const BREAK_GIL_PRIORITY: u32 = 8;
/// Pending calls scheduled by other threads (`_thread.interrupt_main`...).
pub const BREAK_PENDING: u32 = 16;

#[inline]
pub fn breaker() -> u32 {
    BREAKER.load(Ordering::Relaxed)
}

pub fn set_break(bit: u32) {
    BREAKER.fetch_or(bit, Ordering::SeqCst);
}

pub fn clear_break(bit: u32) {
    BREAKER.fetch_and(!bit, Ordering::SeqCst);
}

// ---------------------------------------------------------------- the lock

struct Waiter {
    thread: std::thread::Thread,
    granted: Arc<AtomicBool>,
    priority: bool,
    since: Instant,
}

struct State {
    held: bool,
    /// Waiting threads in arrival order.
    waiters: VecDeque<Waiter>,
    /// When the current holder got the GIL.
    since: Instant,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);
/// More than one thread exists: the periodic check has GIL work to do.
pub static THREADED: AtomicBool = AtomicBool::new(false);

fn lock_state() -> std::sync::MutexGuard<'static, Option<State>> {
    let mut g = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if g.is_none() {
        *g = Some(State { held: false, waiters: VecDeque::new(), since: Instant::now() });
    }
    g
}

fn update_bits(st: &State) {
    if st.waiters.is_empty() {
        clear_break(BREAK_GIL | BREAK_GIL_PRIORITY);
    } else if st.waiters.iter().any(|w| w.priority) {
        set_break(BREAK_GIL | BREAK_GIL_PRIORITY);
    } else {
        clear_break(BREAK_GIL_PRIORITY);
        set_break(BREAK_GIL);
    }
}

/// Set once the main thread starts tearing the interpreter down: from then on
/// it keeps the GIL, and other (daemon) threads wanting it wait forever, so
/// they never run on freed state.
pub static FINALIZING: AtomicBool = AtomicBool::new(false);

/// Take the GIL, waiting for it if needed. `priority`: the thread comes back
/// from a blocking call (or was preempted by one) and should get the GIL at
/// the holder's next check.
pub fn acquire(priority: bool) {
    let granted = {
        let mut g = lock_state();
        let st = g.as_mut().unwrap();
        if !st.held && st.waiters.is_empty() {
            st.held = true;
            st.since = Instant::now();
            return;
        }
        let granted = Arc::new(AtomicBool::new(false));
        st.waiters.push_back(Waiter { thread: std::thread::current(), granted: granted.clone(), priority, since: Instant::now() });
        update_bits(st);
        granted
    };
    while !granted.load(Ordering::Acquire) {
        std::thread::park();
    }
    if FINALIZING.load(Ordering::SeqCst) && !is_main_thread() {
        // Hand it back and stop here until the process exits.
        release();
        loop {
            std::thread::park();
        }
    }
}

/// Which waiter gets the GIL next: the oldest if it has waited a whole
/// switch interval (nobody starves), else the first priority waiter, else
/// the oldest.
fn pick(st: &State) -> Option<usize> {
    let oldest = st.waiters.front()?;
    if oldest.since.elapsed() >= switch_interval() {
        return Some(0);
    }
    Some(st.waiters.iter().position(|w| w.priority).unwrap_or(0))
}

/// Give up the GIL: directly to the waiter `pick` chooses, if any.
pub fn release() {
    let mut g = lock_state();
    let st = g.as_mut().unwrap();
    match pick(st).and_then(|i| st.waiters.remove(i)) {
        Some(w) => {
            st.since = Instant::now();
            update_bits(st);
            w.granted.store(true, Ordering::Release);
            w.thread.unpark();
        }
        None => {
            st.held = false;
            update_bits(st);
        }
    }
}

/// The switch interval in effect (`sys.setswitchinterval`).
fn switch_interval() -> std::time::Duration {
    let f = f64::from_bits(crate::modules::sys_extra::SWITCH_INTERVAL.load(Ordering::Relaxed));
    std::time::Duration::from_secs_f64(f.clamp(1e-6, 1e6))
}

/// How long the holder keeps the GIL before yielding to a priority waiter: a
/// short slice, so a thread that wakes from a blocking call runs within
/// microseconds, yet long enough that a producer can queue a batch of
/// messages before its consumer takes over (fewer switches per message).
fn priority_slice() -> std::time::Duration {
    static NS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let ns = *NS.get_or_init(|| {
        std::env::var("KRAIT_GIL_PRIORITY_SLICE_US").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(200) * 1000
    });
    std::time::Duration::from_nanos(ns)
}

/// At a periodic check with a GIL request pending: yield at once to a
/// priority waiter (keeping priority ourselves, since our slice was cut
/// short), or after the switch interval to anyone.
pub fn maybe_yield() {
    if FINALIZING.load(Ordering::Relaxed) {
        return;
    }
    let cut_short = {
        let g = lock_state();
        let st = g.as_ref().unwrap();
        let interval = switch_interval();
        let held = st.since.elapsed();
        let slice_over = held >= interval;
        let starving = st.waiters.front().map_or(false, |w| w.since.elapsed() >= interval);
        // A CPU-bound holder yields to a priority waiter at once; a holder that
        // itself passes messages keeps a short slice, so producer and consumer
        // work in batches instead of switching at every message.
        let min_slice = if is_interactive() { priority_slice() } else { std::time::Duration::ZERO };
        let prio = st.waiters.iter().any(|w| w.priority) && held >= min_slice;
        if !(prio || slice_over || starving) {
            return;
        }
        !slice_over
    };
    release();
    // Only a thread that talks to others keeps priority; a CPU-bound one that
    // was cut short waits its turn behind them.
    acquire(cut_short && is_interactive());
}

thread_local! {
    /// When this thread last blocked or woke another thread (see `mark_interactive`).
    static LAST_INTERACTION: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
}

/// Note that this thread interacts with others: it came back from a blocking
/// call, or released a lock or queue another thread was waiting on. Such
/// threads (producers, consumers, servers) keep priority for the GIL over
/// threads that only compute.
#[inline]
pub fn mark_interactive() {
    if THREADED.load(Ordering::Relaxed) {
        LAST_INTERACTION.with(|c| c.set(Some(Instant::now())));
    }
}

/// Whether this thread interacted with others within the last two switch intervals.
fn is_interactive() -> bool {
    LAST_INTERACTION.with(|c| c.get()).map_or(false, |t| t.elapsed() < 2 * switch_interval())
}

/// Run `f` (a blocking call that touches no Python object) without the GIL,
/// so other threads run meanwhile; then take the GIL back with priority.
/// The `&mut Vm` borrow keeps `f` from using the interpreter.
#[inline]
pub fn allow_threads<R>(_vm: &mut crate::Vm, f: impl FnOnce() -> R) -> R {
    if !THREADED.load(Ordering::Relaxed) || FINALIZING.load(Ordering::Relaxed) {
        return f();
    }
    release();
    let r = f();
    mark_interactive();
    acquire(true);
    r
}

/// Give the other threads a turn (`time.sleep(0)`): to the back of the queue.
pub fn yield_now(_vm: &mut crate::Vm) {
    if THREADED.load(Ordering::Relaxed) && !FINALIZING.load(Ordering::Relaxed) {
        release();
        acquire(false);
    }
}

/// The OS ident of the main thread (set when the first `Vm` is made).
static MAIN_THREAD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub fn set_main_thread() {
    MAIN_THREAD.store(crate::modules::sys_extra::thread_ident(), Ordering::Relaxed);
}

/// Whether the calling thread is the main thread (signals are delivered there).
pub fn is_main_thread() -> bool {
    let m = MAIN_THREAD.load(Ordering::Relaxed);
    m == 0 || m == crate::modules::sys_extra::thread_ident()
}

/// In the child after `fork()`: only the forking thread exists, and it holds
/// the GIL. Forget the parent's waiters (they do not exist here).
pub fn after_fork_child() {
    // Another thread may have held the state mutex at fork time (only for a
    // few instructions); then it stays as it was, which at worst delays
    // nothing since no other thread exists here.
    let fresh = State { held: true, waiters: VecDeque::new(), since: Instant::now() };
    match STATE.try_lock() {
        Ok(mut g) => *g = Some(fresh),
        Err(std::sync::TryLockError::Poisoned(p)) => *p.into_inner() = Some(fresh),
        Err(std::sync::TryLockError::WouldBlock) => {}
    }
    THREADED.store(false, Ordering::SeqCst);
    clear_break(BREAK_GIL | BREAK_GIL_PRIORITY);
    set_main_thread();
}

/// A new thread is about to start (it will `acquire` on its own).
pub fn thread_started() {
    THREADED.store(true, Ordering::SeqCst);
}

/// A thread ended (after its final `release`).
pub fn thread_ended() {}
