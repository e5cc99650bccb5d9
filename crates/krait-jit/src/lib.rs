//! Krait tracing JIT: placeholder until the interpreter is fast (brief section 8).
