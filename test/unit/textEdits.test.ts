import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { applyEdits, computeEdits } from "../../server/src/core/textEdits";

test("an indentation change edits only the indentation", () => {
  const before = "filter {\nmutate {}\n}\n";
  const after = "filter {\n  mutate {}\n}\n";
  const edits = computeEdits(before, after);
  assert.deepEqual(edits, [{ range: { start: 9, end: 9 }, newText: "  " }]);
  assert.equal(applyEdits(before, edits), after);
});

test("a range keeps only the changes to its lines", () => {
  const before = "a\n b\n  c\nd\n";
  const after = "a\nb\nc\nd\n";
  const edits = computeEdits(before, after, [1, 1]);
  assert.equal(applyEdits(before, edits), "a\nb\n  c\nd\n");
});

test("applying the edits always gives the target text", () => {
  const line = fc.constantFrom("input {", "}", "  stdin {}", "", "# c", "filter { }", "    x => 1");
  const doc = fc.array(line, { maxLength: 12 }).map((lines) => lines.join("\n"));
  fc.assert(
    fc.property(doc, doc, (a, b) => {
      assert.equal(applyEdits(a, computeEdits(a, b)), b);
      const edits = computeEdits(a, b);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i].range.start >= edits[i - 1].range.end);
    }),
  );
});
