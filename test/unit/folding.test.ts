import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../server/src/core/documents";
import { findFoldingRegions } from "../../server/src/core/folding";
import { parseConfig } from "../../server/src/core/parse";

function fold(text: string) {
  return findFoldingRegions(parseConfig(text).config, new LineIndex(text)).map((r) => `${r.kind} ${r.startLine}-${r.endLine}`);
}

test("sections, plugins, multi-line hashes and arrays fold up to the line before their closing bracket", () => {
  const text = [
    "filter {", // 0
    "  mutate {", // 1
    "    add_field => {", // 2
    '      "a" => "b"', // 3
    "    }", // 4
    '    remove_field => [', // 5
    '      "x",', // 6
    '      "y"', // 7
    "    ]", // 8
    '    add_tag => ["one", "two"]', // 9
    "  }", // 10
    "}", // 11
  ].join("\n");
  assert.deepEqual(fold(text), ["region 0-10", "region 1-9", "region 2-3", "region 5-7"]);
});

test("if/else clauses fold separately; one-line plugins do not fold", () => {
  const text = ["output {", "  if [a] {", "    stdout {}", "  } else {", "    null {}", "  }", "}"].join("\n");
  assert.deepEqual(fold(text), ["region 0-5", "region 1-2", "region 3-4"]);
});

test("runs of whole-line comments fold; trailing comments do not join a run", () => {
  const text = ["# one", "# two", "# three", "input { stdin {} } # trailing", "# lone", "", "# a", "  # b"].join("\n");
  assert.deepEqual(fold(text), ["comment 0-2", "comment 6-7"]);
});
