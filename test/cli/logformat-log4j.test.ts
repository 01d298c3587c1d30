/**
 * Real producers: the harness (tools/log4j-harness, built by scripts/setup-log4j.sh) logs a fixed set of
 * events through log4j 1.2.17 and log4j 2.24.3 layouts configured in log4j.properties and log4j2.xml. Each
 * file appender found by our config hosts gets its generated pipeline; the file goes through that
 * pipeline's codec and filters in the simulator, and every event must come out with exactly the values the
 * harness logged.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { getDialect } from "../../server/src/core/logformat/registry";
import { log4j1PropertiesHost, log4j2XmlHost } from "../../server/src/core/logformat/log4j/hosts";
import { isWholeDate, patternConverters } from "../../server/src/core/logformat/log4j/generate";
import { log4jData } from "../../server/src/core/logformat/log4j/dialect";
import type { EmbeddedFormat, LogWriter } from "../../server/src/core/logformat/types";
import { parseConfig } from "../../server/src/core/parse";
import { decodeLines, findInputCodec, formatJodaUtc, simulatePipeline, type JsonObject, type JsonValue } from "../../server/src/core/simulate";

const ROOT = join(import.meta.dirname, "..", "..");
const HARNESS = join(ROOT, "tools", "log4j-harness");
const BUILD = join(ROOT, ".tools", "log4j-harness");

interface Expected {
  i: number;
  time: number;
  level: string;
  logger: string;
  thread: string;
  message: string;
  mdc: Record<string, string>;
  ndc: string[];
  thrown?: { class: string; message: string; stackTrace: string };
}

let out: string;
let expected: Expected[];

before(() => {
  const missing = ["classes/Harness.class", "lib/log4j-1.2.17.jar", "lib/log4j-core-2.24.3.jar", "lib/jsonevent-layout-1.7.jar"].filter((f) => !existsSync(join(BUILD, f)));
  assert.deepEqual(missing, [], `log4j harness not built (run scripts/setup-log4j.sh): missing ${missing.join(", ")}`);
  out = mkdtempSync(join(tmpdir(), "logsmith-log4j-"));
  const sep = process.platform === "win32" ? ";" : ":";
  const run = spawnSync("java", ["-Dfile.encoding=UTF-8", "-Duser.timezone=UTC", "-cp", `${join(BUILD, "lib", "*")}${sep}${join(BUILD, "classes")}`, "Harness", out, HARNESS], { encoding: "utf8", timeout: 60_000 });
  assert.equal(run.status, 0, `harness failed: ${run.stderr}`);
  expected = readFileSync(join(out, "expected.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Expected);
  assert.equal(expected.length, 10);
});

after(() => rmSync(out, { recursive: true, force: true }));

function writers(): LogWriter[] {
  const v1 = readFileSync(join(HARNESS, "log4j.properties"), "utf8");
  const v2 = readFileSync(join(HARNESS, "log4j2.xml"), "utf8");
  const all = [
    ...log4j1PropertiesHost.scan({ uri: "file:///h/log4j.properties", languageId: "properties", text: v1 }).writers,
    ...log4j2XmlHost.scan({ uri: "file:///h/log4j2.xml", languageId: "xml", text: v2 }).writers,
  ];
  // filePattern writers name the rolled files, which the harness never produces.
  return all.filter((w) => !w.path.includes("*"));
}

function get(event: JsonObject, ref: string): JsonValue | undefined {
  let v: JsonValue | undefined = event;
  for (const part of ref.replace(/^\[|\]$/g, "").split("][")) v = v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject)[part] : undefined;
  return v;
}

async function runPipeline(format: EmbeddedFormat, file: string): Promise<JsonObject[]> {
  const dialect = getDialect(format.kind)!;
  const pipeline = parseConfig(dialect.generatePipeline(format.parsed, { ecs: true, path: file }));
  assert.deepEqual(pipeline.issues.filter((i) => i.severity === "error"), [], "generated pipeline parses");
  const lines = readFileSync(file, "utf8").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const events = decodeLines(findInputCodec(pipeline.config), lines, "v8");
  const result = await simulatePipeline(pipeline, events, { now: new Date(0) });
  assert.deepEqual(result.skipped, [], "every filter runs in the simulator");
  return result.events;
}

/** log4j's name abbreviations used by the harness configs. */
function abbreviate(name: string, option: string | undefined): string {
  if (!option) return name;
  const parts = name.split(".");
  if (/^\d+$/.test(option)) return parts.slice(-Number(option)).join(".");
  if (option === "1.") return parts.map((p, i) => (i < parts.length - 1 ? p.slice(0, 1) : p)).join(".");
  throw new Error(`abbreviation ${option} not modelled by the test`);
}

