/**
 * Pipeline tests end to end (issue #8): 200 Logstash Filter Verifier cases in 10 YAML/JSON files over a
 * generated 1,000-line pipeline, through the bundled CLI (`logsmith test --format junit`), a fresh
 * process each run. Target < 2 s. Also prints the in-process split (read + parse once, run cases).
 * Run after `npm run build`: node --import tsx bench/pipelineTests.bench.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { runTestFile, type CompiledPipeline, type PathKind, type TestHost } from "../server/src/core/pipelineTest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const BLOCKS = 100;
const CASES = 200;
const FAILING = 10;

/** Ten lines per block: a branch per log type with grok, mutate and kv, all of which the simulator runs. */
function pipeline(): string {
  const out = ["filter {"];
  for (let i = 0; i < BLOCKS; i++) {
    out.push(
      `  ${i ? "else " : ""}if [type] == "app_${i}" {`,
      `    grok { id => "grok_${i}" match => { "message" => "%{IPORHOST:client} %{WORD:method} %{URIPATH:path}(?:\\?%{NOTSPACE:query})? %{NUMBER:status:int} %{NUMBER:bytes:int}" } }`,
      `    kv { id => "kv_${i}" source => "query" field_split => "&" target => "params" }`,
      `    mutate {`,
      `      id => "mutate_${i}"`,
      `      lowercase => [ "method" ]`,
      `      add_field => { "service" => "svc_${i}" "[@metadata][index]" => "logs-${i}" }`,
      `      add_tag => [ "app_${i}" ]`,
      `    }`,
      `  }`,
    );
  }
  out.push("}");
  return out.join("\n") + "\n";
}

function testCase(n: number): { input: string[]; expected: object[]; description: string } {
  const block = (n * 37) % BLOCKS;
  const line = `10.0.${n % 256}.${block} GET /api/v${n}/items?id=${n}&page=2 200 ${n * 10}`;
  const event = {
    type: `app_${block}`,
    message: line,
    client: `10.0.${n % 256}.${block}`,
    method: "get",
    path: `/api/v${n}/items`,
    query: `id=${n}&page=2`,
    params: { id: String(n), page: "2" },
    status: 200,
    bytes: n * 10,
    service: `svc_${block}`,
    tags: [`app_${block}`],
  };
  // A few deliberate failures so the diff and divergence paths are part of the figure.
  if (n < FAILING) event.status = 201;
  return { description: `case ${n} via app_${block}`, input: [line], expected: [event] };
}

// LOGSMITH_BENCH_KEEP=1 keeps the generated suite for profiling (`node --cpu-prof dist/cli.cjs test …`).
const dir = mkdtempSync(join(tmpdir(), "logsmith-bench-tests-"));
try {
  const pipelineText = pipeline();
  writeFileSync(join(dir, "main.conf"), pipelineText);
  const perFile = CASES / 10;
  for (let f = 0; f < 10; f++) {
    const cases = Array.from({ length: perFile }, (_, k) => testCase(f * perFile + k));
    // Per-case `fields` (daemon format) give each case its log type.
    const withType = { ignore: ["@timestamp"], testcases: cases.map((c) => ({ description: c.description, fields: { type: (c.expected[0] as { type: string }).type }, input: c.input, expected: c.expected })) };
    if (f % 2) writeFileSync(join(dir, `suite${f}.test.json`), JSON.stringify(withType, null, 2));
    else writeFileSync(join(dir, `suite${f}.test.yaml`), toYaml(withType));
  }
  console.log(`pipeline: ${pipelineText.split("\n").length - 1} lines, ${BLOCKS} branches; ${CASES} cases in 10 files (${FAILING} failing on purpose)`);

  // In process: where the time goes.
  const host: TestHost = {
    readFile: (p) => readFileSync(p, "utf8"),
    kind: (p): PathKind => (statSync(p, { throwIfNoEntry: false })?.isDirectory() ? "directory" : statSync(p, { throwIfNoEntry: false }) ? "file" : undefined),
    readDir: (p) => readdirSync(p),
  };
  const files = readdirSync(dir).filter((f) => f.includes(".test.")).map((f) => join(dir, f));
  for (let round = 0; round < 2; round++) {
    const cache = new Map<string, CompiledPipeline>();
    const t0 = performance.now();
    let cases = 0;
    let failed = 0;
    for (const file of files) {
      const { result } = await runTestFile(file, host, { pipeline: join(dir, "main.conf"), cache });
      cases += result.cases.length;
      failed += result.cases.filter((c) => c.status === "failed").length;
    }
    const ms = performance.now() - t0;
    console.log(`in process (${round ? "warm" : "cold"}): ${cases} cases, ${failed} failed, ${ms.toFixed(0)} ms (${(ms / cases).toFixed(2)} ms/case)`);
    if (failed !== FAILING || cases !== CASES) throw new Error(`expected ${CASES} cases with ${FAILING} failures, got ${cases} and ${failed}`);
  }

  // End to end through the CLI bundle, fresh process each time.
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, "test", "--format", "junit", "--pipeline", join(dir, "main.conf"), dir], { encoding: "utf8" });
    samples.push(performance.now() - t0);
    if (r.status !== 1 || !r.stdout.includes(`tests="${CASES}" failures="${FAILING}"`)) throw new Error(`unexpected CLI result ${r.status}: ${r.stderr}${r.stdout.slice(0, 300)}`);
  }
  samples.sort((a, b) => a - b);
  const median = samples[2];
  console.log(`logsmith test (CLI, end to end): median ${median.toFixed(0)} ms, min ${samples[0].toFixed(0)} ms, max ${samples[4].toFixed(0)} ms (target < 2000 ms) -> ${median < 2000 ? "OK" : "MISSED"}`);
} finally {
  if (process.env.LOGSMITH_BENCH_KEEP) console.log(`suite kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

/** Just enough YAML for these suites: strings quoted as JSON, which YAML reads unchanged. */
function toYaml(value: unknown, indent = ""): string {
  if (Array.isArray(value)) return value.map((v) => `${indent}- ${toYaml(v, indent + "  ").trimStart()}`).join("\n") + "\n";
  if (value && typeof value === "object") {
    return Object.entries(value).map(([k, v]) => {
      if (v && typeof v === "object" && (Array.isArray(v) ? v.length : Object.keys(v).length)) return `${indent}${JSON.stringify(k)}:\n${toYaml(v, indent + "  ")}`;
      return `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)}\n`;
    }).join("");
  }
  return JSON.stringify(value) + "\n";
}
