import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { getSelectionRanges, type SelectionRange } from "../../server/src/core/selectionRanges";
import { caret } from "../helpers/caret";

function chain(input: string): string[] {
  const { text, offset } = caret(input);
  const out: string[] = [];
  for (let r: SelectionRange | undefined = getSelectionRanges(parseConfig(text).config, [offset])[0]; r; r = r.parent) {
    out.push(text.slice(r.range.start, r.range.end));
  }
  return out;
}

test("from a string's contents out to the whole document", () => {
  const text = 'filter { mutate { add_tag => ["a", "b|c"] } }';
  assert.deepEqual(chain(text), [
    "bc",
    '"bc"',
    '"a", "bc"',
    '["a", "bc"]',
    'add_tag => ["a", "bc"]',
    ' add_tag => ["a", "bc"] ',
    '{ add_tag => ["a", "bc"] }',
    'mutate { add_tag => ["a", "bc"] }',
    ' mutate { add_tag => ["a", "bc"] } ',
    '{ mutate { add_tag => ["a", "bc"] } }',
    'filter { mutate { add_tag => ["a", "bc"] } }',
  ]);
});

test("every range contains the next smaller one, and a condition's field is the innermost", () => {
  const input = 'output {\n  if [lo|g][level] == "error" and [x] {\n    stdout {}\n  }\n}\n';
  const ranges = chain(input);
  assert.equal(ranges[0], "[log][level]");
  assert.equal(ranges[1], '[log][level] == "error"');
  assert.equal(ranges[2], '[log][level] == "error" and [x]');
  for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i].includes(ranges[i - 1]), `${ranges[i]} ⊇ ${ranges[i - 1]}`);
  assert.equal(ranges[ranges.length - 1], caret(input).text);
});

test("on a plugin name the name is selected first", () => {
  assert.deepEqual(chain("input { std|in {} }").slice(0, 2), ["stdin", "stdin {}"]);
});
