//! Running the real binary with bytes on its stdin.

#![allow(dead_code)]

use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

/// Runs `command` with `stdin` written to it from another thread, and waits for it.
///
/// The writer runs beside the wait so that a large output cannot block a large input, and
/// a closed pipe is no error: a run may end before it reads its input (a usage error).
pub fn run_with_stdin(mut command: Command, stdin: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsfacts");
    let mut pipe = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || match pipe.write_all(&bytes) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let output = child.wait_with_output().expect("wait for newsfacts");
    writer.join().expect("stdin writer").expect("write stdin");
    output
}
