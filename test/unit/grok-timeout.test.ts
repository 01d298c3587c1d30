import assert from "node:assert/strict";
import { after, test } from "node:test";
import { closeGrokWorkers, GrokWorkerError, GrokWorkerRunner, matchWithTimeout } from "../../server/src/core/grok";

after(() => closeGrokWorkers());

// Oniguruma stops one match attempt after 10M backtracking steps and reports no match, so a single
// run of "a"s followed by "b" fails fast. Many shorter runs stay under that limit at each start
// position and together take minutes: the catastrophic case Logstash's timeout exists for.
const CATASTROPHIC_LINE = ("a".repeat(21) + "b").repeat(3000);

test("a catastrophic pattern times out without freezing the caller: tag _groktimeout, no failure tag", async () => {
  const started = Date.now();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  const result = await matchWithTimeout({ message: CATASTROPHIC_LINE }, { match: { message: "(a+)+$" } }, 400);
  clearInterval(timer);
  const elapsed = Date.now() - started;
  assert.equal(result.timedOut, true);
  assert.equal(result.matched, false);
  assert.deepEqual(result.event.tags, ["_groktimeout"]);
  assert.ok(elapsed < 10000, `took ${elapsed} ms`);
  // The event loop kept running while the worker was busy.
  assert.ok(ticks >= 5, `only ${ticks} ticks`);
});

test("in a batch only the runaway event times out; the others are matched", async () => {
  const runner = new GrokWorkerRunner({ match: { message: ["(a+)+$", "%{INT:n}"] }, timeout_millis: 300, tag_on_timeout: "slow" });
  try {
    const events = [{ message: "1" }, { message: CATASTROPHIC_LINE }, { message: "2" }, { message: "aaa" }];
    const results = await runner.run(events);
    assert.deepEqual(
      results.map((r) => [r.matched, r.timedOut, r.event.n ?? null, r.event.tags ?? null]),
      [
        [true, false, "1", null],
        [false, true, null, ["slow"]],
        [true, false, "2", null],
        [true, false, null, null],
      ],
    );
  } finally {
    runner.close();
  }
});

test("a pattern that does not compile is reported by the worker runner", async () => {
  const runner = new GrokWorkerRunner({ match: { message: "%{NOSUCHPATTERN}" } });
  await assert.rejects(runner.run([{ message: "x" }]), (e: Error) => e instanceof GrokWorkerError && /NOSUCHPATTERN/.test(e.message));
  runner.close();
});

test("fast patterns return through the worker with captures intact", async () => {
  const r = await matchWithTimeout({ message: "GET /x 200" }, { match: { message: "%{WORD:verb} %{URIPATH:path} %{INT:status:int}" } });
  assert.deepEqual(r.event, { message: "GET /x 200", verb: "GET", path: "/x", status: 200 });
  assert.equal(r.timedOut, false);
});