function ndcText(kind: string, layout: string, ndc: string[]): string {
  if (kind === "log4j2") return `[${ndc.join(", ")}]`;
  if (layout === "EnhancedPatternLayout" && ndc.length === 0) return "null";
  return ndc.join(" ");
}

/** What the one converter of a wrapper's sub-pattern (`%t`, `%x`, `%m`) wrote. */
function innerValue(kind: string, layout: string, sub: string, ev: Expected): string {
  if (sub === "%t") return ev.thread;
  if (sub === "%x") return ndcText(kind, layout, ev.ndc);
  if (sub === "%m") return ev.message;
  throw new Error(`sub-pattern ${sub} not modelled by the test`);
}

/** The expected value of one converter for one event, or undefined when the test does not model it. */
function expectedValue(kind: string, layout: string, conv: ReturnType<typeof patternConverters>[number], ev: Expected): JsonValue | undefined {
  const opt = conv.options[0]?.text;
  const fit = (s: string) => (Number.isFinite(conv.mods.max) && s.length > conv.mods.max ? (conv.mods.leftTruncate ? s.slice(s.length - conv.mods.max) : s.slice(0, conv.mods.max)) : s);
  switch (conv.name) {
    case "d":
    case "date":
      return conv.value.date![0] === "UNIX_MS" ? String(ev.time) : formatJodaUtc(new Date(ev.time), conv.value.date![0]);
    case "p":
    case "level":
      if (opt === "length=1") return ev.level.slice(0, 1);
      if (opt === "WARN=W, lowerCase=true") return ev.level === "WARN" ? "W" : ev.level.toLowerCase();
      return ev.level;
    case "replace":
      return innerValue(kind, layout, conv.options[0].text, ev).replace(new RegExp(conv.options[1].text, "g"), conv.options[2].text);
    case "equals": {
      const inner = innerValue(kind, layout, conv.options[0].text, ev);
      return inner === conv.options[1].text ? conv.options[2].text : inner;
    }
    case "maxLen": {
      const inner = innerValue(kind, layout, conv.options[0].text, ev);
      const n = Number(conv.options[1].text);
      return inner.length > n ? inner.slice(0, n) + (n > 20 ? "..." : "") : inner;
    }
    case "c":
    case "logger":
      return fit(abbreviate(ev.logger, kind === "log4j2" && opt && /^\d+$/.test(opt) && Number(opt) > 10 ? undefined : opt));
    case "t":
    case "thread":
      return ev.thread;
    case "m":
    case "msg":
    case "message":
      return ev.message;
    case "enc":
      return ev.message.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
    case "X":
      if (opt) return ev.mdc[opt] ?? "";
      return kind === "log4j2" ? `{${Object.keys(ev.mdc).sort().map((k) => `${k}=${ev.mdc[k]}`).join(", ")}}` : undefined;
    case "x":
    case "ndc":
      return ndcText(kind, layout, ev.ndc);
    case "C":
      return "Harness";
    case "M":
      return kind === "log4j2" ? "emitV2" : "emitV1";
    case "sn":
      return ev.i + 1;
    case "marker":
      return undefined;
    default:
      return undefined;
  }
}


