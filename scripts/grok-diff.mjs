#!/usr/bin/env node
// Differential check of Logsmith's grok engine against Elasticsearch's grok library (Joni), the
// Java implementation closest to Logstash's. For every pattern name of both built-in sets it
// matches sample lines (the upstream specs' lines where there are some, plus lines generated from
// the pattern's regex) with `%{NAME:sample}` in both engines, then reports agreement and every
// difference, classified. Usage: node scripts/grok-diff.mjs [--out report.json] [--samples N]
// Needs Java 17 and Maven (the harness is tools/grok-diff); run from the repository root.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const grok = await import("../server/src/core/grok/index.ts");
const { toOnigurumaAst } = await import("oniguruma-parser");
const { scanNamedGroups } = await import("../server/src/core/grok/regexScan.ts");

const args = process.argv.slice(2);
const outPath = args.includes("--out") ? args[args.indexOf("--out") + 1] : null;
const perPattern = args.includes("--samples") ? Number(args[args.indexOf("--samples") + 1]) : 3;
const SETS = ["legacy", "ecs-v1"];
const ECS = { legacy: "disabled", "ecs-v1": "v1" };

// ---- the Java harness ------------------------------------------------------------------------
const HARNESS = "tools/grok-diff";
function buildHarness() {
  const cpFile = join(HARNESS, "target/classpath.txt");
  if (!existsSync(cpFile)) {
    const mvnArgs = ["-q", "-f", join(HARNESS, "pom.xml"), "dependency:build-classpath", `-Dmdep.outputFile=${join(process.cwd(), cpFile)}`];
    try {
      execFileSync("mvn", ["-o", ...mvnArgs], { stdio: "inherit" });
    } catch {
      execFileSync("mvn", mvnArgs, { stdio: "inherit" });
    }
  }
  const cp = readFileSync(cpFile, "utf8").trim();
  execFileSync("javac", ["-d", join(HARNESS, "target/classes"), "-cp", cp, join(HARNESS, "src/main/java/logsmith/GrokDiff.java")], { stdio: "inherit" });
  return `${join(HARNESS, "target/classes")}:${cp}`;
}

function startHarness(classpath, bankDir) {
  const child = spawn("java", ["-cp", classpath, "logsmith.GrokDiff", bankDir], { stdio: ["pipe", "pipe", "inherit"] });
  let buffer = "";
  const waiting = [];
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      waiting.shift()(JSON.parse(line));
    }
  });
  const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
  return {
    ask(fields) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(fields.map((f, i) => (i >= 3 || (fields[0] === "MATCH" && i >= 3) ? b64(f) : f)).join("\t") + "\n");
      });
    },
    close: () => child.stdin.end(),
  };
}

