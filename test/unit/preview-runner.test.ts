import assert from "node:assert/strict";
import { after, test } from "node:test";
import { PreviewRunner } from "../../server/src/core/preview/runner";
import type { GrokPreview } from "../../server/src/core/preview";

// Oniguruma gives up one attempt after 10M backtracking steps, so one long run fails fast; many
// shorter runs stay under that limit at each start position and together take minutes.
const CATASTROPHIC = ("a".repeat(21) + "b").repeat(3000);
const runner = new PreviewRunner({ attemptLimitMs: 300 });
after(() => runner.close());

const env = { ecsDefault: "disabled" as const, readFiles: true };
const config = (pattern: string) => `filter { grok { match => { "message" => ${JSON.stringify(pattern)} } } }`;

test("preview runner: a catastrophic line is cut off with a message; the lines after it are still previewed", async () => {
  const t0 = Date.now();
  const r = await runner.run(config("(a+)+$"), { kind: "grok", index: 0 }, ["aaa", CATASTROPHIC, "aa"], env);
  // The line alone takes minutes; two worker starts (from TypeScript sources) take a few seconds on a busy machine.
  assert.ok(Date.now() - t0 < 20_000, `the watchdog stopped the worker (${Date.now() - t0} ms)`);
  assert.equal(r.kind, "grok");
  const lines = (r as GrokPreview).lines;
  assert.deepEqual(lines.map((l) => l.matched), [true, false, true]);
  assert.equal(lines[1].timedOut, true);
  assert.match(lines[1].reason!, /Line 2 took longer than 300 ms/);
  assert.equal(r.timeout!.line, 1);
});

test("preview runner: the worker survives a timeout and answers the next request", async () => {
  const r = await runner.run(config("%{WORD:w}"), { kind: "grok", index: 0 }, ["hello"], env);
  assert.deepEqual((r as GrokPreview).lines[0].changes.map((c) => [c.field, c.after]), [["[w]", "hello"]]);
  assert.equal(r.timeout, undefined);
});

test("preview runner: a request cancelled while it waits for the worker is skipped; one cancelled later still answers", async () => {
  let cancelled = false;
  const lines = Array.from({ length: 300 }, (_, i) => `word${i}`);
  const first = runner.run(config("%{WORD:w}"), { kind: "grok", index: 0 }, lines, env);
  const queued = runner.run(config("%{WORD:x}"), { kind: "grok", index: 0 }, lines, env, () => cancelled);
  cancelled = true;
  const [a, b] = await Promise.all([first, queued]);
  assert.equal((a as GrokPreview).lines.length, 300);
  assert.deepEqual(b, { kind: "none" });
  // Asked but not cancelled by its turn: runs as usual.
  const c = await runner.run(config("%{WORD:x}"), { kind: "grok", index: 0 }, ["hi"], env, () => false);
  assert.equal((c as GrokPreview).lines[0].matched, true);
});
