//! Differential test: runs every program of `tests/py/**/*.py` that has an
//! expected output (`.out`) beside it with the `krait` binary and compares
//! stdout, the exit status (`.exit`, default 0) and, where a `.err` file
//! exists, stderr with what CPython 3.11 printed (see `tests/regen.py`).
//!
//! Known failures are listed in `tests/xfail.txt` (paths relative to
//! `tests/py`, `#` comments allowed).  The test fails when a test that is not
//! listed there fails; listed tests that pass are reported so they can be
//! removed from the list.
//!
//! Environment:
//! * `KRAIT_TEST_FILTER=substring`: only run tests whose relative path
//!   contains the substring.
//! * `KRAIT_UPDATE_XFAIL=1`: rewrite `tests/xfail.txt` with the tests that
//!   currently fail (entries of tests that were not run are kept).

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);
const THREADS: usize = 2;
/// Output beyond this many bytes per stream is read and discarded.
const OUTPUT_CAP: usize = 16 << 20;
const CHECK_STDERR_MARKER: &str = "# check-stderr";
/// How long to wait for the output pipes to close once the process is gone.
const READER_GRACE: Duration = Duration::from_secs(10);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Writes straight to the process's stdout, bypassing libtest's capture, so
/// that the report and the summary line are always shown.
fn out(text: &str) {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.write_all(text.as_bytes());
    let _ = lock.flush();
}

fn collect_tests(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return,
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_tests(&path, found);
        } else if path.extension().map_or(false, |e| e == "py")
            && path.with_extension("out").is_file()
        {
            found.push(path);
        }
    }
}

fn rel_name(py_dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(py_dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_xfail(path: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.to_string())
        .collect()
}

fn write_xfail(path: &Path, entries: &BTreeSet<String>) {
    let mut text = String::from(
        "# Differential tests that are known to fail (paths relative to tests/py).\n\
         # Regenerate with: KRAIT_UPDATE_XFAIL=1 cargo test -p krait --test differential\n",
    );
    for e in entries {
        text.push_str(e);
        text.push('\n');
    }
    fs::write(path, text).expect("cannot write tests/xfail.txt");
}

/// Reads a child's stream to the end on its own thread; the result arrives on
/// the returned channel (a grandchild keeping the pipe open cannot hang us).
fn spawn_reader<R: Read + Send + 'static>(mut stream: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send(kept);
    });
    rx
}

struct RunOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
}

fn wait_with_timeout(child: &mut Child) -> (Option<ExitStatus>, bool) {
    let start = Instant::now();
    let mut delay = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) => {}
            Err(_) => return (None, false),
        }
        if start.elapsed() >= TIMEOUT {
            let _ = child.kill();
            let status = child.wait().ok();
            return (status, true);
        }
        thread::sleep(delay);
        delay = (delay * 2).min(Duration::from_millis(20));
    }
}

fn run_krait(binary: &Path, test: &Path) -> Result<RunOutput, String> {
    let folder = test.parent().expect("test has a folder");
    let name = test.file_name().expect("test has a name");
    let mut child = Command::new(binary)
        .arg(name)
        .current_dir(folder)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {}", binary.display(), e))?;
    let out_reader = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err_reader = spawn_reader(child.stderr.take().expect("piped stderr"));
    let (status, timed_out) = wait_with_timeout(&mut child);
    let stdout = out_reader.recv_timeout(READER_GRACE).unwrap_or_default();
    let stderr = err_reader.recv_timeout(READER_GRACE).unwrap_or_default();
    Ok(RunOutput {
        stdout,
        stderr,
        status,
        timed_out,
    })
}

/// Removes the absolute folder prefix from paths in stderr, as regen.py does
/// for CPython's output, so both sides say `File "name.py"`.
fn normalize_stderr(data: &[u8], folder: &Path) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(data).into_owned();
    let mut prefixes = Vec::new();
    if let Ok(canon) = folder.canonicalize() {
        prefixes.push(canon);
    }
    prefixes.push(folder.to_path_buf());
    for p in prefixes {
        let mut s = p.to_string_lossy().into_owned();
        if !s.ends_with('/') {
            s.push('/');
        }
        text = text.replace(&s, "");
    }
    text.into_bytes()
}

fn describe_status(status: Option<ExitStatus>) -> String {
    match status {
        None => "unknown".to_string(),
        Some(s) => match s.code() {
            Some(c) => c.to_string(),
            None => {
                #[cfg(unix)]
                {
                    use std::os::unix::process::ExitStatusExt;
                    if let Some(sig) = s.signal() {
                        return format!("killed by signal {}", sig);
                    }
                }
                "killed".to_string()
            }
        },
    }
}

fn first_difference(what: &str, expected: &[u8], got: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let n = exp_lines.len().max(got_lines.len());
    for i in 0..n {
        let e = exp_lines.get(i).copied();
        let g = got_lines.get(i).copied();
        if e != g {
            let show = |l: Option<&str>| match l {
                Some(l) => format!("{:?}", l),
                None => "<end of output>".to_string(),
            };
            return format!(
                "    {} differs at line {}:\n      expected: {}\n      got:      {}\n",
                what,
                i + 1,
                show(e),
                show(g)
            );
        }
    }
    format!("    {} differs\n", what)
}

