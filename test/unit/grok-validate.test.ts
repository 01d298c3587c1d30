import assert from "node:assert/strict";
import { test } from "node:test";
import { validateGrokPattern } from "../../server/src/core/grok";

function at(pattern: string, marked: string) {
  // `marked` is the pattern with the expected range in ‹…›.
  const start = marked.indexOf("‹");
  const end = marked.indexOf("›") - 1;
  assert.equal(marked.replace(/[‹›]/g, ""), pattern);
  return { start, end };
}

test("a valid pattern gives no issue", () => {
  assert.deepEqual(validateGrokPattern("%{IP:[source][address]} (?<verb>[A-Z]+) %{NUMBER:n:int}", "ecs-v1"), []);
});

test("unknown %{NAME}: the name is the range, with did-you-mean replacements", () => {
  const pattern = "%{IPV5:client} %{NUMBR:n}";
  const issues = validateGrokPattern(pattern, "ecs-v1");
  assert.equal(issues.length, 2);
  assert.equal(issues[0].code, "grok-unknown-pattern");
  assert.deepEqual(issues[0].range, at(pattern, "%{‹IPV5›:client} %{NUMBR:n}"));
  assert.match(issues[0].message, /IPV5.*Did you mean `IPV4`, `IPV6`/);
  assert.equal(issues[0].data?.replacement, "IPV4");
  assert.deepEqual(issues[1].range, at(pattern, "%{IPV5:client} %{‹NUMBR›:n}"));
  assert.equal(issues[1].data?.replacement, "NUMBER");
  assert.equal(validateGrokPattern("%{ip:x}", "legacy")[0].data?.replacement, "IP");
});

test("set matters: ZEEK patterns exist only in ecs-v1; extra patterns add names", () => {
  assert.deepEqual(validateGrokPattern("%{ZEEK_CONN}", "ecs-v1"), []);
  assert.equal(validateGrokPattern("%{ZEEK_CONN}", "legacy")[0].code, "grok-unknown-pattern");
  assert.deepEqual(validateGrokPattern("%{MINE:x}", "legacy", ["# mine\nMINE %{WORD}-%{INT}"]), []);
});

test("a broken user pattern file is reported on the token that uses it", () => {
  const pattern = "x %{MINE:y} z";
  const unknown = validateGrokPattern(pattern, "legacy", ["MINE %{NOPE}"]);
  assert.equal(unknown[0].code, "grok-unknown-pattern");
  assert.deepEqual(unknown[0].range, at(pattern, "x ‹%{MINE:y}› z"));
  assert.match(unknown[0].message, /NOPE.*MINE/);
  const invalid = validateGrokPattern(pattern, "legacy", ["MINE (a"]);
  assert.equal(invalid[0].code, "grok-invalid-regex");
  assert.deepEqual(invalid[0].range, at(pattern, "x ‹%{MINE:y}› z"));
  const cycle = validateGrokPattern(pattern, "legacy", ["MINE a%{MINE}"]);
  assert.equal(cycle[0].code, "grok-pattern-cycle");
});

test("invalid regex syntax in the user's pattern is located", () => {
  const open = "%{WORD:w} (a|b %{INT}";
  assert.deepEqual(validateGrokPattern(open, "legacy")[0].range, at(open, "%{WORD:w} ‹(›a|b %{INT}"));
  const close = "%{WORD:w} a) b";
  assert.deepEqual(validateGrokPattern(close, "legacy")[0].range, at(close, "%{WORD:w} a‹)› b"));
  const cls = "%{WORD:w} [a-";
  assert.equal(validateGrokPattern(cls, "legacy")[0].range.start, cls.indexOf("["));
  const prop = "%{WORD:w} \\p{Nope}";
  assert.deepEqual(validateGrokPattern(prop, "legacy")[0].range, at(prop, "%{WORD:w} ‹\\p{Nope}›"));
  assert.match(validateGrokPattern(prop, "legacy")[0].message, /Invalid regular expression/);
});

test("fast enough for diagnostics on every keystroke", () => {
  const start = performance.now();
  for (let i = 0; i < 50; i++) validateGrokPattern("%{COMBINEDAPACHELOG} %{SYSLOGLINE}", "ecs-v1");
  assert.ok(performance.now() - start < 2000);
});
