import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

// Runs the bundle: `npm run build` first (npm test does).
const CLI = join(fileURLToPath(new URL("../..", import.meta.url)), "dist/cli.cjs");
const tmp = mkdtempSync(join(tmpdir(), "logsmith-patterns-path-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

mkdirSync(join(tmp, "patterns"));
writeFileSync(join(tmp, "patterns", "tickets"), "TICKET TK-%{INT}\n");
const pipeline = join(tmp, "tickets.conf");
writeFileSync(pipeline, 'filter {\n  grok { match => { "message" => "^%{TICKET:ticket}$" } }\n}\n');
writeFileSync(join(tmp, "tickets.test.yaml"), 'ignore: ["@timestamp"]\ntestcases:\n  - input: ["TK-12"]\n    expected:\n      - { message: TK-12, ticket: TK-12 }\n');

const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", cwd: tmp });

test("check --patterns-path: the custom pattern is known; without it, it is reported", () => {
  const bare = run(["check", "--format", "json", pipeline]);
  assert.equal(bare.status, 1, bare.stderr);
  assert.match(bare.stdout, /grok-unknown-pattern/);
  const withPath = run(["check", "--patterns-path", join(tmp, "patterns"), pipeline]);
  assert.equal(withPath.status, 0, withPath.stdout + withPath.stderr);
  assert.equal(run(["check", "--patterns-path", join(tmp, "nowhere"), pipeline]).status, 2);
});

test("simulate --patterns-path: grok matches with the custom pattern", () => {
  const r = run(["simulate", pipeline, "--patterns-path=patterns"], "TK-7\n");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout.trim()).ticket, "TK-7");
  const bare = run(["simulate", pipeline], "TK-7\n");
  assert.equal(JSON.parse(bare.stdout.trim()).ticket, undefined);
});

test("test --patterns-path: the case passes with the patterns, is skipped without", () => {
  const r = run(["test", "--patterns-path", "patterns", "tickets.test.yaml"]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /1 passed/);
  // Without them grok cannot compile, so the case is skipped with the reason.
  const bare = run(["test", "tickets.test.yaml"]);
  assert.match(bare.stdout, /Unknown grok pattern `TICKET`/);
  assert.match(bare.stdout, /0 passed/);
});
