/**
 * Builds the Logstash side of a parsed format: a file input (json or multiline codec when needed), grok over
 * the line with one named capture per directive, `date` on the timestamp, `mutate` to undo the producer's
 * escaping and to convert numbers. Also the JS line matcher the CLI uses for its `directives` output; both are
 * built from the same `ValueShape` regexes so they cannot disagree on what a value looks like.
 */
import { planDissect } from "./dissect";
import type { FormatDirective, FormatElement, GenerateOptions, LineMatch, ParsedFormat } from "./types";

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, (c) => (c === "-" || c === "/" ? c : `\\${c}`)).replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A string literal whose value is exactly `value` (no `config.support_escapes`: `\"` would keep its backslash). */
function lsQuoted(value: string): string | undefined {
  if (value.includes("\\")) return undefined;
  if (!value.includes('"')) return `"${value}"`;
  return value.includes("'") ? undefined : `'${value}'`;
}

/** A Logstash double-quoted string: backslashes stay as written (no `config.support_escapes`), `"` needs `\`. */
export function lsString(value: string): string {
  return `"${value.replace(/"/g, '\\"')}"`;
}

/** A single Joda pattern usable by the `date` filter, or undefined (UNIX and friends are handled apart). */
function jodaPiece(d: FormatDirective): string | undefined {
  const p = d.shape.date?.[0];
  return p && !["UNIX", "UNIX_MS", "ISO8601", "TAI64N"].includes(p) ? p : undefined;
}

