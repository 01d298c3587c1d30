import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { findSemanticTokens } from "../../server/src/core/semanticTokens";

function tokens(text: string): string[] {
  return findSemanticTokens(parseConfig(text).config, text).map((t) => `${t.type} ${text.slice(t.offset, t.offset + t.length)}`);
}

test("every kind of token in a small pipeline, in order", () => {
  const text = `# hi
filter {
  if [a][b] !~ /x/ and ![c] {
    mutate { id => "m1" add_field => { "k" => "v %{[a][b]}" } convert => { count => integer } }
  }
}
output { stdout { codec => rubydebug enable_metric => false port => 10 } }`;
  assert.deepEqual(tokens(text), [
    "comment # hi",
    "keyword filter",
    "keyword if",
    "field [a][b]",
    "operator !~",
    "regex /x/",
    "keyword and",
    "operator !",
    "field [c]",
    "plugin mutate",
    "property id",
    "operator =>",
    'string "m1"',
    "property add_field",
    "operator =>",
    'string "k"',
    "operator =>",
    'string "v %{',
    "field [a][b]",
    'string }"',
    "property convert",
    "operator =>",
    "property count",
    "operator =>",
    "bareword integer",
    "keyword output",
    "plugin stdout",
    "property codec",
    "operator =>",
    "bareword rubydebug",
    "property enable_metric",
    "operator =>",
    "boolean false",
    "property port",
    "operator =>",
    "number 10",
  ]);
});

test("tokens never overlap and stay inside the text", () => {
  const text = 'input { tcp { codec => json { charset => "UTF-8" } } }\nfilter { if "x" in [tags] or [n] >= 3 { drop {} } }';
  const found = findSemanticTokens(parseConfig(text).config, text);
  for (let i = 1; i < found.length; i++) assert.ok(found[i].offset >= found[i - 1].offset + found[i - 1].length);
  assert.ok(found.every((t) => t.length > 0 && t.offset + t.length <= text.length));
  assert.ok(tokens(text).includes("plugin json"));
  assert.ok(tokens(text).includes("keyword in"));
  assert.ok(tokens(text).includes("operator >="));
});
