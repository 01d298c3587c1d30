#!/usr/bin/env node
// Grok throughput on 100,000 generated Apache combined log lines with %{COMBINEDAPACHELOG}
// (ecs_compatibility v8, Logstash 8+'s default): matching alone in-process, the whole
// `logsmith grok` process (dist/cli.cjs: run `npm run build` first), and a hand-written JavaScript
// RegExp doing the same job (same fields, same :int conversions), in the same run.
// Usage: node bench/grok.mjs [lines]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { register } from "tsx/esm/api";

register();
const { GrokFilter, initOniguruma } = await import("../server/src/core/grok/index.ts");

const N = Number(process.argv[2] ?? 100000);

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(42);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PATHS = ["/", "/index.html", "/images/logo.png", "/api/v1/orders", "/search", "/static/app.js", "/blog/2024/05/grok-tips", "/favicon.ico"];
const AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "curl/8.5.0",
  "Googlebot/2.1 (+http://www.google.com/bot.html)",
  "-",
];
function line() {
  const ip = rand() < 0.9 ? `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}` : `host-${int(1, 999)}.example.net`;
  const user = rand() < 0.8 ? "-" : pick(["frank", "alice", "bob.smith", "svc_backup"]);
  const ts = `${String(int(1, 28)).padStart(2, "0")}/${pick(MONTHS)}/20${int(10, 25)}:${String(int(0, 23)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")} ${pick(["+0000", "-0700", "+0900"])}`;
  const path = pick(PATHS) + (rand() < 0.3 ? `?q=${int(1, 99999)}&page=${int(1, 20)}` : "");
  const req = `${pick(["GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD"])} ${path} HTTP/${pick(["1.0", "1.1", "2.0"])}`;
  const status = pick([200, 200, 200, 301, 304, 404, 500]);
  const bytes = rand() < 0.1 ? "-" : String(int(0, 500000));
  const ref = rand() < 0.5 ? "-" : `https://www.example.com${pick(PATHS)}`;
  return `${ip} - ${user} [${ts}] "${req}" ${status} ${bytes} "${ref}" "${pick(AGENTS)}"`;
}
const lines = Array.from({ length: N }, line);

import { handWritten } from "./grok-native.mjs";

await initOniguruma();
const filter = new GrokFilter({ match: { message: "%{COMBINEDAPACHELOG}" }, ecs_compatibility: "v8" });

// Same results first, or the comparison means nothing.
const canon = (v) => JSON.stringify(v, (k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
for (const l of lines.slice(0, 2000)) {
  const a = filter.apply({ message: l }).event;
  const b = { message: l, ...handWritten(l).fields };
  if (canon(a) !== canon(b)) throw new Error(`hand-written RegExp differs on ${l}\n${canon(a)}\n${canon(b)}`);
}

function time(fn) {
  fn(lines.slice(0, 5000)); // warm-up
  const t = performance.now();
  fn(lines);
  return (performance.now() - t) / 1000;
}
const grokSec = time((ls) => {
  for (const l of ls) filter.apply({ message: l }, { lean: true });
});
const jsSec = time((ls) => {
  for (const l of ls) handWritten(l);
});

// Whole processes, spawn to exit, same input, same output lines: `logsmith grok` and a process
// running the hand-written RegExp (bench/grok-native.mjs). Best of 3 each, alternating.
const input = lines.join("\n") + "\n";
function runProcess(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { input, maxBuffer: 1 << 30, encoding: "utf8" });
  const sec = (performance.now() - t) / 1000;
  const out = r.stdout.trimEnd().split("\n");
  if (r.status !== 0 || out.length !== N || !out.every((o) => o.startsWith('{"matched":true'))) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { sec, out };
}
let cliSec = null;
let nativeSec = null;
if (existsSync("dist/cli.cjs")) {
  for (let round = 0; round < 3; round++) {
    const cli = runProcess(["dist/cli.cjs", "grok", "--pattern", "%{COMBINEDAPACHELOG}"]);
    const native = runProcess([new URL("./grok-native.mjs", import.meta.url).pathname]);
    if (round === 0) {
      const differ = cli.out.findIndex((o, i) => canon(JSON.parse(o)) !== canon(JSON.parse(native.out[i])));
      if (differ >= 0) throw new Error(`process outputs differ on line ${differ + 1}:\n${cli.out[differ]}\n${native.out[differ]}`);
    }
    cliSec = Math.min(cliSec ?? Infinity, cli.sec);
    nativeSec = Math.min(nativeSec ?? Infinity, native.sec);
  }
}

const rate = (sec) => `${Math.round(N / sec).toLocaleString("en")} lines/s`;
console.log(`grok %{COMBINEDAPACHELOG}, ${N.toLocaleString("en")} lines, node ${process.version}`);
console.log(`  matching (GrokFilter on Oniguruma, in-process): ${rate(grokSec)}  (${grokSec.toFixed(2)} s; target >= 250,000)`);
console.log(`  hand-written JavaScript RegExp, same fields:    ${rate(jsSec)}  (${jsSec.toFixed(2)} s)`);
console.log(`  ratio grok / RegExp:                            ${(jsSec / grokSec).toFixed(2)}x the RegExp's speed (${(grokSec / jsSec).toFixed(1)}x slower)`);
if (cliSec !== null) {
  console.log(`  whole \`logsmith grok\` process (spawn to exit): ${rate(cliSec)}  (${cliSec.toFixed(2)} s)`);
  console.log(`  whole hand-written RegExp process, same output: ${rate(nativeSec)}  (${nativeSec.toFixed(2)} s)`);
  console.log(`  ratio process / RegExp process:                 ${(nativeSec / cliSec).toFixed(2)}x (target >= 0.5)`);
} else console.log("  whole process: skipped, run `npm run build` first");
