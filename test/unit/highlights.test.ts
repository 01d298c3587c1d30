import assert from "node:assert/strict";
import { test } from "node:test";
import { findDocumentHighlights } from "../../server/src/core/highlights";
import { parseConfig } from "../../server/src/core/parse";
import { caret } from "../helpers/caret";

function highlights(input: string): string[] {
  const { text, offset } = caret(input);
  return findDocumentHighlights(parseConfig(text).config, offset).map((h) => `${h.access}:${text.slice(h.range.start, h.range.end)}@${h.range.start}`);
}

const PIPELINE = `filter {
  grok { match => { "message" => "%{IPORHOST:clientip} %{WORD:[http][verb]}" } }
  geoip { source => "clientip" target => "[geo]" }
  if [clientip] =~ /^10\\./ {
    mutate { add_field => { "origin" => "internal %{clientip}" } }
  }
  if [http][verb] == "POST" { mutate { add_tag => ["%{[http][verb]}"] } }
}`;

test("a selector highlights the same field everywhere: grok capture, option value, sprintf reference", () => {
  const input = PIPELINE.replace("if [clientip]", "if [client|ip]");
  const found = highlights(input).map((h) => h.replace(/@\d+$/, ""));
  assert.deepEqual(found, ["write:clientip", "read:clientip", "read:[clientip]", "read:clientip"]);
});

test("a nested field matches `[a][b]` in conditions and `%{[a][b]}` in strings, not its parent", () => {
  const input = PIPELINE.replace('"%{[http][verb]}"', '"%{[http]|[verb]}"');
  const found = highlights(input).map((h) => h.replace(/@\d+$/, ""));
  assert.deepEqual(found, ["write:[http][verb]", "read:[http][verb]", "read:[http][verb]"]);
});

test("from an option value naming a field", () => {
  const input = PIPELINE.replace('source => "clientip"', 'source => "client|ip"');
  assert.equal(highlights(input).length, 4);
});

test("nothing off a field reference; grok pattern names and date formats are not fields", () => {
  assert.deepEqual(highlights(PIPELINE.replace("geoip {", "ge|oip {")), []);
  assert.deepEqual(highlights(PIPELINE.replace("%{IPORHOST:", "%{IPOR|HOST:")), []);
  assert.deepEqual(highlights('filter { mutate { add_field => { "d" => "%{+YY|YY.MM.dd}" } } }'), []);
});

test("date match names the field in its first element only", () => {
  const input = 'filter { date { match => ["times|tamp", "dd/MMM/yyyy"] } if [timestamp] {} }';
  assert.deepEqual(highlights(input).map((h) => h.replace(/@\d+$/, "")), ["read:timestamp", "read:[timestamp]"]);
});
