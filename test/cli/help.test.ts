import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

// Runs the bundle: `npm run build` first (npm test does).
const CLI = join(fileURLToPath(new URL("../..", import.meta.url)), "dist/cli.cjs");
const COMMANDS = ["check", "fmt", "catalog", "grok", "simulate", "logformat", "test", "deploy", "rollback", "query", "redis-peek", "central-deploy"];

for (const locale of ["en", "ko"]) {
  test(`logsmith --help (${locale}) lists every command`, () => {
    const r = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8", env: { ...process.env, LOGSMITH_LOCALE: locale } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, locale === "ko" ? /^사용법: logsmith/ : /^Usage: logsmith/);
    // A command is listed when a line of the command list starts with it.
    const listed = new Set(r.stdout.split("\n").map((l) => /^ {2}([a-z-]+)\b/.exec(l)?.[1]).filter(Boolean));
    assert.deepEqual(COMMANDS.filter((c) => !listed.has(c)), []);
    for (const flag of ["--patterns-path", "--pipelines"]) assert.ok(r.stdout.includes(flag), flag);
  });
}
