import assert from "node:assert/strict";
import { before, test } from "node:test";
import { applyGrok, compileGrok, GrokCompileError, initOniguruma, loadPatternSet, type GrokOptions, type JsonObject } from "../../server/src/core/grok";

before(() => initOniguruma());

const APACHE =
  '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"';

/** Event after grok on `message`, with `message` removed when the filter left it alone. */
function grok(message: string | JsonObject, pattern: string | string[], options: Partial<GrokOptions> = {}) {
  const event = typeof message === "string" ? { message } : message;
  return applyGrok(event, { match: { message: pattern }, ...options });
}

test("%{NAME} without a field is a non-capturing group; %{NAME:field} stores a string", () => {
  const r = grok("user 42 logged", "%{WORD} %{NUMBER:n} %{WORD:what}");
  assert.equal(r.matched, true);
  assert.deepEqual(r.event, { message: "user 42 logged", n: "42", what: "logged" });
});

test("%{NAME:[a][b]} and (?<[a][b]>…) nest; (?<field>…) raw groups store like named patterns", () => {
  const r = grok("10.0.0.1:8080 GET", "%{IP:[source][address]}:(?<[source][port]>\\d+) (?<verb>[A-Z]+)");
  assert.deepEqual(r.event, { message: "10.0.0.1:8080 GET", source: { address: "10.0.0.1", port: "8080" }, verb: "GET" });
});

test(":int and :float convert like Ruby's to_i/to_f; other suffixes leave strings", () => {
  const r = grok("7 640 0.001 12 x", "%{NUMBER:a:int} %{NUMBER:b:float} (?<X:c:float>\\S+) %{NUMBER:d:long} (?<X:e:int>\\S+)");
  assert.deepEqual(r.event, { message: "7 640 0.001 12 x", a: 7, b: 640, c: 0.001, d: "12", e: 0 });
  // A raw group name splits the same way (pattern:field:type), so `(?<c:float>…)` goes to field "float".
  assert.deepEqual(grok("1.5", "(?<c:float>\\S+)").event, { message: "1.5", float: "1.5" });
  assert.equal(typeof r.event.b, "number");
  const prefix = grok("12abc -3.5e2x", "(?<X:i:int>\\S+) (?<X:f:float>\\S+)");
  assert.deepEqual([prefix.event.i, prefix.event.f], [12, -350]);
});

test("jls-grok converts only the first group of a repeated capture name", () => {
  const r = grok("1 2", "%{NUMBER:n:int} %{NUMBER:n:int}");
  assert.deepEqual(r.matches[0].captures.map((c) => c.value), [1, "2"]);
  // The field then holds a number, so the second (string) value is dropped, as the filter's handle does.
  assert.equal(r.event.n, 1);
  const strings = grok("a 2", "%{WORD:n} %{NUMBER:n:int}");
  assert.deepEqual(strings.event.n, ["a", 2]);
});

test("capturing into a field that has a string makes an array [old, new]; overwrite replaces it", () => {
  const r = grok("hello world", "%{WORD} %{GREEDYDATA:message}");
  assert.deepEqual(r.event.message, ["hello world", "world"]);
  const o = grok("hello world", "%{WORD} %{GREEDYDATA:message}", { overwrite: ["message"] });
  assert.equal(o.event.message, "world");
});

test("an existing array gets the capture appended; an existing number or object drops it", () => {
  const base = { message: "a b", list: ["x"], count: 3, obj: { k: 1 } };
  const r = applyGrok(base, { match: { message: "%{WORD:list} %{WORD:count}" } });
  assert.deepEqual(r.event.list, ["x", "a"]);
  assert.equal(r.event.count, 3);
  const o = applyGrok(base, { match: { message: "%{WORD:obj}" } });
  assert.deepEqual(o.event.obj, { k: 1 });
  assert.equal(o.matches[0].captures[0].stored, false);
  // The caller's event is not mutated.
  assert.deepEqual(base.list, ["x"]);
});

