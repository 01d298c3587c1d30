import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { findDocumentSymbols, type DocumentSymbol } from "../../server/src/core/symbols";

function outline(text: string): unknown {
  const strip = (s: DocumentSymbol): unknown => (s.children.length ? { [s.name]: s.children.map(strip) } : s.name);
  return findDocumentSymbols(parseConfig(text).config, text).map(strip);
}

test("sections contain plugins; the id option is shown next to the plugin name", () => {
  const text = `input { beats { port => 5044 } }
filter {
  grok { id => "parse_apache" match => { "message" => "%{COMBINEDAPACHELOG}" } }
  date { match => ["timestamp", "ISO8601"] }
}
output { elasticsearch { id => es_main } }`;
  assert.deepEqual(outline(text), [
    { input: ["beats"] },
    { filter: ["grok (parse_apache)", "date"] },
    { output: ["elasticsearch (es_main)"] },
  ]);
});

test("conditionals are branches named by their condition, nested in order", () => {
  const text = `filter {
  if [type] == "apache" {
    grok {}
  } else if "_grokparsefailure" in [tags] and
            [x] {
    drop {}
  } else {
    mutate {}
  }
}`;
  assert.deepEqual(outline(text), [
    {
      filter: [
        { 'if [type] == "apache"': ["grok"] },
        { 'else if "_grokparsefailure" in [tags] and [x]': ["drop"] },
        { else: ["mutate"] },
      ],
    },
  ]);
});

test("codec plugins appear under their plugin; comments in conditions are left out of the name", () => {
  const text = `input {
  if [a] # why
     or [b] {
    tcp { codec => json_lines { charset => "UTF-8" } }
  }
}`;
  const symbols = findDocumentSymbols(parseConfig(text).config, text);
  const branch = symbols[0].children[0];
  assert.equal(branch.name, "if [a] or [b]");
  assert.equal(branch.kind, "branch");
  const tcp = branch.children[0];
  assert.equal(tcp.name, "tcp");
  assert.equal(tcp.children[0].name, "json_lines");
  assert.equal(tcp.children[0].detail, "codec");
  assert.equal(text.slice(tcp.selectionRange.start, tcp.selectionRange.end), "tcp");
  assert.equal(text.slice(branch.selectionRange.start, branch.selectionRange.end), "if");
});