/// Runs one test; returns None when it passes, otherwise a description.
fn check_test(binary: &Path, test: &Path) -> Option<String> {
    let expected_out = fs::read(test.with_extension("out")).unwrap_or_default();
    let expected_exit: i32 = match fs::read_to_string(test.with_extension("exit")) {
        Ok(s) => s.trim().parse().unwrap_or(0),
        Err(_) => 0,
    };
    let err_path = test.with_extension("err");
    let expected_err = if err_path.is_file() {
        let marked = fs::read_to_string(test)
            .map(|s| {
                s.lines()
                    .next()
                    .map_or(false, |l| l.trim() == CHECK_STDERR_MARKER)
            })
            .unwrap_or(false);
        if marked {
            fs::read(&err_path).ok()
        } else {
            None
        }
    } else {
        None
    };

    let run = match run_krait(binary, test) {
        Ok(r) => r,
        Err(e) => return Some(format!("    {}\n", e)),
    };
    let mut report = String::new();
    if run.timed_out {
        report.push_str(&format!("    timed out after {} s\n", TIMEOUT.as_secs()));
    }
    let code = run.status.and_then(|s| s.code());
    if !run.timed_out && code != Some(expected_exit) {
        report.push_str(&format!(
            "    exit status: expected {}, got {}\n",
            expected_exit,
            describe_status(run.status)
        ));
    }
    if run.stdout != expected_out {
        report.push_str(&first_difference("stdout", &expected_out, &run.stdout));
    }
    if let Some(expected_err) = expected_err {
        let got_err = normalize_stderr(&run.stderr, test.parent().unwrap());
        if got_err != expected_err {
            report.push_str(&first_difference("stderr", &expected_err, &got_err));
        }
    }
    if report.is_empty() {
        None
    } else {
        if expected_exit == 0 && code != Some(0) && !run.stderr.is_empty() {
            // Show the tail of an unexpected error output: it usually says why.
            let err = String::from_utf8_lossy(&run.stderr);
            let tail: Vec<&str> = err.lines().rev().take(3).collect();
            for line in tail.into_iter().rev() {
                let mut l = line.to_string();
                if l.len() > 200 {
                    let mut cut = 200;
                    while !l.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    l.truncate(cut);
                }
                report.push_str(&format!("      stderr: {}\n", l));
            }
        }
        Some(report)
    }
}

#[test]
fn differential() {
    let root = repo_root();
    let py_dir = root.join("tests").join("py");
    let xfail_path = root.join("tests").join("xfail.txt");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_krait"));
    let filter = std::env::var("KRAIT_TEST_FILTER")
        .ok()
        .filter(|f| !f.is_empty());
    let update = std::env::var("KRAIT_UPDATE_XFAIL").map_or(false, |v| !v.is_empty() && v != "0");

    let mut all = Vec::new();
    collect_tests(&py_dir, &mut all);
    let tests: Vec<(String, PathBuf)> = all
        .into_iter()
        .map(|p| (rel_name(&py_dir, &p), p))
        .filter(|(name, _)| filter.as_ref().map_or(true, |f| name.contains(f.as_str())))
        .collect();
    let xfail = read_xfail(&xfail_path);

    let tests = Arc::new(tests);
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<(String, Option<String>)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut workers = Vec::new();
    for _ in 0..THREADS {
        let tests = Arc::clone(&tests);
        let next = Arc::clone(&next);
        let results = Arc::clone(&results);
        let binary = binary.clone();
        workers.push(thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            if i >= tests.len() {
                break;
            }
            let (name, path) = &tests[i];
            let outcome = check_test(&binary, path);
            results.lock().unwrap().push((name.clone(), outcome));
        }));
    }
    for w in workers {
        w.join().expect("worker thread panicked");
    }
    let mut results = Arc::try_unwrap(results).unwrap().into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let mut passed = 0usize;
    let mut failed = 0usize;
    let mut xfailed = 0usize;
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut failing_now = BTreeSet::new();
    for (name, outcome) in &results {
        match outcome {
            None => {
                passed += 1;
                if xfail.contains(name) {
                    now_passing.push(name.clone());
                }
            }
            Some(report) => {
                failed += 1;
                failing_now.insert(name.clone());
                if xfail.contains(name) {
                    xfailed += 1;
                } else {
                    unexpected.push((name.clone(), report.clone()));
                }
            }
        }
    }

    let mut text = String::new();
    for (name, report) in &unexpected {
        text.push_str(&format!("FAIL {}\n{}", name, report));
    }
    for name in &now_passing {
        text.push_str(&format!(
            "XPASS {} (listed in tests/xfail.txt but passes now)\n",
            name
        ));
    }
    let ran: BTreeSet<&String> = results.iter().map(|(n, _)| n).collect();
    if filter.is_none() {
        for name in &xfail {
            if !ran.contains(name) {
                text.push_str(&format!(
                    "note: tests/xfail.txt lists {} which does not exist\n",
                    name
                ));
            }
        }
    }
    if update {
        // Keep entries for tests that were not run (filtered out).
        let mut entries: BTreeSet<String> = xfail
            .iter()
            .filter(|n| filter.is_some() && !ran.contains(n))
            .cloned()
            .collect();
        entries.extend(failing_now.iter().cloned());
        write_xfail(&xfail_path, &entries);
        text.push_str(&format!(
            "updated tests/xfail.txt: {} entries\n",
            entries.len()
        ));
    }
    text.push_str(&format!(
        "differential: {} passed, {} failed, {} xfail\n",
        passed, failed, xfailed
    ));
    out(&text);

    if !update && !unexpected.is_empty() {
        let mut names: Vec<&str> = unexpected
            .iter()
            .map(|(n, _)| n.as_str())
            .take(20)
            .collect();
        if unexpected.len() > names.len() {
            names.push("...");
        }
        panic!(
            "{} differential test(s) failed that are not in tests/xfail.txt: {}",
            unexpected.len(),
            names.join(", ")
        );
    }
}
