import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/parse";
import type { Branch, Condition, Plugin } from "../../server/src/core/ast";

/** Inputs Logstash's grammar accepts (lscl_grammar.treetop; edge cases from the grammar notes). */
const valid: Record<string, string> = {
  "empty file": "",
  "only comments": "# nothing here\n# at all",
  "final comment without newline": "input { stdin {} } # done",
  "repeated sections": "filter { drop {} } filter { drop {} } input { stdin {} }",
  "hyphen and digit names": "filter { my-plugin { 1st-option => 1 } }",
  "quoted names": 'filter { "grok" { "match" => { "message" => "x" } } }',
  "negative, float and trailing-dot numbers": "filter { x { a => -1 b => 3. c => 007 d => 1.25 } }",
  "strings with escaped quotes": `filter { x { a => "say \\"hi\\"" b => 'it\\'s' c => "multi\nline" } }`,
  "arrays of hashes and empty literals": "filter { x { a => [ { kk => 1 }, { kk => 2 } ] b => [] c => {} } }",
  "hash keys of every kind": 'filter { x { a => { "s" => 1 bare => 2 3 => 4 } } }',
  "plugin as value": 'input { file { path => "/x" codec => json { charset => "UTF-8" } } }',
  "comments in odd places": "input # c\n{ # c\n stdin # c\n { # c\n id # c\n => # c\n \"x\" # c\n } }",
  "attributes separated by newline": "input { stdin { id => \"a\"\ntype => \"b\" } }",
  "conditionals everywhere": "input { if [a] { stdin {} } } output { if [a] { stdout {} } else { stdout {} } }",
  "all comparison operators": 'filter { if [a] == 1 and [a] != "x" and [a] < 2 and [a] > 0 and [a] <= 3 and [a] >= 0 { drop {} } }',
  "regex match with string and regex": 'filter { if [a] =~ /x\\/y/ or [b] !~ "^z" or [c] =~ // { drop {} } }',
  "in and not in": 'filter { if "x" in [tags] and [a] not in ["b", "c"] and [a] not   in [list] { drop {} } }',
  "negation": "filter { if ![a] and !([b] or [c]) and ! [d] { drop {} } }",
  "else if spelled with comments between": "filter { if [a] { } else # c\n if [b] { } else { } }",
  "second else is a plugin named else": "filter { if [a] { } else { } else { } }",
  "selector with spaces and metadata": "filter { if [field with space] and [@metadata][x][0] { drop {} } }",
  "xor alone": "filter { if [a] xor [b] { drop {} } }",
  "env vars and sprintf in strings": 'output { elasticsearch { hosts => "${ES_HOSTS:localhost:9200}" index => "logs-%{+YYYY.MM.dd}-%{[a][b]}" } }',
  "CRLF line endings": "input {\r\n  stdin {\r\n    id => \"x\"\r\n  }\r\n}\r\n",
  "option named if": 'filter { x { if => "y" } }',
};

