import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../server/src/core/documents";

test("positions across \\n, \\r\\n and lone \\r line breaks", () => {
  const lines = new LineIndex("ab\ncd\r\nef\rgh");
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(lines.positionAt(12), { line: 3, character: 2 });
});

test("offsetAt is the inverse of positionAt and clamps past line ends", () => {
  const text = "input {\r\n  stdin {}\n}\n";
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    // Offsets between \r and \n have no position of their own.
    if (text[offset - 1] === "\r" && text[offset] === "\n") continue;
    assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
  }
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 7);
  assert.equal(lines.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(lines.lineEnd(1), text.indexOf("\n}"));
});

test("UTF-16 code units: an emoji counts as two characters", () => {
  const lines = new LineIndex('a => "😀"\nb');
  assert.deepEqual(lines.positionAt(8), { line: 0, character: 8 });
  assert.deepEqual(lines.positionAt(10), { line: 1, character: 0 });
});
