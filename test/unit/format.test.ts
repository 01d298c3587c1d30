import { test } from "node:test";
import assert from "node:assert/strict";
import { formatConfig } from "../../server/src/core/format";
import { parseConfig } from "../../server/src/core/parse";

const opts = { tabSize: 2, insertSpaces: true };

test("indents nested blocks, one option per line, keeps comments and one blank line", () => {
  const src = [
    "# head",
    "input {",
    "file {",
    '      path => "/x"   # why',
    "  type => apache",
    "}",
    "}",
    "",
    "",
    "",
    "filter { if [a]==1 { drop{} } else { # empty",
    "} }",
  ].join("\n");
  assert.equal(
    formatConfig(src, opts),
    [
      "# head",
      "input {",
      "  file {",
      '    path => "/x" # why',
      "    type => apache",
      "  }",
      "}",
      "",
      "filter {",
      "  if [a] == 1 {",
      "    drop {}",
      "  } else { # empty",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
});

test("keeps single-line hashes, arrays and codecs single-line; breaks multi-line ones", () => {
  const src = 'filter { grok { match => {"message" => "%{WORD:w}"} tag_on_failure => ["a","b"] } }\noutput { stdout { codec => rubydebug { metadata => true } } }\n';
  const out = formatConfig(src, opts);
  assert.match(out, /match => \{ "message" => "%\{WORD:w\}" \}/);
  assert.match(out, /tag_on_failure => \["a", "b"\]/);
  assert.match(out, /codec => rubydebug \{ metadata => true \}/);
});

test("tabs when asked, CRLF kept", () => {
  const out = formatConfig("input {\r\nstdin {}\r\n}\r\n", { tabSize: 4, insertSpaces: false });
  assert.equal(out, "input {\r\n\tstdin {}\r\n}\r\n");
});

test("a file with syntax errors is left unchanged", () => {
  const src = 'input { file { path "x" } }';
  assert.equal(formatConfig(src, opts), src);
});

test("conditions with comments inside keep their source text", () => {
  const src = "filter {\n  if [a] and # why\n  [b] {\n    drop {}\n  }\n}\n";
  const out = formatConfig(src, opts);
  assert.match(out, /if \[a\] and # why\n  \[b\] \{/);
  assert.equal(formatConfig(out, opts), out);
});

test("formatting keeps the token sequence and every comment", () => {
  const src = "input{stdin{id=>'x' # c1\n}}filter{if ![a] or ([b] not in [c]){mutate{add_tag=>[\"t\"]}}}";
  const out = formatConfig(src, opts);
  const strip = (s: string) => s.replace(/#[^\n]*/g, "").replace(/\s+/g, "");
  assert.equal(strip(out), strip(src));
  assert.deepEqual(parseConfig(out).config.comments.map((c) => c.text), ["# c1"]);
  assert.equal(formatConfig(out, opts), out);
});
