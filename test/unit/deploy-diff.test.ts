import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { unifiedDiff } from "../../server/src/remote/deploy/diff";

test("GNU patch applies the diff and turns the old text into the new one", () => {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-diff-"));
  try {
    const line = fc.constantFrom("input {", "}", "  beats { port => 5044 }", "filter {", "# note", "");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
        const a = x.map((s) => s + "\n").join("");
        const b = y.map((s) => s + "\n").join("");
        const d = unifiedDiff(a, b, "a/p.conf", "b/p.conf");
        if (a === b) return d === "";
        writeFileSync(join(dir, "p.conf"), a);
        writeFileSync(join(dir, "d.patch"), d);
        execFileSync("patch", ["-s", "-p1", "-i", "d.patch"], { cwd: dir });
        return readFileSync(join(dir, "p.conf"), "utf8") === b;
      }),
      { numRuns: 200 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("hunk headers count lines like diff -u", () => {
  const d = unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "old", "new");
  assert.equal(d, "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  assert.equal(unifiedDiff("", "x\n", "old", "new"), "--- old\n+++ new\n@@ -0,0 +1,1 @@\n+x\n");
});