test("named_captures_only => false stores unnamed %{NAME} under the pattern name", () => {
  const r = grok("hello 42", "%{WORD} %{INT:n}", { named_captures_only: false });
  assert.equal(r.event.WORD, "hello");
  assert.equal(r.event.n, "42");
  // Nested definitions capture too (INT inside NUMBER's BASE10NUM is not a grok reference, WORD is).
  const deep = grok("hello", "%{USERNAME}", { named_captures_only: false });
  assert.equal(deep.event.USERNAME, "hello");
});

test("empty and non-participating captures are dropped unless keep_empty_captures", () => {
  const pattern = "%{WORD:a}(?: %{WORD:b})?(?<c>x*)$";
  const dropped = grok("hello", pattern);
  assert.deepEqual(dropped.event, { message: "hello", a: "hello" });
  const kept = grok("hello", pattern, { keep_empty_captures: true });
  assert.deepEqual(kept.event, { message: "hello", a: "hello", b: null, c: "" });
});

test("a group that did not take part stays unset on non-ASCII input (not an empty match at the end)", () => {
  const r = grok("héllo wörld", "(?<a>\\S+) (?<b>\\S+)(?<c>X)?", { keep_empty_captures: true });
  assert.deepEqual(r.event, { message: "héllo wörld", a: "héllo", b: "wörld", c: null });
  const typed = grok("é 5", "(?<x>\\d)?é %{INT:n:int}(?<X:m:int>\\d)?");
  assert.deepEqual(typed.event, { message: "é 5", n: 5 });
});

test("Ruby regex flavour: . matches newline, \\w and \\d are ASCII, POSIX classes are Unicode, search is unanchored", () => {
  assert.deepEqual(grok("a\nb", "(?<all>a.b)").event.all, "a\nb");
  assert.equal(grok("héllo", "(?<w>\\w+)").event.w, "h");
  assert.equal(grok("héllo", "(?<w>[[:alpha:]]+)").event.w, "héllo");
  assert.equal(grok("x ١٢ 34", "(?<d>\\d+)").event.d, "34");
  assert.equal(grok("noise 42 more", "%{INT:n}").event.n, "42");
  assert.equal(grok("noise 42", "^%{INT:n}").matched, false);
});

test("text after the name inside %{…} is ignored, and %{NAME=regex} defines a pattern inline", () => {
  assert.equal(grok("42", "%{INT:n - the number}").event.n, "42");
  assert.equal(grok("abc123", "%{LETTERS=[a-z]+:x}").event.x, undefined);
  assert.equal(grok("abc123", "%{LETTERS:x=[a-z]+}").event.x, "abc");
});

test("break_on_match: first matching pattern wins; false applies every pattern", () => {
  const first = grok("hello 42", ["%{WORD:w}", "%{INT:n}"]);
  assert.deepEqual(first.event, { message: "hello 42", w: "hello" });
  assert.deepEqual(first.match, { field: "message", patternIndex: 0, pattern: "%{WORD:w}" });
  const all = grok("hello 42", ["%{WORD:w}", "%{INT:n}"], { break_on_match: false });
  assert.deepEqual(all.event, { message: "hello 42", w: "hello", n: "42" });
  assert.equal(all.matches.length, 2);
  const second = grok("42", ["^%{WORD:w} %{WORD:v}$", "^%{INT:n}$"]);
  assert.equal(second.match?.patternIndex, 1);
});

test("break_on_match false across fields; as in the filter's Matcher, the last pattern of a field decides", () => {
  const r = applyGrok({ message: "hello world 123", other: "testme abc 999" }, { match: { message: "%{INT:foo}", other: "%{INT:bar}" }, break_on_match: false });
  assert.deepEqual([r.event.foo, r.event.bar, r.event.tags], ["123", "999", undefined]);
  const last = grok("hello", ["%{WORD:w}", "%{INT:n}"], { break_on_match: false });
  assert.equal(last.event.w, "hello");
  assert.deepEqual(last.event.tags, ["_grokparsefailure"]);
});