/** Inputs Logstash rejects, with the code Logsmith must give. */
const invalid: Record<string, [string, string]> = {
  "missing arrow": ['input { file { path "x" } }', "syntax-expected-arrow"],
  "split arrow": ['input { file { path = > "x" } }', "syntax-split-arrow"],
  "commas between options": ['input { file { path => "x", type => "y" } }', "syntax-comma-between-options"],
  "one-letter bareword": ['input { file { path => "x" type => b } }', "syntax-invalid-bareword"],
  "unterminated string": ['input { file { path => "x } }', "syntax-unterminated-string"],
  "string ending in backslash": ['input { file { path => "abc\\" } }', "syntax-unterminated-string"],
  "regex flags": ["filter { if [x] =~ /x/i { drop {} } }", "syntax-regex-flags"],
  "elsif": ["filter { if [a] { } elsif [b] { } }", "syntax-elsif"],
  "bareword in condition": ["filter { if [a] == true { drop {} } }", "syntax-bareword-in-condition"],
  "unknown section": ["inputs { stdin {} }", "syntax-unknown-section"],
  "unquoted env var": ["input { file { path => ${LOGS} } }", "syntax-unquoted-variable"],
  "unclosed block": ['filter { mutate { a => "x" }', "syntax-unclosed-block"],
  "stray closing brace": ["input { stdin {} } }", "syntax-unmatched-brace"],
  "trailing comma in array": ['filter { x { a => ["a", "b",] } }', "syntax-expected-value"],
  "comma between hash entries": ['filter { x { a => { "a" => 1, "b" => 2 } } }', "syntax-expected-hash-entry"],
  "plus sign number": ["filter { x { a => +1 } }", "syntax-unexpected-character"],
  "leading dot number": ["filter { x { a => .5 } }", "syntax-unexpected-character"],
  "notin": ["filter { if [a] notin [b] { drop {} } }", "syntax-notin"],
  "negated string": ['filter { if !"x" { drop {} } }', "syntax-invalid-condition"],
  "field on the right of =~": ["filter { if [a] =~ [b] { drop {} } }", "syntax-invalid-condition"],
  "duplicate hash key": ['filter { mutate { add_field => { "a" => 1 "a" => 2 } } }', "config-duplicate-key"],
  "two codecs": ["input { stdin { codec => json codec => plain } }", "config-multiple-codecs"],
  "xor mixed with and": ["filter { if [a] xor [b] and [c] { drop {} } }", "config-mixed-boolean-operators"],
  "invalid octal": ["filter { x { a => 09 } }", "config-invalid-octal"],
  "method call": ["filter { if length([a]) { drop {} } }", "config-method-call"],
  "values without whitespace between": ['input { stdin { id => "a"type => "b" } }', "syntax-missing-whitespace"],
  "one-letter hash key": ["filter { x { a => { k => 1 } } }", "syntax-invalid-bareword"],
  "unclosed array": ['filter { x { a => ["a"', "syntax-unclosed-array"],
};

describe("parser accepts what Logstash accepts", () => {
  for (const [name, text] of Object.entries(valid)) {
    test(name, () => {
      const { issues } = parseConfig(text);
      assert.deepEqual(issues.filter((i) => i.severity === "error"), [], JSON.stringify(issues));
    });
  }
});

describe("parser rejects what Logstash rejects", () => {
  for (const [name, [text, code]] of Object.entries(invalid)) {
    test(name, () => {
      const { issues } = parseConfig(text);
      const codes = issues.map((i) => i.code);
      assert.ok(codes.includes(code), `expected ${code}, got ${JSON.stringify(issues)}`);
      for (const i of issues) {
        assert.ok(i.range.start >= 0 && i.range.end <= text.length && i.range.start <= i.range.end, "range inside the text");
        assert.ok(!/\{\d\}/.test(i.message), `message has an unfilled placeholder: ${i.message}`);
      }
    });
  }
});

test("syntax and post-parse families are distinct", () => {
  const { issues } = parseConfig('filter { mutate { add_field => { "a" => 1 "a" => 2 } } }');
  assert.equal(issues.length, 1);
  assert.match(issues[0].code, /^config-/);
});

test("missing arrow names the option and points at it", () => {
  const text = 'input {\n  file {\n    path "/var/log/x"\n  }\n}';
  const { issues } = parseConfig(text);
  assert.equal(issues.length, 1);
  assert.equal(issues[0].message, "Expected `=>` after option name `path`");
  assert.equal(text.slice(issues[0].range.start, issues[0].range.end), "path");
});