// ---- sample lines generated from a pattern's regex ---------------------------------------------
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const POOL = ["a", "Z", "0", "7", " ", "-", ".", "/", ":", "_", "x", "=", "@", "\t", ",", "[", "]", "\"", "%"];
function setHas(kind, value, ch) {
  const c = ch.codePointAt(0);
  switch (kind) {
    case "digit": return /[0-9]/.test(ch);
    case "word": return /\w/.test(ch);
    case "space": return /\s/.test(ch);
    case "hex": return /[0-9a-fA-F]/.test(ch);
    case "any": case "dot": return ch !== "\n" || kind === "any";
    case "posix": {
      const m = { alpha: /[a-zA-Z]/, alnum: /[a-zA-Z0-9]/, digit: /[0-9]/, space: /\s/, upper: /[A-Z]/, lower: /[a-z]/, punct: /[!-\/:-@\[-`{-~]/, print: /[ -~]/, graph: /[!-~]/, xdigit: /[0-9a-fA-F]/, word: /\w/, blank: /[ \t]/, cntrl: /[\x00-\x1f]/ }[value];
      return m ? m.test(ch) : c < 128;
    }
    default: return /[a-zA-Z]/.test(ch);
  }
}
function inClass(node, ch) {
  let hit;
  if (node.type === "Character") return String.fromCodePoint(node.value) === ch;
  if (node.type === "CharacterClassRange") return ch.codePointAt(0) >= node.min.value && ch.codePointAt(0) <= node.max.value;
  if (node.type === "CharacterSet") hit = setHas(node.kind, node.value, ch);
  else if (node.type === "CharacterClass")
    hit = node.kind === "intersection" ? node.body.every((n) => inClass(n, ch)) : node.body.some((n) => inClass(n, ch));
  else hit = false;
  return node.negate ? !hit : hit;
}
const SET_SAMPLE = { digit: "0123456789", word: "abcxyzAZ09_", space: " ", hex: "09afAF", any: "xq-", dot: "xq-", newline: "\n" };
function generate(node, rand, out) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  switch (node.type) {
    case "Regex": case "Group": case "CapturingGroup":
      return generate(pick(node.body), rand, out);
    case "Alternative":
      for (const el of node.body) generate(el, rand, out);
      return;
    case "Character":
      out.push(String.fromCodePoint(node.value));
      return;
    case "CharacterSet":
      if (node.negate || node.kind === "posix" || node.kind === "property") out.push(pick(POOL.filter((c) => inClass(node, c))) ?? "a");
      else out.push(pick([...(SET_SAMPLE[node.kind] ?? "a")]));
      return;
    case "CharacterClass": {
      if (node.negate || node.kind === "intersection") {
        out.push(pick(POOL.filter((c) => inClass(node, c))) ?? "a");
        return;
      }
      const el = pick(node.body);
      if (el.type === "CharacterClassRange") out.push(String.fromCodePoint(el.min.value + Math.floor(rand() * (el.max.value - el.min.value + 1))));
      else generate(el, rand, out);
      return;
    }
    case "Quantifier": {
      const max = Math.min(node.max, node.min + 3);
      const n = node.min + Math.floor(rand() * (max - node.min + 1));
      for (let i = 0; i < n; i++) generate(node.body, rand, out);
      return;
    }
    default:
      return; // assertions, lookarounds, backreferences, flags: nothing to emit
  }
}
function generatedLines(regex, count, seed) {
  let k = 0;
  const { renamed } = scanNamedGroups(regex, () => `g${k++}`);
  let ast;
  try {
    ast = toOnigurumaAst(renamed, { rules: { captureGroup: false } });
  } catch {
    return [];
  }
  const rand = rng(seed);
  const lines = new Set();
  for (let i = 0; i < count * 4 && lines.size < count; i++) {
    const out = [];
    generate(ast, rand, out);
    const line = out.join("");
    if (line.length < 4000 && !line.includes("\n")) lines.add(line);
  }
  return [...lines];
}

// ---- comparison --------------------------------------------------------------------------------
/** Flattens nested objects to dotted keys, the form Elasticsearch's ecs-v1 bank uses. */
function flatten(value, prefix = "", out = {}) {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}
const normKey = (k) => (/^(\[[^\[\]]+\])+$/.test(k) ? k.slice(1, -1).split("][").join(".") : k);
function esView(captures) {
  const out = {};
  for (const [k, v] of Object.entries(captures ?? {})) {
    const unwrap = (x) => (x && typeof x === "object" && "$float" in x ? Number(x.$float) : x);
    out[normKey(k)] = Array.isArray(v) ? v.map(unwrap) : unwrap(v);
  }
  return out;
}
function classify(ours, es, match, line) {
  const reasons = new Set();
  if (line.includes("\n")) reasons.add("multi-line input: ES does not compile with Ruby's /m, so . stops at a newline");
  const keys = new Set([...Object.keys(ours), ...Object.keys(es)]);
  const byField = new Map();
  for (const c of match?.captures ?? []) byField.set(normKey(c.field), [...(byField.get(normKey(c.field)) ?? []), c]);
  for (const k of keys) {
    if (JSON.stringify(ours[k]) === JSON.stringify(es[k])) continue;
    if (reasons.size && line.includes("\n")) continue;
    const groups = byField.get(k) ?? [];
    const close = (a, b) => typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
    if (groups.length > 1) reasons.add("same field captured by several groups");
    else if (close(ours[k], es[k])) reasons.add("ES converts :float to a 32-bit float");
    else if (es[k] === "" && !(k in ours)) reasons.add("ES keeps empty captures");
    else if (typeof es[k] === "number" && typeof ours[k] === "string") reasons.add("type suffix only ES converts");
    else reasons.add("unexplained");
  }
  return [...reasons];
}

/** Pattern names whose expansion has a `%{NAME:field<extra>}` token: jls-grok ignores the extra text, ES does not. */
function namesWithIgnoredText(map) {
  const junk = /%\{[A-z0-9]+(?::[@\[\]A-z0-9_:.-]+)?[^}=:@\[\]A-z0-9_.-][^}]*\}/;
  const memo = new Map();
  const has = (name, seen = new Set()) => {
    if (memo.has(name)) return memo.get(name);
    if (seen.has(name) || !map.has(name)) return false;
    seen.add(name);
    const def = map.get(name);
    const refs = [...def.matchAll(/%\{([A-z0-9]+)/g)].map((m) => m[1]);
    const result = junk.test(def) || refs.some((r) => has(r, seen));
    memo.set(name, result);
    return result;
  };
  return new Set([...map.keys()].filter((n) => has(n)));
}

async function main() {
  const classpath = buildHarness();
  const bankDir = mkdtempSync(join(tmpdir(), "grok-diff-"));
  for (const set of SETS) {
    const lines = [...grok.loadPatternSet(set)].map(([name, regex]) => `${name}\t${Buffer.from(regex).toString("base64")}`);
    writeFileSync(join(bankDir, `${set}.tsv`), lines.join("\n") + "\n");
  }
  const java = startHarness(classpath, bankDir);
  await grok.initOniguruma();
  const specSamples = JSON.parse(readFileSync("test-fixtures/grok/spec-samples.json", "utf8"));
  const report = { pairs: 0, names: 0, matchAgree: 0, captureAgree: 0, engineAgree: 0, ourErrors: 0, esErrors: 0, differences: [], byReason: {}, bankDifferences: {} };
  let seed = 1;
  for (const set of SETS) {
    const map = grok.loadPatternSet(set);
    const ignoredText = namesWithIgnoredText(map);
    for (const name of [...map.keys()].sort()) {
      report.names++;
      const pattern = `%{${name}:sample}`;
      const expanded = grok.compileGrok(pattern, map).expanded;
      const lines = [...new Set([...(specSamples[name] ?? []), ...generatedLines(expanded, perPattern, seed++), "no match here!"])];
      let filter, keepEmpty;
      try {
        filter = new grok.GrokFilter({ match: { message: pattern }, ecs_compatibility: ECS[set] });
        // ES keeps "" captures: with keep_empty_captures the filter's view is comparable group for group.
        keepEmpty = new grok.GrokFilter({ match: { message: pattern }, ecs_compatibility: ECS[set], keep_empty_captures: true });
      } catch (error) {
        report.ourErrors++;
        report.differences.push({ set, name, error: `ours: ${error.message}` });
        continue;
      }
      for (const line of lines) {
        report.pairs++;
        const es = await java.ask(["MATCH", "ours", set, pattern, line]);
        if (es.error) {
          report.esErrors++;
          const reason = /NumberFormatException/.test(es.error)
            ? "ES rejects a value its :int/:float cannot parse (Ruby's to_i/to_f take the numeric prefix)"
            : "ES error";
          report.byReason[reason] = (report.byReason[reason] ?? 0) + 1;
          report.differences.push({ set, name, line, reasons: [reason], es: es.error });
          continue;
        }
        // Captures into a fresh event (no `message`), so nothing is merged with an existing value.
        const r = filter.apply({ message: line });
        // A capture into `message` turns it into [line, capture…] in Logstash; compare the captures.
        const fields = Object.fromEntries(Object.entries(r.event).filter(([k]) => k !== "tags"));
        if (Array.isArray(fields.message)) fields.message = fields.message.length === 2 ? fields.message[1] : fields.message.slice(1);
        else delete fields.message;
        const oursView = flatten(fields);
        const esCaptures = esView(es.captures);
        const k = keepEmpty.apply({ message: line }).event;
        const kFields = Object.fromEntries(Object.entries(k).filter(([key]) => key !== "tags"));
        if (Array.isArray(kFields.message)) kFields.message = kFields.message.length === 2 ? kFields.message[1] : kFields.message.slice(1);
        else delete kFields.message;
        const engineView = Object.fromEntries(Object.entries(flatten(kFields)).filter(([, v]) => v !== null));
        if (r.matched === es.matched && JSON.stringify(Object.entries(engineView).sort()) === JSON.stringify(Object.entries(esCaptures).sort()))
          report.engineAgree++;
        else (report.engineDifferences ??= []).push({ set, name, line, ours: engineView, es: esCaptures });
        if (r.matched === es.matched) report.matchAgree++;
        if (r.matched === es.matched && JSON.stringify(Object.entries(oursView).sort()) === JSON.stringify(Object.entries(esCaptures).sort())) {
          report.captureAgree++;
          continue;
        }
        let reasons = r.matched !== es.matched ? ["match result differs"] : classify(oursView, esCaptures, r.matches[0], line);
        if (ignoredText.has(name) && (reasons.includes("unexplained") || reasons.includes("match result differs")))
          reasons = ["text after the field name in %{…} (e.g. `[code]?`): jls-grok ignores it, ES keeps the token literal"];
        for (const reason of reasons) report.byReason[reason] = (report.byReason[reason] ?? 0) + 1;
        report.differences.push({ set, name, line, reasons, ours: r.matched ? oursView : null, es: es.matched ? esCaptures : null });
      }
    }
    // Definitions Elasticsearch bundles for the same set, compared with logstash-patterns-core's.
    const esBank = (await java.ask(["DUMP", set])).patterns;
    const only = (a, b) => [...a.keys()].filter((k) => !b.has(k)).sort();
    const esMap = new Map(Object.entries(esBank));
    report.bankDifferences[set] = {
      onlyLogstash: only(map, esMap),
      onlyElasticsearch: only(esMap, map),
      differentDefinition: [...map.keys()].filter((k) => esMap.has(k) && esMap.get(k) !== map.get(k)).sort(),
    };
  }
  java.close();
  const pct = (n) => `${((100 * n) / report.pairs).toFixed(2)}%`;
  console.log(`pattern names: ${report.names} (both sets), pattern+line pairs: ${report.pairs}`);
  console.log(`match/no-match agreement: ${report.matchAgree}/${report.pairs} (${pct(report.matchAgree)})`);
  console.log(`identical captures:       ${report.captureAgree}/${report.pairs} (${pct(report.captureAgree)})`);
  console.log(`identical with keep_empty_captures on our side (group-level view): ${report.engineAgree}/${report.pairs} (${pct(report.engineAgree)})`);
  console.log(`errors: ours ${report.ourErrors}, Elasticsearch ${report.esErrors}`);
  console.log("differences by reason:", report.byReason);
  for (const set of SETS) {
    const b = report.bankDifferences[set];
    console.log(`${set}: names only in logstash-patterns-core ${b.onlyLogstash.length}, only in Elasticsearch ${b.onlyElasticsearch.length}, different definitions ${b.differentDefinition.length}`);
  }
  for (const d of report.differences.slice(0, 40)) console.log(JSON.stringify(d).slice(0, 400));
  if (report.differences.length > 40) console.log(`… ${report.differences.length - 40} more${outPath ? ` in ${outPath}` : " (use --out FILE)"}`);
  if (outPath) writeFileSync(outPath, JSON.stringify(report, null, 1) + "\n");
}

await main();