/** Quotes literal text for a Joda pattern. */
function jodaLiteral(text: string): string {
  if (text === "") return "";
  if (/^[^A-Za-z']*$/.test(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

/** A stretch of elements that together write one timestamp (`%{%d/%b/%Y %T}t.%{msec_frac}t`). */
interface TimeRun {
  elements: FormatElement[];
  first: FormatDirective;
  joda: string;
}

type Piece = { kind: "literal"; text: string } | { kind: "directive"; d: FormatDirective } | { kind: "time"; run: TimeRun };

/** Groups adjacent time directives (joined by short literals) so grok captures one timestamp for `date`. */
function pieces(elements: FormatElement[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.type === "literal") {
      out.push({ kind: "literal", text: e.text });
      continue;
    }
    if (!jodaPiece(e) || e.shape.placeholder) {
      out.push({ kind: "directive", d: e });
      continue;
    }
    const run: FormatElement[] = [e];
    let joda = jodaPiece(e)!;
    let j = i + 1;
    while (j + 1 < elements.length) {
      const lit = elements[j];
      const next = elements[j + 1];
      if (lit.type !== "literal" || lit.text.length > 3 || lit.text.includes('"') || next.type !== "directive" || !jodaPiece(next)) break;
      joda += jodaLiteral(lit.text) + jodaPiece(next)!;
      run.push(lit, next);
      j += 2;
    }
    // A lone time piece that is not a whole timestamp (`%{%T}t`) still gets its own capture, no date.
    out.push({ kind: "time", run: { elements: run, first: e, joda } });
    i = j - 1;
  }
  return out;
}

function isWholeTimestamp(joda: string): boolean {
  return /y/.test(joda) && /M/.test(joda) && /d/.test(joda) && /H|h|k/.test(joda);
}

interface Plan {
  grok: string;
  definitions: Map<string, string>;
  dates: { field: string; patterns: string[] }[];
  converts: { field: string; type: string }[];
  unescape: string[];
}

function fieldOf(d: FormatDirective, ecs: boolean): string | undefined {
  return d.field ? (ecs ? d.field.ecs : d.field.legacy) : undefined;
}

function planElements(elements: FormatElement[], ecs: boolean, plan: Plan, seen: Set<string>): string {
  let out = "";
  const define = (base: string, regex: string): string => {
    let name = base;
    for (let n = 2; plan.definitions.has(name) && plan.definitions.get(name) !== regex; n++) name = `${base}_${n}`;
    plan.definitions.set(name, regex);
    return name;
  };
  for (const piece of pieces(elements)) {
    if (piece.kind === "literal") {
      out += escapeRegex(piece.text);
      continue;
    }
    if (piece.kind === "time") {
      const regex = piece.run.elements.map((e) => (e.type === "literal" ? escapeRegex(e.text) : (e as FormatDirective).shape.grok)).join("");
      const field = fieldOf(piece.run.first, ecs);
      const outer = piece.run.first.shape;
      if (!field || seen.has(field)) {
        out += `(?:${regex})`;
        continue;
      }
      seen.add(field);
      const name = define(outer.patternName ?? "LOG_TIME", regex);
      out += `%{${name}:${field}}`;
      if (isWholeTimestamp(piece.run.joda)) plan.dates.push({ field, patterns: [piece.run.joda] });
      continue;
    }
    const d = piece.d;
    const field = fieldOf(d, ecs);
    const shape = d.shape;
    let inner: string;
    if (!field || seen.has(field)) inner = `(?:${shape.grok})`;
    else {
      seen.add(field);
      inner = `%{${define(shape.patternName ?? "LOG_VALUE", shape.grok)}:${field}}`;
      if (shape.convert) plan.converts.push({ field, type: shape.convert });
      if (shape.escaping === "apache" || shape.escaping === "tomcat") plan.unescape.push(field);
      const unix = shape.date?.find((p) => p === "UNIX" || p === "UNIX_MS");
      if (unix) plan.dates.push({ field, patterns: [unix] });
    }
    out += shape.placeholder !== undefined ? `(?:${escapeRegex(shape.placeholder)}|${inner})` : inner;
  }
  return out;
}

function plan(parsed: ParsedFormat, ecs: boolean): Plan {
  const p: Plan = { grok: "", definitions: new Map(), dates: [], converts: [], unescape: [] };
  p.grok = `^${planElements(parsed.elements, ecs, p, new Set())}$`;
  return p;
}

/** Date, numbers, and time runs of a JSON format: fields are the member keys. */
function jsonPlan(parsed: ParsedFormat): Plan {
  const p: Plan = { grok: "", definitions: new Map(), dates: [], converts: [], unescape: [] };
  for (const m of parsed.jsonMembers ?? []) {
    const field = `[${m.key}]`;
    const directives = m.elements.filter((e): e is FormatDirective => e.type === "directive");
    if (directives.length === 1 && m.elements.length === 1 && directives[0].shape.convert) p.converts.push({ field, type: directives[0].shape.convert });
    const ps = pieces(m.elements);
    const runs = ps.filter((x) => x.kind === "time");
    // One timestamp, maybe with literal text around it (`…%{msec_frac}tZ`): the literals join the Joda pattern.
    if (runs.length === 1 && ps.every((x) => x.kind !== "directive")) {
      const joda = ps.map((x) => (x.kind === "time" ? x.run.joda : x.kind === "literal" ? jodaLiteral(x.text) : "")).join("");
      if (isWholeTimestamp(joda)) p.dates.push({ field, patterns: [joda] });
    }
    else if (directives.length === 1 && m.elements.length === 1) {
      const unix = directives[0].shape.date?.find((x) => x === "UNIX" || x === "UNIX_MS");
      if (unix) p.dates.push({ field, patterns: [unix] });
    }
  }
  return p;
}

export interface PipelineExtras {
  /** `type` set on the file input (as in the field notes: `type => apache`). */
  type?: string;
  /** A comment line on top (what the pipeline was generated from). */
  comment?: string;
}

/** The whole pipeline text for `parsed` (see the module comment). */
export function buildPipeline(parsed: ParsedFormat, options: GenerateOptions, extras: PipelineExtras = {}): string {
  const path = options.path ?? `/var/log/${parsed.kind}/access.log`;
  const lines: string[] = [];
  if (extras.comment) lines.push(...extras.comment.split("\n").map((l) => `# ${l}`));
  lines.push("input {", "  file {", `    path => ${lsString(path)}`, `    start_position => "beginning"`);
  if (extras.type) lines.push(`    type => ${lsString(extras.type)}`);
  if (parsed.json) lines.push(`    codec => json`);
  else if (parsed.multiline) {
    const m = parsed.multiline;
    lines.push(`    codec => multiline {`, `      pattern => ${lsString(m.pattern)}`, `      negate => ${m.negate}`, `      what => ${lsString(m.what)}`, `    }`);
  }
  lines.push("  }", "}", "", "filter {");
  const cut = options.parser === "dissect" && !parsed.json ? planDissect(parsed, options.ecs) : undefined;
  const mapping = cut && "mapping" in cut ? lsQuoted(cut.mapping) : undefined;
  const p = parsed.json ? jsonPlan(parsed) : cut && "mapping" in cut && mapping ? { ...plan(parsed, options.ecs), ...cut } : plan(parsed, options.ecs);
  if (cut && "mapping" in cut && mapping) {
    lines.push("  dissect {", `    mapping => { "message" => ${mapping} }`, "  }");
    const ref = (f: string) => (f.startsWith("[") ? f : `[${f}]`);
    // grok leaves no field for `-` or an empty value; dissect would keep them as text.
    for (const m of cut.moves) lines.push(`  if ${m.from} != "-" and ${m.from} != "" {`, `    mutate { rename => { ${lsString(m.from)} => ${lsString(m.to)} } }`, "  }");
    if (cut.bracketed.length) lines.push("  mutate {", "    replace => {", ...cut.bracketed.map((f) => `      ${lsString(f)} => "[%{${ref(f)}}]"`), "    }", "  }");
  } else if (!parsed.json) {
    if (cut) lines.push(`  # dissect cannot cut this format: ${"reason" in cut ? cut.reason : "its delimiters need quoting"}`);
    lines.push("  grok {");
    if (p.definitions.size) {
      lines.push("    pattern_definitions => {");
      for (const [name, regex] of p.definitions) lines.push(`      ${lsString(name)} => ${lsString(regex)}`);
      lines.push("    }");
    }
    lines.push(`    match => { "message" => ${lsString(p.grok)} }`, "  }");
  }
  if (p.unescape.length) {
    // The producer wrote `\"` and `\\` for quotes and backslashes in these values; `\xhh` stays as written.
    const triples = p.unescape.map((f) => `${lsString(f)}, ${lsString('\\\\(["\\\\])')}, "\\1"`);
    lines.push("  mutate {", `    gsub => [`, ...triples.map((t, i) => `      ${t}${i < triples.length - 1 ? "," : ""}`), "    ]", "  }");
  }
  for (const d of p.dates) {
    lines.push("  date {", `    match => [${[d.field, ...d.patterns].map(lsString).join(", ")}]`);
    if (d.patterns.some((x) => /MMM|EEE/.test(x))) lines.push(`    locale => "en"`);
    lines.push("  }");
  }
  if (p.converts.length) {
    lines.push("  mutate {", "    convert => {", ...p.converts.map((c) => `      ${lsString(c.field)} => ${lsString(c.type)}`), "    }", "  }");
  }
  lines.push("}", "", "output {", "  stdout { codec => rubydebug }", "}", "");
  return lines.join("\n");
}

interface Matcher {
  regex: RegExp;
  keys: string[];
}

/** `decoded`: values come out of JSON.parse, so the producer's escapes are already undone. */
function matcherFor(elements: FormatElement[], decoded: boolean): Matcher {
  let source = "";
  const keys: string[] = [];
  for (const e of elements) {
    if (e.type === "literal") source += escapeRegex(e.text);
    else {
      const shape = decoded && e.shape.escaping && e.shape.escaping !== "none" ? "[\\s\\S]*?" : e.shape.grok;
      const alt = e.shape.placeholder !== undefined ? `${escapeRegex(e.shape.placeholder)}|${shape}` : shape;
      source += `(${alt})`;
      keys.push(e.key);
    }
  }
  return { regex: new RegExp(`^${source}$`, "s"), keys };
}

const matchers = new WeakMap<object, Matcher>();

function cached(owner: object, elements: FormatElement[], decoded: boolean): Matcher {
  let m = matchers.get(owner);
  if (!m) matchers.set(owner, (m = matcherFor(elements, decoded)));
  return m;
}

function collect(m: Matcher, text: string, into: Record<string, string>): boolean {
  const r = m.regex.exec(text);
  if (!r) return false;
  m.keys.forEach((k, i) => {
    if (!(k in into) && r[i + 1] !== undefined) into[k] = r[i + 1];
  });
  return true;
}

/** Raw directive values of one line (see `LogFormatDialect.matchLine`). */
export function matchFormatLine(parsed: ParsedFormat, line: string): LineMatch {
  const directives: Record<string, string> = {};
  if (!parsed.json) return { matched: collect(cached(parsed, parsed.elements, false), line, directives), directives };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { matched: false, directives };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { matched: false, directives };
  let matched = true;
  for (const m of parsed.jsonMembers ?? []) {
    const v = (value as Record<string, unknown>)[m.key];
    if (v === undefined) {
      matched = false;
      continue;
    }
    const text = typeof v === "string" ? v : JSON.stringify(v);
    if (!collect(cached(m, m.elements, true), text, directives)) matched = false;
  }
  return { matched, directives };
}
