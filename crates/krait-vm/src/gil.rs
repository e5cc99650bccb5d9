//! The global interpreter lock and state shared by all threads.
//!
//! Python threads are OS threads. Objects are reference-counted without
//! atomics, so only the thread holding the GIL may touch them; holding a
//! `&mut Vm` is the proof (each thread has its own `Vm`, created while it
//! holds the GIL).
//!
//! **Hand-over.** A thread that wants the GIL joins a queue of waiters; the
//! holder hands the GIL *directly* to the waiter it picks, which alone is
//! woken (`unpark`) — no convoy, no thundering herd, no barging by the thread
//! that just let go. The waiters are the timers: each parks until its turn
//! comes (`State::deadline`) and then sets [`BREAK_GIL_DROP`]; the holder
//! yields at its next periodic check (loop back-edges) and reads no clock
//! meanwhile.
//!
//! **Who goes first.** A thread that synchronised with others during its
//! last turn (locks, queues, blocking calls: `mark_interactive`) is
//! *interactive*. Threads back from a blocking call and interactive threads
//! that yield queue with *priority*: a holder that only computes yields to
//! them at once; an interactive holder keeps a short slice first (the holder
//! watches that slice itself, `BREAK_GIL_CLOCK`), so producer and consumer
//! work in batches. Everyone else gets the GIL after the switch interval
//! (`sys.setswitchinterval`); a waiter that has waited a whole interval is
//! served first and keeps the GIL for a short guaranteed slice, so a
//! CPU-bound thread beside message passers is slowed, never starved.
//!
//! **Shared state.** Process-wide interpreter state that used to be
//! per-thread lives in [`GilCell`]s: plain statics that may only be touched
//! by the GIL holder.

use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
/// A thread waiting for the GIL asks the holder to give it up (its time has
/// come: see `acquire`).
pub const BREAK_GIL_DROP: u32 = 4;
/// A priority waiter waits for the holder's minimum slice to end: the holder
/// reads the clock at its checks until then (see `YIELD_AT_NS`).
pub const BREAK_GIL_CLOCK: u32 = 8;
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
    /// The thread synchronised with others during its last turn.
    interactive: bool,
}

struct State {
    held: bool,
    /// Waiting threads in arrival order.
    waiters: VecDeque<Waiter>,
    /// When the current holder got the GIL.
    since: Instant,
    /// How long the current holder may keep the GIL before yielding to a
    /// priority waiter (see `min_slice`).
    min_slice: Duration,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);
/// More than one thread exists: the periodic check has GIL work to do.
pub static THREADED: AtomicBool = AtomicBool::new(false);

fn lock_state() -> std::sync::MutexGuard<'static, Option<State>> {
    let mut g = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if g.is_none() {
        *g = Some(State { held: false, waiters: VecDeque::new(), since: Instant::now(), min_slice: Duration::ZERO });
    }
    g
}

