//! The output buffer of one run of the engine.

/// Bytes a [`Sink`] collects before it hands them to the caller's `String`: small enough
/// to stay in cache, large enough that the handing over costs little.
const CHUNK: usize = 64 * 1024;

thread_local! {
    /// The buffer of the last [`Sink`] on this thread, zeroed once and reused, so a list
    /// of short strings costs no allocation each.
    static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The output of one run of the engine: a buffer of `CHUNK` bytes whose bytes past `pos`
/// are initialized (zeroed once, then reused), so the kernel writes each output with one
/// fixed-width store and advances `pos` by the output's true length. Full chunks go to
/// the caller's `String` as they fill.
#[derive(Debug)]
pub(crate) struct Sink<'o> {
    /// Bytes past `pos` are initialized, so fixed-width stores need no `unsafe`.
    buf: Vec<u8>,
    pos: usize,
    out: &'o mut String,
}

impl<'o> Sink<'o> {
    /// A sink that appends to `out`.
    pub(crate) fn new(out: &'o mut String) -> Self {
        let mut buf = SCRATCH.with(std::cell::Cell::take);
        if buf.len() < CHUNK {
            buf = vec![0; CHUNK];
        }
        Self { buf, pos: 0, out }
    }

    /// `n` bytes (at most `CHUNK`) of initialized room after what was written, for
    /// fixed-width stores; [`advance`](Self::advance) then keeps what was used.
    #[inline]
    pub(super) fn room(&mut self, n: usize) -> &mut [u8] {
        self.reserve(n);
        &mut self.buf[self.pos..self.pos + n]
    }

    /// Keep `n` bytes written into [`room`](Self::room).
    #[inline]
    pub(super) fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    /// Make sure `n` more bytes fit after `pos` (`n` at most `CHUNK`).
    #[inline]
    fn reserve(&mut self, n: usize) {
        if self.pos + n > self.buf.len() {
            self.flush();
            if n > self.buf.len() {
                self.buf.resize(n, 0);
            }
        }
    }

    /// Hand what was written to the caller's `String`. Every write is a whole `&str`, a
    /// precomputed output of a rule (itself from a `&str`) or a character's own bytes, so
    /// this is valid UTF-8; checking it (SIMD-accelerated) keeps the crate free of `unsafe`.
    fn flush(&mut self) {
        match simdutf8::basic::from_utf8(&self.buf[..self.pos]) {
            Ok(s) => self.out.push_str(s),
            // Unreachable by construction (see above); a bug here must not pass silently.
            Err(e) => panic!("kzrel-names: the engine wrote invalid UTF-8 ({e}); please report"),
        }
        self.pos = 0;
    }

    /// Append `s`.
    #[inline]
    pub(crate) fn push(&mut self, s: &str) {
        let n = s.len();
        if n > CHUNK {
            self.flush();
            self.out.push_str(s);
            return;
        }
        self.reserve(n);
        self.buf[self.pos..self.pos + n].copy_from_slice(s.as_bytes());
        self.pos += n;
    }

    /// Hand over the rest and keep the buffer for the next run on this thread.
    pub(crate) fn finish(mut self) {
        self.flush();
        let buf = std::mem::take(&mut self.buf);
        if buf.len() <= 2 * CHUNK {
            SCRATCH.with(|s| s.set(buf));
        }
    }
}
