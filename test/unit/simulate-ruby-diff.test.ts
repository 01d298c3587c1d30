// Differential test against Ruby itself (scripts/setup-ruby.sh, tools/ruby-harness/harness.rb) for
// what Logstash's Ruby plugins delegate to the language: CSV.parse_line and its converters (csv),
// String#split(sep, -1) (split), and the UTF-8 charset conversion that escapes invalid bytes
// (urldecode). Logstash runs these on JRuby, which follows MRI here.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { rubySplitAll } from "../../server/src/core/simulate/clone";
import { parseCsvLine, rubyFloat, rubyInteger } from "../../server/src/core/simulate/csv";
import { rubyCharsetConvert } from "../../server/src/core/simulate/urldecode";

const HARNESS = join(fileURLToPath(new URL("../..", import.meta.url)), "tools/ruby-harness/harness.rb");

type Request = Record<string, string>;
function ruby(requests: Request[]): { value?: unknown; error?: string }[] {
  const r = spawnSync("ruby", [HARNESS], { input: requests.map((q) => JSON.stringify(q)).join("\n") + "\n", encoding: "utf8", timeout: 60_000 });
  assert.equal(r.error, undefined, "ruby is installed (scripts/setup-ruby.sh)");
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
}

function mine<T>(fn: () => T): { value?: unknown; error?: string } {
  try {
    return { value: fn() };
  } catch {
    return { error: "error" };
  }
}

/** Same value, or both failed (error classes are Ruby's own). */
function agree(a: { value?: unknown; error?: string }, b: { value?: unknown; error?: string }): boolean {
  return a.error !== undefined || b.error !== undefined ? a.error !== undefined && b.error !== undefined : JSON.stringify(a.value) === JSON.stringify(b.value);
}

test("CSV.parse_line: quoting, empty fields, separators and malformed lines", () => {
  const cases: [string, string, string][] = [
    ["a,b,c", ",", '"'],
    ['a,"b, c",d', ",", '"'],
    ['a,"b ""quoted"" c",d', ",", '"'],
    ["a,,c,", ",", '"'],
    ['a,"",c', ",", '"'],
    ["", ",", '"'],
    [",", ",", '"'],
    ['a,b"c', ",", '"'],
    ['a,"b', ",", '"'],
    ['a,"b"c', ",", '"'],
    ['a,"b" ', ",", '"'],
    ["a;b;c d", ";", '"'],
    ["a||b||c", "||", '"'],
    ["a,'b,c',d", ",", "'"],
    ['a,"b" c', ",", "\u0000"],
    ["a,b\n", ",", '"'],
    ["a,b\r\n", ",", '"'],
    ['a,"multi\nline",c', ",", '"'],
    ["a\tb\tc", "\t", '"'],
    ["  a  , b ", ",", '"'],
  ];
  const expected = ruby(cases.map(([line, sep, quote]) => ({ op: "csv", line, sep, quote })));
  const diffs = cases.filter(([line, sep, quote], i) => !agree(mine(() => parseCsvLine(line, sep, quote)), expected[i]));
  assert.deepEqual(diffs.map((c, i) => ({ case: c, ruby: expected[cases.indexOf(c)], simulator: mine(() => parseCsvLine(...c)), i })), []);
});

test("the csv filter's integer and float converters", () => {
  const values = ["12", "-12", "+7", " 12 ", "012", "0x1A", "0b101", "0o17", "1_000", "1__0", "1.5", "1e3", "1.5e-2", "abc", "", "12abc", "0", "-0.0", "3.14159265359", ".5", "5.", "1_000.5", "0x", "09"];
  const requests = values.flatMap((value) => ["integer", "float"].map((type) => ({ op: "convert", type, value })));
  const expected = ruby(requests);
  const diffs: string[] = [];
  requests.forEach((q, i) => {
    const got = q.type === "integer" ? rubyInteger(q.value) ?? q.value : rubyFloat(q.value) ?? q.value;
    if (JSON.stringify(got) !== JSON.stringify(expected[i].value)) diffs.push(`${q.type}(${JSON.stringify(q.value)}): Ruby ${JSON.stringify(expected[i].value)}, simulator ${JSON.stringify(got)}`);
  });
  assert.deepEqual(diffs, []);
});

test("String#split(sep, -1) as the split filter calls it", () => {
  const cases: [string, string][] = [
    ["a\nb\n\nc", "\n"],
    ["a\nb\n", "\n"],
    ["\na", "\n"],
    ["a,b,,c,,", ","],
    ["one", "\n"],
    ["", ","],
    ["  a  b c  ", " "],
    ["a  b", "  "],
    ["a::b::", "::"],
    ["héllo wörld", "ö"],
  ];
  const expected = ruby(cases.map(([s, sep]) => ({ op: "split", s, sep })));
  const diffs = cases.filter(([s, sep], i) => JSON.stringify(rubySplitAll(s, sep)) !== JSON.stringify(expected[i].value));
  assert.deepEqual(diffs.map((c) => ({ case: c, ruby: expected[cases.indexOf(c)].value, simulator: rubySplitAll(...c) })), []);
});

test("UTF-8 charset conversion: valid text kept, invalid text escaped as Ruby's inspect", () => {
  const texts = [
    "plain ascii",
    "héllo ü 😀",
    "/a/sa/search?rgu=0;+\u00fb",
  ].map((t) => Buffer.from(t, "utf8").toString("hex"));
  const raw = [
    "c3bbd3d0d5d2b5bd3d3bb7a2cbcd3d",
    "22615c62d3",
    "0a0901d3",
    "237b787d237824d3",
    "e282",
    "f09f98",
    "eda080",
    "c0af",
    "7fd3e2808b",
    "e280a8d3",
    "f48fbfbfd3",
    "1bd3",
  ];
  const cases = [...texts, ...raw];
  const expected = ruby(cases.map((hex) => ({ op: "charset", hex })));
  const diffs = cases.filter((hex, i) => rubyCharsetConvert(Buffer.from(hex, "hex")) !== expected[i].value);
  assert.deepEqual(diffs.map((hex) => ({ hex, ruby: expected[cases.indexOf(hex)].value, simulator: rubyCharsetConvert(Buffer.from(hex, "hex")) })), []);
});
