import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

// Runs the bundle: `npm run build` first (npm test does).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const tmp = mkdtempSync(join(tmpdir(), "logsmith-grok-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function grok(input: string, ...args: string[]) {
  // Run from another directory so the bundle finds onig.wasm and its worker beside itself.
  const r = spawnSync(process.execPath, [CLI, "grok", ...args], { cwd: tmp, input, encoding: "utf8", timeout: 60000 });
  const lines = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
}

const APACHE = '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"';

test("one JSON object per input line: matched, pattern index, fields (nested, typed)", () => {
  const r = grok(`${APACHE}\nnot a log line\n`, "--pattern", "%{COMBINEDAPACHELOG}", "--ecs-compatibility", "v1");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines.length, 2);
  const [hit, miss] = r.lines;
  assert.equal(hit.matched, true);
  assert.equal(hit.pattern, 0);
  assert.deepEqual(hit.fields.source, { address: "127.0.0.1" });
  assert.deepEqual(hit.fields.http.response, { status_code: 200, body: { bytes: 2326 } });
  assert.equal(hit.fields.url.original, "/apache_pb.gif");
  assert.equal(hit.fields.message, undefined);
  assert.deepEqual(miss, { matched: false, pattern: null, fields: { tags: ["_grokparsefailure"] } });
});

test("legacy set, several patterns, and an array where a capture lands on message", () => {
  const r = grok(
    `${APACHE}\n55.3.244.1 GET /index.html 15824 0.043\nhello world`,
    "--ecs-compatibility", "disabled",
    "--pattern", "%{COMMONAPACHELOG}",
    "--pattern", "%{IP:client} %{WORD:method} %{URIPATHPARAM:request} %{NUMBER:bytes:int} %{NUMBER:duration:float}",
    "--pattern", "%{WORD:first} %{GREEDYDATA:message}",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines[0].pattern, 0);
  assert.equal(r.lines[0].fields.clientip, "127.0.0.1");
  assert.equal(r.lines[0].fields.bytes, "2326");
  assert.deepEqual(r.lines[1], {
    matched: true,
    pattern: 1,
    fields: { client: "55.3.244.1", method: "GET", request: "/index.html", bytes: 15824, duration: 0.043 },
  });
  assert.deepEqual(r.lines[2].fields, { first: "hello", message: ["hello world", "world"] });
});

test("--patterns-dir and --pattern-definitions add patterns; definitions win", () => {
  const dir = join(tmp, "patterns");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "mine"), "# ticket ids\nTICKET [A-Z]+-\\d+\nPRIO P[0-9]\n");
  const r = grok("FOO-12 P1\n", "--patterns-dir", dir, "--pattern-definitions", '{"PRIO":"P[0-3]?"}', "--pattern", "%{TICKET:ticket} %{PRIO:prio}");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines[0].fields, { ticket: "FOO-12", prio: "P1" });
  const definitionsWin = grok("FOO-12 P1\n", "--patterns-dir", dir, "--pattern-definitions", '{"PRIO":"P"}', "--pattern", "%{TICKET:ticket} %{PRIO:prio}");
  assert.equal(definitionsWin.lines[0].fields.prio, "P");
});

test("an unknown pattern or bad usage exits 2 with a message", () => {
  const unknown = grok("x\n", "--pattern", "%{NOSUCH:x}");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown grok pattern `NOSUCH`/);
  assert.equal(grok("x\n").code, 2);
  assert.equal(grok("x\n", "--pattern", "x", "--ecs-compatibility", "v2").code, 2);
});

test("a runaway line times out (tag _groktimeout) and the following lines still match", () => {
  const runaway = ("a".repeat(21) + "b").repeat(3000);
  const started = Date.now();
  const r = grok(`1\n${runaway}\n2\n`, "--timeout-millis", "300", "--pattern", "(a+)+$", "--pattern", "%{INT:n:int}");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines, [
    { matched: true, pattern: 1, fields: { n: 1 } },
    { matched: false, pattern: null, fields: { tags: ["_groktimeout"] } },
    { matched: true, pattern: 1, fields: { n: 2 } },
  ]);
  assert.ok(Date.now() - started < 20000);
});

test("many lines stream through in order, non-ASCII included, no trailing newline needed", () => {
  const input = Array.from({ length: 2500 }, (_, i) => `ü${i} ${i % 7 ? "x" : ""}`).join("\n");
  const r = grok(input, "--pattern", "^ü%{INT:i:int} (?<rest>x)?$");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines.length, 2500);
  r.lines.forEach((line, i) => assert.deepEqual(line.fields, i % 7 ? { i, rest: "x" } : { i }));
});

test("[@metadata] captures are not printed (not part of an event's serialised form); --target nests every capture", () => {
  const meta = grok("abc 12\n", "--pattern", "%{WORD:[@metadata][w]} %{INT:n:int}");
  assert.equal(meta.code, 0, meta.stderr);
  assert.deepEqual(meta.lines[0].fields, { n: 12 });
  // Under a target, [@metadata] is an ordinary nested key: [parsed][@metadata][w].
  const r = grok("abc 12\n", "--pattern", "%{WORD:[@metadata][w]} %{INT:n:int}", "--target", "parsed");
  assert.deepEqual(r.lines[0].fields, { parsed: { "@metadata": { w: "abc" }, n: 12 } });
});

test("lines are answered as they arrive, before stdin ends (tail -f | logsmith grok)", async () => {
  const child = spawn(process.execPath, [CLI, "grok", "--pattern", "%{WORD:w} %{INT:n:int}"], { cwd: tmp, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  const lineCount = () => out.split("\n").filter(Boolean).length;
  const until = async (n: number) => {
    const deadline = Date.now() + 30_000;
    while (lineCount() < n) {
      assert.ok(Date.now() < deadline, `waited for output line ${n}; got: ${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    child.stdin.write("first 1\n");
    await until(1);
    child.stdin.write("second 2\n");
    await until(2);
    child.stdin.end();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    assert.equal(code, 0);
    assert.deepEqual(out.trim().split("\n").map((l) => JSON.parse(l).fields), [{ w: "first", n: 1 }, { w: "second", n: 2 }]);
  } finally {
    child.kill();
  }
});
