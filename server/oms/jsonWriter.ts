/**
 * Writes JSON text of a fixed shape straight into one reused byte buffer, the
 * same bytes JSON.stringify would give. The order path writes three such texts
 * per event (the journal line, the execution report frame, the order line of a
 * new order); building them with JSON.stringify of a fresh object cost ~2 KB of
 * garbage per report (the wire object, the stringifier's growing parts, the
 * frame concatenation and its flattened copy). Here the only allocation is the
 * result: a Buffer handed to the socket, or a string for the journal.
 *
 * One writer for the whole process: a text is written from `begin` to
 * `takeBuffer`/`takeString` synchronously, so texts never interleave.
 *
 * The bytes go into a slab (as Node's own Buffer pool does): a frame taken as
 * a Buffer is a view of the slab where it was written, not a copy, and the
 * next text starts after it; a string taken leaves its bytes to be written
 * over. A full slab is left to the frames that still view it and a new one
 * begun, with the text in progress moved over.
 *
 * JSON.stringify's rules kept here: a string is quoted with `"` and `\`
 * escaped, control characters and lone surrogates escaped; every other
 * character as it is (UTF-8). A finite number as String(n) gives it; NaN and
 * ±Infinity as null. Strings that need any escaping go through JSON.stringify
 * itself, so the rare case is exact by construction.
 */
const SLAB_BYTES = 64 * 1024;
let buf = Buffer.allocUnsafeSlow(SLAB_BYTES);
/** Where the text in progress starts in the slab. */
let start = 0;
let pos = 0;
/** Whether every byte written since `begin` is ASCII (then the text is its latin1 reading). */
let ascii = true;

const QUOTE = 0x22;

/** A literal piece of the text, encoded once (ASCII). */
export type Literal = Uint8Array;

export function literal(text: string): Literal {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) throw new Error(`literal ${JSON.stringify(text)} is not ASCII`);
  return Buffer.from(text, 'latin1');
}

function ensure(bytes: number): void {
  if (pos + bytes <= buf.length) return;
  const written = pos - start;
  const slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, 2 * (written + bytes)));
  buf.copy(slab, 0, start, pos);
  buf = slab;
  start = 0;
  pos = written;
}

export function begin(): void {
  pos = start;
  ascii = true;
}

/** Copies a literal. Short ones byte by byte: a typed-array `set` costs more than a few stores. */
export function lit(k: Literal): void {
  const n = k.length;
  ensure(n);
  const b = buf;
  let p = pos;
  if (n < 12) {
    for (let i = 0; i < n; i++) b[p++] = k[i]!;
  } else {
    b.set(k, p);
    p += n;
  }
  pos = p;
}

/** One separator byte (`,`). */
export function byte1(a: number): void {
  ensure(1);
  buf[pos++] = a;
}

/** Two separator bytes (`,"` or `",`). */
export function byte2(a: number, b: number): void {
  ensure(2);
  const p = pos;
  buf[p] = a;
  buf[p + 1] = b;
  pos = p + 2;
}

/** Three separator bytes (`","`). */
export function byte3(a: number, b: number, c: number): void {
  ensure(3);
  const p = pos;
  buf[p] = a;
  buf[p + 1] = b;
  buf[p + 2] = c;
  pos = p + 3;
}

/**
 * Text known to need no escaping and to be ASCII: a decimal's wire text, an
 * enum value of the protocol (side, status, ...). Written without quotes.
 */
export function plain(s: string): void {
  const n = s.length;
  ensure(n);
  const b = buf;
  let p = pos;
  for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
  pos = p;
}

/** The inside of a JSON string (no quotes): most strings are printable ASCII and copied as they are. */
export function chars(s: string): void {
  const n = s.length;
  ensure(n);
  const b = buf;
  let p = pos;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === 0x5c) {
      pos = p;
      charsFrom(s, i);
      return;
    }
    b[p++] = c;
  }
  pos = p;
}

/**
 * The rest of a string from its first character that is not plain ASCII: as
 * JSON.stringify writes it (without its quotes), in UTF-8. The cut is never
 * inside a surrogate pair: a pair's first half already stopped the plain copy.
 */
