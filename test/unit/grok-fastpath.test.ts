// The bulk paths of the grok engine (ASCII subjects encoded straight into WASM memory, the lean
// apply used by the CLI and the worker) must give exactly what the general paths give.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { GrokFilter, grokResultLine, initOniguruma, OnigRegex } from "../../server/src/core/grok";

before(() => initOniguruma());

const LINES = [
  '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
  '2001:db8::1 - - [10/Oct/2000:13:55:36 +0900] "GET /검색?q=로그 HTTP/1.1" 404 - "-" "curl/8.5.0"',
  '10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "POST /😀/emoji HTTP/2.0" 500 12 "-" "-"',
  "not an access log line at all",
  "",
];

test("ASCII and non-ASCII subjects give UTF-16 spans, unset groups stay null", () => {
  const re = new OnigRegex("(?<a>\\w+)(?<b>x)?\\s(?<c>\\S+)");
  assert.deepEqual(re.exec("hello wörld"), [[0, 11], [0, 5], null, [6, 11]]);
  assert.deepEqual(re.exec("hello world"), [[0, 11], [0, 5], null, [6, 11]]);
  // After a non-ASCII subject went through OnigString, the ASCII buffer path must not see stale text.
  assert.deepEqual(re.exec("a 😀b"), [[0, 5], [0, 1], null, [2, 5]]);
  assert.deepEqual(re.exec("ab cd"), [[0, 5], [0, 2], null, [3, 5]]);
  assert.equal(re.exec("nospace"), null);
});

test("a subject longer than the shared buffer grows it and still matches", () => {
  const re = new OnigRegex("(?<tail>z+)$");
  const long = "a".repeat(50_000) + "z".repeat(10);
  assert.deepEqual(re.exec(long), [[50_000, 50_010], [50_000, 50_010]]);
  assert.deepEqual(re.exec("az"), [[1, 2], [1, 2]]);
});

test("lean apply writes the same event and output line as the full apply", () => {
  for (const ecs of ["disabled", "v8"] as const) {
    const filter = new GrokFilter({ match: { message: ["%{COMBINEDAPACHELOG}", "%{GREEDYDATA:rest}"] }, ecs_compatibility: ecs });
    for (const line of LINES) {
      const full = filter.apply({ message: line });
      const lean = filter.apply({ message: line }, { lean: true });
      assert.deepEqual(lean.event, full.event, line);
      assert.equal(grokResultLine(lean), grokResultLine(full), line);
      assert.deepEqual(lean.matches, []);
      assert.ok(full.matches.length > 0 || !full.matched);
    }
  }
});

test("lean apply changes the given event in place; the full apply leaves it alone", () => {
  const filter = new GrokFilter({ match: { message: "%{WORD:w}" } });
  const a = { message: "hello" };
  filter.apply(a);
  assert.deepEqual(a, { message: "hello" });
  filter.apply(a, { lean: true });
  assert.deepEqual(a, { message: "hello", w: "hello" });
});