/// When the holder's minimum slice ends (nanoseconds since `clock_base`),
/// for `BREAK_GIL_CLOCK`. A waiter's timer could not be that precise: a
/// parked thread wakes tens or hundreds of microseconds late.
static YIELD_AT_NS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn clock_base() -> Instant {
    static BASE: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn to_ns(t: Instant) -> u64 {
    t.saturating_duration_since(clock_base()).as_nanos() as u64
}

/// Ask the holder to yield as soon as a priority waiter's time comes: at
/// once if it has no minimum slice, else when the slice ends.
fn request_for_priority(st: &State, now: Instant) {
    let at = st.since + st.min_slice;
    if at <= now {
        set_break(BREAK_GIL_DROP);
    } else {
        YIELD_AT_NS.store(to_ns(at), Ordering::Relaxed);
        set_break(BREAK_GIL_CLOCK);
    }
}

/// Set once the main thread starts tearing the interpreter down: from then on
/// it keeps the GIL, and other (daemon) threads wanting it wait forever, so
/// they never run on freed state.
pub static FINALIZING: AtomicBool = AtomicBool::new(false);

/// How long a new holder keeps the GIL before yielding to a priority waiter:
/// a thread served because it starved gets a short guaranteed slice; one
/// that talks to other threads a slice long enough to work in batches; one
/// that only computes yields at once.
fn min_slice(starved: bool, interactive: bool) -> Duration {
    if starved {
        starved_slice()
    } else if interactive {
        priority_slice()
    } else {
        Duration::ZERO
    }
}

impl State {
    /// When the holder must give the GIL up for a waiter that arrived at
    /// `since`: after the holder's switch interval, or once the waiter has
    /// waited a whole interval; a priority waiter also after the holder's
    /// minimum slice.
    fn deadline(&self, since: Instant, priority: bool) -> Instant {
        let interval = switch_interval();
        let plain = self.since.min(since) + interval;
        if priority {
            plain.min(self.since + self.min_slice)
        } else {
            plain
        }
    }

    /// Whether some waiter's deadline has passed (the holder should yield).
    fn must_yield(&self, now: Instant) -> bool {
        self.waiters.iter().any(|w| self.deadline(w.since, w.priority) <= now)
    }
}

/// Take the GIL, waiting for it if needed. `priority`: the thread comes back
/// from a blocking call (or was preempted by one) and should get the GIL at
/// the holder's next check (once the holder's minimum slice is over).
///
/// Waiters are the timers: a waiter parks until its deadline (see
/// `State::deadline`), then sets `BREAK_GIL_DROP`, and the holder gives the
/// GIL up at its next periodic check. So the holder reads no clock while it
/// runs, whatever the number of threads.
pub fn acquire(priority: bool) {
    let interactive = new_turn();
    let now = Instant::now();
    let granted = {
        let mut g = lock_state();
        let st = g.as_mut().unwrap();
        if !st.held && st.waiters.is_empty() {
            st.held = true;
            st.since = now;
            st.min_slice = min_slice(false, interactive);
            stats::count(|s| s.free += 1);
            return;
        }
        let granted = Arc::new(AtomicBool::new(false));
        st.waiters.push_back(Waiter { thread: std::thread::current(), granted: granted.clone(), priority, since: now, interactive });
        if priority {
            request_for_priority(st, now);
        }
        granted
    };
    let t0 = stats::enabled().then(Instant::now);
    loop {
        if granted.load(Ordering::Acquire) {
            break;
        }
        let wait = {
            let g = lock_state();
            let st = g.as_ref().unwrap();
            if granted.load(Ordering::Acquire) {
                break;
            }
            // A priority waiter's earlier deadline is watched by the holder
            // itself (`request_for_priority`); this timer is the fallback.
            let deadline = st.deadline(now, false);
            let t = Instant::now();
            if deadline <= t {
                set_break(BREAK_GIL_DROP);
                // The holder yields at its next check; look again after an
                // interval in case it was busy in a long native call.
                switch_interval()
            } else {
                deadline - t
            }
        };
        std::thread::park_timeout(wait);
    }
    if let Some(t0) = t0 {
        let ns = t0.elapsed().as_nanos() as u64;
        let late = {
            let g = lock_state();
            g.as_ref().unwrap().since.elapsed().as_nanos() as u64
        };
        stats::count(|s| {
            s.wake_ns += late;
            if priority {
                s.waited_prio += 1;
                s.wait_prio_ns += ns;
            } else {
                s.waited += 1;
                s.wait_ns += ns;
            }
        });
    }
    if FINALIZING.load(Ordering::SeqCst) && !is_main_thread() {
        // Hand it back and stop here until the process exits.
        release();
        loop {
            std::thread::park();
        }
    }
}

/// Which waiter gets the GIL next, and whether it starved: the oldest if it
/// has waited a whole switch interval (nobody starves), else the first
/// priority waiter, else the oldest.
fn pick(st: &State, now: Instant) -> Option<(usize, bool)> {
    let oldest = st.waiters.front()?;
    if now.saturating_duration_since(oldest.since) >= switch_interval() {
        return Some((0, true));
    }
    Some((st.waiters.iter().position(|w| w.priority).unwrap_or(0), false))
}

/// Give up the GIL: directly to the waiter `pick` chooses, if any.
pub fn release() {
    let mut g = lock_state();
    let st = g.as_mut().unwrap();
    let now = Instant::now();
    clear_break(BREAK_GIL_DROP | BREAK_GIL_CLOCK);
    stats::count(|s| s.held_ns += now.saturating_duration_since(st.since).as_nanos() as u64);
    match pick(st, now).and_then(|(i, starved)| Some((st.waiters.remove(i)?, starved))) {
        Some((w, starved)) => {
            st.since = now;
            st.min_slice = min_slice(starved, w.interactive);
            // A waiter whose time has already come (a priority waiter behind
            // a holder that yields at once) need not wait for its timer.
            if st.must_yield(now) {
                set_break(BREAK_GIL_DROP);
            } else if st.waiters.iter().any(|w| w.priority) {
                request_for_priority(st, now);
            }
            w.granted.store(true, Ordering::Release);
            w.thread.unpark();
        }
        None => st.held = false,
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
        std::env::var("KRAIT_GIL_PRIORITY_SLICE_US").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(500) * 1000
    });
    std::time::Duration::from_nanos(ns)
}