test("every log4j file appender's events come out of the generated pipeline with the logged values", async () => {
  const found = writers();
  assert.equal(found.length, 13, `writers: ${found.map((w) => w.path).join(", ")}`);
  for (const w of found) {
    assert.ok(w.format, `${w.path} has a layout`);
    const file = w.path.replace(/\$\{(?:sys:)?logdir\}/, out);
    const format = w.format!;
    const label = `${format.kind} ${format.name} (${format.parsed.text})`;
    assert.deepEqual(format.parsed.issues.filter((i) => i.severity === "error"), [], `${label}: no errors`);
    const events = await runPipeline(format, file);
    assert.equal(events.length, expected.length, `${label}: one event per logged event`);
    const data = log4jData(format.parsed);
    events.forEach((event, i) => {
      const ev = expected[i];
      const at = `${label} event ${i}`;
      assert.ok(!(event.tags as string[] | undefined)?.some((t) => t.includes("failure")), `${at}: tags ${JSON.stringify(event.tags)} on ${JSON.stringify(event.message)}`);
      if (data.json) return checkJson(data.layout, event, ev, at);
      let sawTrace = false;
      for (const conv of patternConverters(format.parsed)) {
        if (conv.value.empty || !conv.value.field) continue;
        const field = conv.value.field.ecs;
        if (conv.value.throwable) {
          sawTrace = true;
          const trace = get(event, field);
          if (!ev.thrown) assert.equal(trace, undefined, `${at}: no stack trace`);
          else if (conv.name === "xEx") {
            // The extended trace adds jar and version to each frame: same lines, longer.
            const lines = String(trace).split("\n");
            const want = ev.thrown.stackTrace.trimEnd().split("\n");
            assert.equal(lines.length, want.length, `${at}: trace lines`);
            lines.forEach((l, k) => assert.ok(l.startsWith(want[k]), `${at}: trace line ${k}: ${l}`));
          } else assert.equal(trace, ev.thrown.stackTrace.trimEnd(), `${at}: stack trace`);
          continue;
        }
        const want = expectedValue(format.kind, data.layout, conv, ev);
        if (want === undefined) continue;
        const got = get(event, field);
        assert.deepEqual(got ?? "", want, `${at}: ${conv.key} → ${field}`);
        if (conv.value.date && isWholeDate(conv.value.date[0])) assert.equal(event["@timestamp"], new Date(ev.time).toISOString(), `${at}: @timestamp from ${conv.key}`);
      }
      if (ev.thrown && !data.nodes?.some((n) => n.t === "conv" && n.value.empty)) assert.ok(sawTrace, `${at}: trace captured`);
    });
  }
});

function checkJson(layout: string, event: JsonObject, ev: Expected, at: string): void {
  const iso = new Date(ev.time).toISOString();
  if (layout === "JSONEventLayoutV1") {
    assert.equal(event["@timestamp"], iso, at);
    assert.equal(event.message, ev.message, at);
    assert.equal(event.level, ev.level, at);
    assert.equal(event.logger_name, ev.logger, at);
    assert.equal(event.thread_name, ev.thread, at);
    assert.deepEqual(event.mdc, ev.mdc, at);
    assert.equal(event.ndc, ev.ndc.length ? ev.ndc.join(" ") : undefined, at);
    assert.equal(event.method, "emitV1", at);
    if (ev.thrown) {
      assert.equal(get(event, "[exception][exception_class]"), ev.thrown.class, at);
      assert.equal(get(event, "[exception][exception_message]"), ev.thrown.message, at);
      assert.equal(get(event, "[exception][stacktrace]"), ev.thrown.stackTrace.trimEnd(), at);
    } else assert.equal(event.exception, undefined, at);
  } else if (layout === "JsonLayout") {
    // The date filter reads epochSecond: second precision.
    assert.equal(event["@timestamp"], new Date(Math.floor(ev.time / 1000) * 1000).toISOString(), at);
    assert.equal(get(event, "[instant][nanoOfSecond]"), (ev.time % 1000) * 1_000_000, at);
    assert.equal(event.message, ev.message, at);
    assert.equal(event.level, ev.level, at);
    assert.equal(event.loggerName, ev.logger, at);
    assert.equal(event.thread, ev.thread, at);
    assert.deepEqual(event.contextMap, ev.mdc, at);
    assert.deepEqual(event.contextStack, ev.ndc.length ? ev.ndc : undefined, at);
    assert.equal(get(event, "[thrown][name]"), ev.thrown?.class, at);
    assert.equal(get(event, "[thrown][message]"), ev.thrown?.message, at);
  } else {
    assert.equal(event["@timestamp"], iso, at);
    assert.equal(event.message, ev.message, at);
    assert.equal(get(event, "[log][level]"), ev.level, at);
    assert.equal(get(event, "[log][logger]"), ev.logger, at);
    assert.equal(get(event, "[process][thread][name]"), ev.thread, at);
    for (const [k, v] of Object.entries(ev.mdc)) assert.equal(event[k], v, `${at}: MDC ${k}`);
    assert.deepEqual(event.tags, ev.ndc.length ? ev.ndc : undefined, at);
    assert.equal(get(event, "[error][type]"), ev.thrown?.class, at);
    assert.equal(get(event, "[error][message]"), ev.thrown?.message, at);
    // The template writes printStackTrace whole, final line break included.
    assert.equal(get(event, "[error][stack_trace]"), ev.thrown?.stackTrace, at);
  }
}
