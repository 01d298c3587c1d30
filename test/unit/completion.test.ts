import { test } from "node:test";
import assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/parse";
import { doComplete } from "../../server/src/core/completion";
import { doHover } from "../../server/src/core/hover";
import { getCatalog } from "../../server/src/core/catalog/catalog";

const catalog = getCatalog();

/** `|` marks the cursor. */
function complete(marked: string, grokPatterns?: Map<string, string>) {
  const offset = marked.indexOf("|");
  const text = marked.replace("|", "");
  return doComplete(parseConfig(text), offset, { catalog, grokPatterns: grokPatterns ? () => grokPatterns : undefined });
}

function labels(marked: string): string[] {
  return complete(marked)
    .sort((a, b) => a.sortText.localeCompare(b.sortText))
    .map((i) => i.label);
}

test("section names at the top level", () => {
  assert.deepEqual(labels("|"), ["input", "filter", "output"]);
  assert.deepEqual(labels("input { stdin {} }\nfil|"), ["input", "filter", "output"]);
});

test("plugins of the section, and conditionals", () => {
  const filters = labels("filter {\n  |\n}");
  assert.ok(filters.includes("grok") && filters.includes("mutate") && filters.includes("if"));
  assert.ok(!filters.includes("file"), "inputs are not offered in a filter section");
  const inputs = labels("input {\n  fi|\n}");
  assert.ok(inputs.includes("file") && !inputs.includes("grok"));
  const nested = labels('filter { if [a] == "b" { | } }');
  assert.ok(nested.includes("mutate"));
});

test("options of the plugin: required first, used ones last, obsolete never", () => {
  const items = complete('input { file { type => "x" | } }').sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(items[0].label, "path", "the required option comes first");
  assert.equal(items.at(-1)!.label, "type", "an option already set comes last");
  const path = items.find((i) => i.label === "path")!;
  assert.match(path.insertText, /^path => /);
  assert.ok(items.some((i) => i.label === "add_field"), "common options are offered");
});

test("values shaped by the option type", () => {
  assert.deepEqual(labels('input { redis { data_type => | } }').sort(), ["channel", "list", "pattern_channel"]);
  assert.deepEqual(labels("filter { grok { break_on_match => | } }"), ["true", "false"]);
  const codecs = labels("input { stdin { codec => js| } }");
  assert.ok(codecs.includes("json") && codecs.includes("json_lines"), codecs.join(","));
});

test("grok pattern names inside a grok match string, fields inside %{ and [", () => {
  const patterns = new Map([["IPORHOST", "(?:%{IP}|%{HOSTNAME})"], ["WORD", "\\b\\w+\\b"]]);
  const items = complete('filter { grok { match => { "message" => "%{IP|" } } }', patterns);
  assert.deepEqual(items.map((i) => i.label).sort(), ["IPORHOST", "WORD"]);
  assert.equal(items[0].replace.end - items[0].replace.start, 2, "replaces the typed name");
  const fields = labels('filter { grok { match => { "message" => "%{WORD:verb}" } } if [|] {} }');
  assert.ok(fields.includes("[verb]"), fields.join(","));
  const sprintf = labels('filter { grok { match => { "message" => "%{WORD:verb}" } } mutate { add_tag => ["%{|"] } }');
  assert.ok(sprintf.includes("verb"), sprintf.join(","));
});

test("hover shows option docs with type, default and deprecation", () => {
  const text = "output { elasticsearch { ssl => true } }";
  const parsed = parseConfig(text);
  const h = doHover(parsed, text.indexOf("ssl") + 1, { catalog: getCatalog("8.19") });
  assert.ok(h, "hover on an option");
  assert.match(h!.contents, /\*\*ssl\*\*/);
  assert.match(h!.contents, /ssl_enabled/);
  const p = doHover(parsed, text.indexOf("elasticsearch") + 2, { catalog })!;
  assert.match(p.contents, /output plugin/);
  const d = doHover(parseConfig("filter { drop { percentage => 5 } }"), 18, { catalog })!;
  assert.match(d.contents, /default: `100`/);
});