/// How long a thread served because it starved keeps the GIL before
/// yielding to a priority waiter: a twentieth of the switch interval, so a
/// CPU-bound thread beside message-passing threads still gets about 5%
/// of the processor, while they lose little.
fn starved_slice() -> std::time::Duration {
    switch_interval() / 20
}

/// At a periodic check with `BREAK_GIL_DROP` or `BREAK_GIL_CLOCK` set: give the GIL to the
/// waiter whose time has come, and queue again, with priority if this
/// thread talks to others.
pub fn maybe_yield() {
    if FINALIZING.load(Ordering::Relaxed) {
        return;
    }
    if breaker() & BREAK_GIL_DROP == 0 && to_ns(Instant::now()) < YIELD_AT_NS.load(Ordering::Relaxed) {
        // BREAK_GIL_CLOCK: the minimum slice is not over yet.
        return;
    }
    {
        let g = lock_state();
        let st = g.as_ref().unwrap();
        let now = Instant::now();
        if !st.must_yield(now) {
            // A stale request (made for an earlier holder).
            clear_break(BREAK_GIL_DROP | BREAK_GIL_CLOCK);
            return;
        }
        let interval = switch_interval();
        let slice_over = now.saturating_duration_since(st.since) >= interval;
        let starving = st.waiters.front().map_or(false, |w| now.saturating_duration_since(w.since) >= interval);
        stats::count(|s| {
            if starving {
                s.yield_starving += 1
            } else if slice_over {
                s.yield_slice += 1
            } else {
                s.yield_prio += 1
            }
        });
    }
    release();
    // Only a thread that talks to others keeps priority; a CPU-bound one
    // waits its turn behind them (the starvation guard still serves it
    // within a switch interval).
    acquire(is_interactive());
}