test("several errors in one file give several diagnostics and keep the rest of the tree", () => {
  const text = [
    "input {",
    '  file { path "a" }',
    '  stdin { id => "ok" }',
    "}",
    "filter {",
    '  mutate { add_tag => ["x",] }',
    '  grok { match => { "message" => "%{WORD:w}" } }',
    "}",
    "output {",
    '  stdout { codec => rubydebug, id => "o" }',
    "}",
  ].join("\n");
  const { issues, config } = parseConfig(text);
  const lines = new Set(issues.map((i) => text.slice(0, i.range.start).split("\n").length));
  assert.deepEqual([...lines].sort((a, b) => a - b), [2, 6, 10]);
  const names = config.sections.flatMap((s) => s.body.map((p) => (p as Plugin).name));
  assert.ok(names.includes("stdin") && names.includes("grok"), `recovered plugins: ${names}`);
});

test("ranges are exact and keep comments", () => {
  const text = '# head\ninput { file { path => "/x" } } # tail';
  const { config } = parseConfig(text);
  const file = config.sections[0].body[0] as Plugin;
  assert.equal(text.slice(file.range.start, file.range.end), 'file { path => "/x" }');
  assert.equal(text.slice(file.attributes[0].range.start, file.attributes[0].range.end), 'path => "/x"');
  assert.deepEqual(config.comments.map((c) => c.text), ["# head", "# tail"]);
});

test("string values keep their raw text, as with config.support_escapes false", () => {
  const { config } = parseConfig(String.raw`filter { x { a => "a\"b\n" } }`);
  const v = (config.sections[0].body[0] as Plugin).attributes[0].value;
  assert.deepEqual(v && v.kind === "string" ? v.value : undefined, String.raw`a\"b\n`);
});

function conditionOf(text: string): Condition {
  const { config, issues } = parseConfig(text);
  assert.deepEqual(issues, []);
  return (config.sections[0].body[0] as Branch).clauses[0].condition!;
}

function shape(c: Condition): string {
  switch (c.kind) {
    case "boolean":
      return `(${shape(c.left)} ${c.operator} ${shape(c.right)})`;
    case "truthy":
      return c.value.kind === "selector" ? c.value.path.join(".") : c.value.kind;
    case "paren":
      return shape(c.expression);
    case "not":
      return "!" + (c.operand.kind === "selector" ? c.operand.path.join(".") : shape(c.operand));
    default:
      return c.kind;
  }
}

test("and binds tighter than or; equal operators group to the right (lscl.rb)", () => {
  assert.equal(shape(conditionOf("filter { if [a] and [b] or [c] {} }")), "((a and b) or c)");
  assert.equal(shape(conditionOf("filter { if [a] or [b] and [c] {} }")), "(a or (b and c))");
  assert.equal(shape(conditionOf("filter { if [a] or [b] or [c] {} }")), "(a or (b or c))");
  assert.equal(shape(conditionOf("filter { if ([a] or [b]) and ![c] {} }")), "((a or b) and !c)");
});

test("a bareword followed by { is a plugin value; selectors are adjacent brackets", () => {
  const { config } = parseConfig('input { stdin { codec => json_lines { charset => "UTF-8" } } }');
  const codec = (config.sections[0].body[0] as Plugin).attributes[0].value!;
  assert.equal(codec.kind, "plugin");
  const c = conditionOf("filter { if [a][b][0] {} }");
  assert.equal(shape(c), "a.b.0");
  const spaced = parseConfig("filter { if [a] [b] {} }");
  assert.ok(spaced.issues.length > 0, "whitespace between selector parts is not a selector");
});

test("a flipped quote in a large file stops at the error limit instead of reporting every later string", () => {
  const body = Array.from({ length: 3000 }, (_, i) => `  mutate { add_tag => ["t${i}"] id => "m${i}" }`).join("\n");
  const text = 'filter {\n  mutate { id => "broken }\n' + body + "\n}\n";
  const t0 = performance.now();
  const { issues } = parseConfig(text);
  assert.ok(performance.now() - t0 < 1000);
  assert.ok(issues.length <= 450, `${issues.length} issues`);
  assert.ok(issues.some((i) => i.code === "syntax-too-many-errors"));
});