test("an array field is matched element by element; a missing field is matched as an empty string", () => {
  const r = grok({ message: ["hello world 123", "line 23"] }, "%{INT:foo}");
  assert.deepEqual(r.event.foo, ["123", "23"]);
  const missing = applyGrok({}, { match: { nothere: "^$" } });
  assert.equal(missing.matched, true);
});

test("tag_on_failure, target and ecs_compatibility", () => {
  assert.deepEqual(grok("x", "%{INT:n}").event.tags, ["_grokparsefailure"]);
  assert.deepEqual(grok({ message: "x", tags: ["t"] }, "%{INT:n}", { tag_on_failure: ["no", "t"] }).event.tags, ["t", "no"]);
  assert.deepEqual(grok("a 1", "%{WORD:w} %{INT:[x][y]}", { target: "parsed" }).event.parsed, { w: "a", x: { y: "1" } });
  const ecs = grok(APACHE, "%{COMBINEDAPACHELOG}", { ecs_compatibility: "v1" }).event;
  assert.deepEqual(ecs.source, { address: "127.0.0.1" });
  assert.deepEqual(ecs.http, { request: { method: "GET", referrer: "http://www.example.com/start.html" }, version: "1.0", response: { status_code: 200, body: { bytes: 2326 } } });
  const legacy = grok(APACHE, "%{COMBINEDAPACHELOG}", { ecs_compatibility: "disabled" }).event;
  assert.equal(legacy.clientip, "127.0.0.1");
  assert.equal(legacy.bytes, "2326");
  assert.equal(legacy.ident, "-");
});

test("pattern_definitions and patterns_dir texts extend and override the built-in set", () => {
  const r = grok("id=AB-12", "id=%{MYID:id}", { pattern_definitions: { MYID: "[A-Z]+-%{INT}" } });
  assert.equal(r.event.id, "AB-12");
  const o = grok("hello", "%{WORD:w}", { patterns_dir_texts: ["WORD h"] });
  assert.equal(o.event.w, "h");
});

test("spans of captures in the input and origins in the pattern, for highlighting", () => {
  const pattern = "%{WORD:verb} (?<path>/\\S*)";
  const r = grok("GET /index", pattern);
  const [verb, path] = r.matches[0].captures;
  assert.deepEqual(verb.span, { start: 0, end: 3 });
  assert.deepEqual(path.span, { start: 4, end: 10 });
  assert.equal(pattern.slice(verb.origin.start, verb.origin.end), "%{WORD:verb}");
  assert.equal(pattern.slice(path.origin.start, path.origin.end), "(?<path>/\\S*)");
  assert.deepEqual(r.matches[0].span, { start: 0, end: 10 });
});

test("unknown names and cycles fail compilation with the offset in the user's pattern", () => {
  const patterns = new Map([...loadPatternSet("legacy"), ["LOOP", "a%{LOOP2}"], ["LOOP2", "%{LOOP}"], ["USESBAD", "%{NOPE}"]]);
  const unknown = (() => {
    try {
      compileGrok("ok %{NOSUCH:x}", patterns);
    } catch (e) {
      return e as GrokCompileError;
    }
  })();
  assert.ok(unknown instanceof GrokCompileError);
  assert.equal(unknown.code, "grok-unknown-pattern");
  assert.deepEqual(unknown.range, { start: 3, end: 14 });
  assert.match(unknown.message, /NOSUCH/);
  assert.throws(() => compileGrok("x %{LOOP}", patterns), (e: GrokCompileError) => e.code === "grok-pattern-cycle" && e.range.start === 2 && /LOOP → LOOP2 → LOOP/.test(e.message));
  assert.throws(() => compileGrok("%{USESBAD}", patterns), (e: GrokCompileError) => e.patternName === "NOPE" && e.chain.join() === "USESBAD" && e.range.start === 0);
});