thread_local! {
    /// Synchronising operations this thread has done (see `mark_interactive`).
    static SYNC_OPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// `SYNC_OPS` when this thread's previous turn with the GIL began.
    static SYNC_AT_PREV_TURN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// `SYNC_OPS` when this thread's current turn with the GIL began.
    static SYNC_AT_TURN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Note that this thread interacts with others: it came back from a blocking
/// call, or took or released a lock, or used a queue. Such threads
/// (producers, consumers, servers) keep priority for the GIL over threads
/// that only compute. A thread-local increment: cheap enough for every lock
/// operation.
#[inline]
pub fn mark_interactive() {
    SYNC_OPS.with(|c| c.set(c.get().wrapping_add(1)));
}

/// A new turn with the GIL begins (called by `acquire`). Returns whether
/// the thread synchronised with others during the turn that ended.
fn new_turn() -> bool {
    let ops = SYNC_OPS.with(|o| o.get());
    let start = SYNC_AT_TURN.with(|c| c.replace(ops));
    SYNC_AT_PREV_TURN.set(start);
    ops != start
}

/// Whether this thread synchronised with others during this turn with the
/// GIL or the previous one.
fn is_interactive() -> bool {
    SYNC_OPS.with(|o| o.get()) != SYNC_AT_PREV_TURN.with(|p| p.get())
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
    let fresh = State { held: true, waiters: VecDeque::new(), since: Instant::now(), min_slice: Duration::ZERO };
    match STATE.try_lock() {
        Ok(mut g) => *g = Some(fresh),
        Err(std::sync::TryLockError::Poisoned(p)) => *p.into_inner() = Some(fresh),
        Err(std::sync::TryLockError::WouldBlock) => {}
    }
    THREADED.store(false, Ordering::SeqCst);
    clear_break(BREAK_GIL_DROP | BREAK_GIL_CLOCK);
    set_main_thread();
}

/// A new thread is about to start (it will `acquire` on its own).
pub fn thread_started() {
    THREADED.store(true, Ordering::SeqCst);
}

/// A thread ended (after its final `release`).
pub fn thread_ended() {
    stats::report();
}

/// `KRAIT_GIL_STATS=1`: each thread prints, when it ends, how it got the GIL
/// (free, or after waiting, and how long) and why it gave it up at periodic
/// checks. The main thread reports at exit.
pub mod stats {
    use std::cell::Cell;

    #[derive(Clone, Copy, Default)]
    pub struct Stats {
        pub free: u64,
        pub waited: u64,
        pub wait_ns: u64,
        pub waited_prio: u64,
        pub wait_prio_ns: u64,
        pub yield_prio: u64,
        pub yield_slice: u64,
        pub yield_starving: u64,
        pub held_ns: u64,
        pub wake_ns: u64,
    }

    thread_local! {
        static STATS: Cell<Stats> = const { Cell::new(Stats { free: 0, waited: 0, wait_ns: 0, waited_prio: 0, wait_prio_ns: 0, yield_prio: 0, yield_slice: 0, yield_starving: 0, held_ns: 0, wake_ns: 0 }) };
    }

    pub fn enabled() -> bool {
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ON.get_or_init(|| std::env::var_os("KRAIT_GIL_STATS").map_or(false, |v| !v.is_empty() && v != "0"))
    }

    #[inline]
    pub fn count(f: impl FnOnce(&mut Stats)) {
        if enabled() {
            STATS.with(|c| {
                let mut s = c.get();
                f(&mut s);
                c.set(s);
            });
        }
    }

    /// Print this thread's figures to stderr (if enabled).
    pub fn report() {
        if !enabled() {
            return;
        }
        let s = STATS.with(|c| c.get());
        let avg = |ns: u64, n: u64| if n == 0 { 0.0 } else { ns as f64 / n as f64 / 1000.0 };
        eprintln!(
            "gil[{}]: held {:.1} ms | free {} | waited {} (avg {:.1} us) | waited-priority {} (avg {:.1} us) | woke {:.1} us after grant | yielded to priority {}, slice over {}, starving {}",
            crate::modules::sys_extra::thread_ident(),
            s.held_ns as f64 / 1e6,
            s.free,
            s.waited,
            avg(s.wait_ns, s.waited),
            s.waited_prio,
            avg(s.wait_prio_ns, s.waited_prio),
            avg(s.wake_ns, s.waited + s.waited_prio),
            s.yield_prio,
            s.yield_slice,
            s.yield_starving
        );
    }
}
