/**
 * Property tests (fast-check): the parser never throws and stays fast on random and mutated input up to
 * 1 MB; the formatter is idempotent and keeps the token sequence of any pipeline it formats.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { parseConfig } from "../../server/src/core/parse";
import { formatConfig } from "../../server/src/core/format";
import { lscLexer } from "../../server/src/core/parser/tokens";
import { generatePipeline } from "../../bench/generate";

const fixtureDir = new URL("../../test-fixtures/pipelines/", import.meta.url);
const fixtures = readdirSync(fixtureDir).map((f) => readFileSync(new URL(f, fixtureDir), "utf8"));
const alphabet = ['{', '}', '[', ']', '"', "'", "=>", "#", "\n", " ", ",", "/", "\\", "if", "else", "and", "==", "(", ")", "!", "%{", "${", "x", "12"];

const mutation = fc.record({
  at: fc.nat(),
  deleteLength: fc.nat({ max: 20 }),
  insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((xs) => xs.join("")),
});

function mutate(text: string, muts: { at: number; deleteLength: number; insert: string }[]): string {
  let out = text;
  for (const m of muts) {
    const at = out.length ? m.at % out.length : 0;
    out = out.slice(0, at) + m.insert + out.slice(at + m.deleteLength);
  }
  return out;
}

/** Parses with a guard against runaway recovery: CPU time, not wall time, so a loaded machine
 * (CI runs suites side by side with servers) does not make it flaky. Speed itself is bench/'s job. */
function timedParse(text: string) {
  const t0 = process.cpuUsage();
  const result = parseConfig(text);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < 2000, `parse took ${ms.toFixed(0)} ms of CPU for ${text.length} chars`);
  for (const i of result.issues) assert.ok(i.range.start >= 0 && i.range.end <= text.length && i.range.start <= i.range.end);
  return result;
}

test("the parser never throws on mutated pipelines and keeps ranges in bounds", () => {
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 8 }), (text, muts) => {
      timedParse(mutate(text, muts));
    }),
    { numRuns: 300 },
  );
});

test("the parser never throws on arbitrary text", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => void timedParse(text)), { numRuns: 300 });
  fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (xs) => void timedParse(xs.join(""))), { numRuns: 300 });
});

test("a 1 MB pipeline, intact and mutated, parses without a runaway (under 2 s of CPU)", () => {
  const big = generatePipeline(40_000);
  assert.ok(big.length >= 1_000_000, `generated ${big.length} chars`);
  timedParse(big);
  fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (muts) => void timedParse(mutate(big, muts))), { numRuns: 5 });
});

function tokenImages(text: string): string[] {
  return lscLexer.tokenize(text).tokens.map((t) => t.image);
}

/** Valid pipelines built from pieces of the language, with comments and odd spacing. */
const space = fc.constantFrom(" ", "  ", "\n", "\n\n\n", "\t", " # note\n");
const scalar = fc.constantFrom('"a b"', "'x'", "12", "-3.5", "bare_word", '"%{[a][b]}"', "true");
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("hash")),
  array: fc.array(tie("value"), { maxLength: 3 }).map((xs) => "[" + (xs as string[]).join(", ") + "]"),
  hash: fc.array(fc.tuple(fc.constantFrom('"k"', "key", "7"), tie("value"), space), { maxLength: 3 }).map(
    (es) => "{" + [...new Map((es as [string, string, string][]).map(([k, v, s]) => [k, `${k} => ${v}${s}`])).values()].join("") + "}",
  ),
})).value;
const attribute = fc.tuple(fc.constantFrom("path", "id", "add_field", "codec_opts", "tags"), value, space).map(([n, v, s]) => `${n} => ${v}${s}`);
const plugin = fc.tuple(fc.constantFrom("file", "grok", "mutate", "stdout"), fc.array(attribute, { maxLength: 4 }), space).map(
  ([n, attrs, s]) => `${n}${s}{${s}${attrs.join("")}}`,
);
const condition = fc.constantFrom('[a] == "x"', "[a][b] and ![c]", '"x" in [tags] or [n] > 3', "[m] =~ /a\\/b/", "([a] or [b]) and [c] not in [1, 2]");
const statement = fc.letrec((tie) => ({
  stmt: fc.oneof({ depthSize: "small" }, plugin, tie("branch")),
  branch: fc
    .tuple(condition, fc.array(tie("stmt"), { maxLength: 2 }), fc.option(fc.array(tie("stmt"), { maxLength: 2 })), space)
    .map(([c, body, other, s]) => `if ${c} {${s}${(body as string[]).join(s)}}` + (other ? ` else {${(other as string[]).join(s)}}` : "")),
})).stmt;
const pipeline = fc
  .array(fc.tuple(fc.constantFrom("input", "filter", "output"), fc.array(statement, { maxLength: 3 }), space), { minLength: 1, maxLength: 3 })
  .map((sections) => sections.map(([name, body, s]) => `${name}${s}{${s}${body.join(s)}${s}}`).join("\n"));

test("the formatter is idempotent and keeps the token sequence", () => {
  fc.assert(
    fc.property(pipeline, (text) => {
      const parsed = parseConfig(text);
      fc.pre(!parsed.issues.some((i) => i.code.startsWith("syntax")));
      const once = formatConfig(text, { tabSize: 2, insertSpaces: true });
      const twice = formatConfig(once, { tabSize: 2, insertSpaces: true });
      assert.equal(twice, once);
      assert.deepEqual(tokenImages(once), tokenImages(text));
    }),
    { numRuns: 300 },
  );
});