function charsFrom(s: string, from: number): void {
  const quoted = JSON.stringify(from === 0 ? s : s.slice(from));
  const inner = quoted.slice(1, -1);
  // At most 3 UTF-8 bytes per UTF-16 unit; escapes are ASCII.
  ensure(inner.length * 3);
  pos += buf.write(inner, pos, 'utf8');
  ascii = false;
}

/** A JSON string value, quoted. */
export function str(s: string): void {
  const n = s.length;
  ensure(n + 2);
  const b = buf;
  let p = pos;
  b[p++] = QUOTE;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === 0x5c) {
      pos = p;
      charsFrom(s, i);
      ensure(1);
      buf[pos++] = QUOTE;
      return;
    }
    b[p++] = c;
  }
  b[p++] = QUOTE;
  pos = p;
}

const NULL = literal('null');

export function strOrNull(s: string | null): void {
  if (s === null) lit(NULL);
  else str(s);
}

/** A decimal's (or other plain text's) quoted form, or null. */
export function plainStrOrNull(s: string | null): void {
  if (s === null) {
    lit(NULL);
    return;
  }
  ensure(s.length + 2);
  buf[pos++] = QUOTE;
  plain(s);
  buf[pos++] = QUOTE;
}

/**
 * A number as JSON.stringify writes it. Safe integers (every epoch-ms time and
 * sequence number) digit by digit, without making a string; anything else
 * through String(), which is what JSON.stringify uses for finite numbers.
 */
export function num(x: number): void {
  if (!Number.isSafeInteger(x)) {
    plain(Number.isFinite(x) ? String(x) : 'null');
    return;
  }
  ensure(17);
  const b = buf;
  let p = pos;
  if (x < 0) {
    b[p++] = 0x2d;
    x = -x;
  }
  if (x < 1e8) {
    p = digits(b, p, x | 0);
  } else {
    // Two halves below 10^8 keep the arithmetic in small integers (2^53 / 10^8 < 10^8).
    const high = Math.floor(x / 1e8);
    p = digits(b, p, high);
    p = eightDigits(b, p, (x - high * 1e8) | 0);
  }
  pos = p;
}

/** A whole number below 10^8, without leading zeros. */
function digits(b: Buffer, p: number, v: number): number {
  const n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : 8;
  const end = p + n;
  let q = end;
  do {
    const rest = (v / 10) | 0;
    b[--q] = 0x30 + v - rest * 10;
    v = rest;
  } while (v > 0);
  return end;
}

/** A whole number below 10^8 as exactly eight digits (the low half of a larger one). */
function eightDigits(b: Buffer, p: number, v: number): number {
  for (let q = p + 8; q > p; ) {
    const rest = (v / 10) | 0;
    b[--q] = 0x30 + v - rest * 10;
    v = rest;
  }
  return p + 8;
}

export function numOrNull(x: number | null): void {
  if (x === null) lit(NULL);
  else num(x);
}

/** Bytes written since `begin`. */
export function written(): number {
  return pos - start;
}

/**
 * Leaves `bytes` bytes unwritten at the current position, for something whose
 * content is known only once the text after it is written (a frame header in
 * front of its payload); `setByte` fills them in.
 */
export function skip(bytes: number): void {
  ensure(bytes);
  pos += bytes;
}

/** Sets the byte `offset` bytes after `begin`'s position (in room left by `skip`). */
export function setByte(offset: number, value: number): void {
  buf[start + offset] = value;
}

/**
 * The bytes written since `begin` (from `offset` bytes after it), as a Buffer
 * of their own for a socket: a view of the slab, which is not written over.
 */
export function takeBuffer(offset = 0): Buffer {
  const out = Buffer.from(buf.buffer, buf.byteOffset + start + offset, pos - start - offset);
  start = pos;
  return out;
}

/**
 * Copies the text written since `begin` into `target` at `at` and returns its length; its bytes are written over
 * by the next text. (The journal's lines go into the log's batch this way, without a string in between.)
 */
export function copyText(target: Uint8Array, at: number): number {
  const n = pos - start;
  buf.copy(target, at, start, pos);
  pos = start;
  return n;
}

/** The text written since `begin`, as a string; its bytes are written over by the next text. */
export function takeString(): string {
  const text = buf.toString(ascii ? 'latin1' : 'utf8', start, pos);
  pos = start;
  return text;
}
