//! The thread stress program (32 threads hammering shared queues, locks,
//! conditions and a dict) run 20 times in a row: every run must finish with
//! the exact counts, without deadlock or crash.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn stress_twenty_times() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py/threads");
    let expected = std::fs::read_to_string(root.join("thread_stress.out")).unwrap();
    for run in 0..20 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
            .arg("thread_stress.py")
            .current_dir(&root)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        // A deadlock shows as a run that never ends: give each run 120 s.
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("run {run}: no progress after 120 s (deadlock?)");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "run {run}: exit {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "run {run}: wrong counts");
    }
}
