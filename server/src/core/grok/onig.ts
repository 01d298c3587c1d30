/**
 * The reference regex engine: Oniguruma (WASM, via vscode-oniguruma), the family of Joni, which
 * Logstash's grok runs on. Compiled in Ruby syntax with the options Logstash's Regexp gets.
 */
import { readFileSync } from "node:fs";
import * as onigNamespace from "vscode-oniguruma";

// vscode-oniguruma is a webpack UMD bundle: Node's ES-module loader only exposes it as `default`.
const onig: typeof onigNamespace = (onigNamespace as { default?: typeof onigNamespace }).default ?? onigNamespace;
import { grokAssetPath } from "./assets";

// vscode-oniguruma's `FindOption`/`Syntax` are const enums in an ambient d.ts, which isolated
// modules cannot read; these are their values.
const OPT_MULTILINE = 4; // Ruby's /m: "." also matches "\n"
const OPT_WORD_IS_ASCII = 15; // Ruby: \w, \b, \B are ASCII-only
const OPT_DIGIT_IS_ASCII = 16; // \d
const OPT_SPACE_IS_ASCII = 17; // \s (POSIX brackets stay Unicode, as in Ruby)
const SYNTAX_RUBY = 10;
/** Without ONIG_OPTION_CAPTURE_GROUP plain groups do not capture once named groups exist, as in Ruby. */
const SCANNER_OPTIONS = [OPT_MULTILINE, OPT_WORD_IS_ASCII, OPT_DIGIT_IS_ASCII, OPT_SPACE_IS_ASCII];

let loading: Promise<void> | null = null;
let loaded = false;

/** Loads the Oniguruma WASM once (from `wasmPath`, default next to the bundle or in node_modules). */
export function initOniguruma(wasmPath?: string): Promise<void> {
  if (!loading) {
    const data = readFileSync(wasmPath ?? grokAssetPath("onig.wasm"));
    loading = onig.loadWASM(data).then(() => {
      loaded = true;
    });
  }
  return loading;
}

export function isOnigurumaReady(): boolean {
  return loaded;
}

/** [start, end) in UTF-16 code units, or null for a group that did not take part in the match. */
export type GroupSpan = readonly [number, number] | null;

/** Thrown for a regex Oniguruma rejects; the message is Oniguruma's. */
export class GrokRegexError extends Error {}

// Internals of vscode-oniguruma 2.x used to read the raw match: the public result maps an unset
// group (-1) to the string's length when the subject has non-ASCII text, indistinguishable from an
// empty group at the end. Reading the raw byte offsets keeps "unset" apart.
interface OnigBinding {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _omalloc(size: number): number;
  _ofree(ptr: number): void;
  _findNextOnigScannerMatch(scanner: number, strId: number, strPtr: number, strLen: number, pos: number, options: number): number;
}
interface ScannerInternals {
  _onigBinding: OnigBinding;
  _ptr: number;
  _options: number[];
  onigOptions(options: number[]): number;
}
interface StringInternals {
  id: number;
  ptr: number;
  utf8Length: number;
  convertUtf8OffsetToUtf16(offset: number): number;
}

const encoder = new TextEncoder();
/** One WASM buffer for every ASCII subject: matching is synchronous, so it is never in use twice. */
const asciiBuffer = { ptr: 0, capacity: 4096 };

/**
 * The match record at byte address `at`: a count, then start/end byte offsets per group, -1 for a
 * group that did not take part. `toUtf16` converts offsets for non-ASCII subjects.
 */
function readGroups(heap: Uint32Array, at: number, toUtf16?: (offset: number) => number): GroupSpan[] {
  let p = at / 4 + 1;
  const count = heap[p++];
  const out: GroupSpan[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const start = heap[p++];
    const end = heap[p++];
    out[k] = start === 0xffffffff ? null : toUtf16 ? [toUtf16(start), toUtf16(end)] : [start, end];
  }
  return out;
}

/** A compiled Oniguruma regex. */
export class OnigRegex {
  private readonly scanner: onigNamespace.OnigScanner;
  private readonly internals: ScannerInternals;
  private readonly searchOptions: number;

  constructor(readonly source: string) {
    if (!loaded) throw new Error("Oniguruma is not loaded: await initOniguruma() first");
    try {
      this.scanner = new onig.OnigScanner([source], { options: SCANNER_OPTIONS as never[], syntax: SYNTAX_RUBY as never });
    } catch (error) {
      throw new GrokRegexError((error as Error).message);
    }
    this.internals = this.scanner as unknown as ScannerInternals;
    if (typeof this.internals._onigBinding?._findNextOnigScannerMatch !== "function")
      throw new Error("vscode-oniguruma internals changed; grok needs its raw match offsets");
    this.searchOptions = this.internals.onigOptions(this.internals._options);
  }

  /** Leftmost match anywhere in `subject` (grok is unanchored); group 0 is the whole match. */
  exec(subject: string): GroupSpan[] | null {
    return this.execAscii(subject) ?? this.execAny(subject);
  }

  /**
   * Most log lines are ASCII: their UTF-8 bytes are their UTF-16 units, so the line is encoded
   * natively into one reused WASM buffer and offsets need no conversion. `OnigString` instead
   * encodes in a JavaScript loop and allocates per line, which cost a third of a match. Returns
   * undefined for a subject that is not ASCII.
   */
  private execAscii(subject: string): GroupSpan[] | null | undefined {
    const n = subject.length;
    const b = this.internals._onigBinding;
    if (n > asciiBuffer.capacity) {
      if (n > 1 << 20) return undefined;
      asciiBuffer.capacity = Math.max(n, asciiBuffer.capacity * 2);
      if (asciiBuffer.ptr) b._ofree(asciiBuffer.ptr);
      asciiBuffer.ptr = b._omalloc(asciiBuffer.capacity);
      if (!asciiBuffer.ptr) return undefined;
    }
    if (!asciiBuffer.ptr) {
      asciiBuffer.ptr = b._omalloc(asciiBuffer.capacity);
      if (!asciiBuffer.ptr) return undefined;
    }
    const { read, written } = encoder.encodeInto(subject, b.HEAPU8.subarray(asciiBuffer.ptr, asciiBuffer.ptr + n));
    if (read !== n || written !== n) return undefined;
    // The id keys Oniguruma's per-string search cache: it must never repeat, so it comes from the
    // same counter OnigString uses.
    const id = ++(onig.OnigString as unknown as { LAST_ID: number }).LAST_ID;
    const at = b._findNextOnigScannerMatch(this.internals._ptr, id, asciiBuffer.ptr, n, 0, this.searchOptions);
    return at === 0 ? null : readGroups(b.HEAPU32, at);
  }

  private execAny(subject: string): GroupSpan[] | null {
    const str = new onig.OnigString(subject);
    try {
      const s = str as unknown as StringInternals;
      const b = this.internals._onigBinding;
      const at = b._findNextOnigScannerMatch(this.internals._ptr, s.id, s.ptr, s.utf8Length, 0, this.searchOptions);
      return at === 0 ? null : readGroups(b.HEAPU32, at, (offset) => s.convertUtf8OffsetToUtf16(offset));
    } finally {
      str.dispose();
    }
  }

  dispose(): void {
    this.scanner.dispose();
  }
}
