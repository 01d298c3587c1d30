/**
 * Runs a pipeline's filter sections over sample events: branches are evaluated per event, filters
 * run in source order, a dropped event leaves the pipeline, events a filter creates (clone, split)
 * continue from the filter after it. Every step is recorded with the event after it and what it changed.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { Reader } from "maxmind";
import type { Config, Plugin, Span, Statement } from "../ast";
import type { GeoipReader } from "../geoip/lookup";
import { t } from "../l10n";
import { initOniguruma } from "../grok/onig";
import { readPatternsDirs } from "../grok/patternFiles";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { decodeLines, findInputCodec } from "./codecs";
import type { FilterContext, FilterOutcome, FilterStatus } from "./common";
import { ConditionError, evaluateCondition } from "./conditions";
import { createEvent, outputView, type JsonObject, type JsonValue, type SimEvent } from "./event";
import { runFilter } from "./filters";

export interface SimulateOptions {
  /** The pipeline's `pipeline.ecs_compatibility`; default v8 as in Logstash 8. */
  ecsCompatibility?: EcsCompatibility;
  /** @timestamp of events that have none (default: now); also "now" for the date filter's year guess. */
  now?: Date;
  /** The zone Logstash's JVM runs in (date filters without `timezone`); default this process's zone. */
  timezone?: string;
  /** The JVM's default locale, a BCP 47 tag (date filters without `locale`); default "en". */
  locale?: string;
  /** Directory of the pipeline: relative `dictionary_path` and `database` paths resolve against it. */
  baseDir?: string;
  /** Reads a file named in the config (default: node's fs, relative to `baseDir`). */
  readFile?: (path: string) => Buffer | string;
  /**
   * The `.mmdb` the geoip filter uses when it has no `database` option (the `logsmith.geoip.databasePath`
   * setting, `--geoip-db`); one path, or one per `default_database_type`.
   */
  geoipDatabasePath?: string | Partial<Record<"City" | "ASN", string>>;
  /** Texts of the `logsmith.grok.patternsPath` files (`--patterns-path`), loaded over grok's built-in set. */
  grokPatterns?: readonly string[];
  /**
   * Reads the pattern files of a grok `patterns_dir` honouring `patterns_files_glob`; it is given
   * absolute directories (relative ones resolved against `baseDir`); `false` refuses (an untrusted workspace). By default node's fs reads them,
   * unless `readFile` is given, in which case such a grok is skipped.
   */
  readPatternsDir?: false | ((dirs: string[], glob: string) => string[]);
  /** Stop generating events (clone, split) for one input event beyond this many; default 10,000. */
  maxEventsPerInput?: number;
}

export interface FieldChange {
  /** Field reference, `[a][b]`. */
  field: string;
  kind: "added" | "removed" | "changed";
  before?: JsonValue;
  after?: JsonValue;
}

export interface FilterStep {
  kind: "filter";
  filter: string;
  range: Span;
  status: FilterStatus;
  detail?: string;
  /** The event after the filter (`@metadata` included). */
  event: JsonObject;
  changes: FieldChange[];
  /** Ids (`EventTrace.id`) of the events this filter created from this one (clone, split). */
  generated?: number[];
  /** The filter cancelled this event (split does once it has emitted the parts); the trace ends here. */
  cancelled?: boolean;
}

export interface ConditionStep {
  kind: "condition";
  clause: "if" | "else if" | "else";
  range: Span;
  result: boolean;
  /** Set when Logstash would fail on this condition (the clause is then taken as false). */
  error?: string;
}

export type SimulationStep = FilterStep | ConditionStep;

/** Which filter created an event, and how. */
export interface EventOrigin {
  filter: string;
  range: Span;
  kind: "clone" | "split";
  /** 0-based position among the events that filter created from the same parent. */
  index: number;
}

/**
 * The life of one event. An input event's trace starts with the input. An event created by a filter
 * (clone, split) has its own trace: `parent` is the trace it came from, `input` the parent as it
 * entered that filter, and its first step is that filter with `changes` relative to the parent; the
 * following steps are the filters after it, as Logstash runs generated events from the next filter on.
 * Traces of one input event are contiguous in `SimulationResult.steps`, the input's own first.
 */
export interface EventTrace {
  input: JsonObject;
  steps: SimulationStep[];
  /** Dropped, or cancelled by a filter (split's original): the event never reaches an output. */
  dropped: boolean;
  /** The event as outputs would receive it; absent when dropped. */
  output?: JsonObject;
  /**
   * Where `output` sits in `SimulationResult.events`. Trace order is creation order, which differs
   * from output order once generated events generate more (clone then split).
   */
  outputIndex?: number;
  /** This trace's index in `SimulationResult.steps`. */
  id: number;
  /** Index of the input event (or decoded input line group) this trace descends from. */
  inputIndex: number;
  /** Id of the trace this event was created from; absent for input events. */
  parent?: number;
  origin?: EventOrigin;
  /** Ids of the traces created from this event, in creation order. */
  children: number[];
  /** The filter that dropped or cancelled the event. */
  endedBy?: { filter: string; range: Span };
}

export interface SkippedFilter {
  filter: string;
  range: Span;
  reason: string;
}

export interface SimulationResult {
  /**
   * Surviving events as outputs see them (no `@metadata`), in the order Logstash hands them on: per
   * input event, the survivors of its batch (an event before the events a filter created from it).
   */
  events: JsonObject[];
  /** One trace per event, input events and generated ones (see `EventTrace`). */
  steps: EventTrace[];
  /** Filters that were not run, once each. */
  skipped: SkippedFilter[];
}

function refOf(path: string[]): string {
  return path.map((p) => `[${p}]`).join("");
}

function isHash(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bo = b as JsonObject;
  if (ak.length !== Object.keys(bo).length) return false;
  // Key order counts: it is visible in the printed event.
  const bk = Object.keys(bo);
  return ak.every((k, i) => k === bk[i] && sameValue((a as JsonObject)[k], bo[k]));
}

/** Leaf-level differences; arrays and scalars are compared whole. */
export function diffEvents(before: JsonObject, after: JsonObject, path: string[] = [], out: FieldChange[] = []): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const b = Object.prototype.hasOwnProperty.call(before, k) ? before[k] : undefined;
    const a = Object.prototype.hasOwnProperty.call(after, k) ? after[k] : undefined;
    const p = [...path, k];
    if (isHash(b) && isHash(a)) diffEvents(b, a, p, out);
    else if (b === undefined) out.push({ field: refOf(p), kind: "added", after: a });
    else if (a === undefined) out.push({ field: refOf(p), kind: "removed", before: b });
    else if (!sameValue(a, b)) out.push({ field: refOf(p), kind: "changed", before: b, after: a });
  }
  return out;
}

interface Live {
  event: SimEvent;
  trace: EventTrace;
  /** A frozen copy of `event` as the last step left it (conditions do not change events). */
  snapshot: JsonObject;
}

/** The context filters run in, with file access and MaxMind readers behind the options. */
export function createFilterContext(options: SimulateOptions): FilterContext {
  const baseDir = options.baseDir ?? process.cwd();
  const read = options.readFile ?? ((p: string) => readFileSync(p));
  const readers = new Map<string, GeoipReader>();
  const readFile = (path: string): Buffer => {
    const data = read(options.readFile ? path : isAbsolute(path) ? path : resolve(baseDir, path));
    return typeof data === "string" ? Buffer.from(data, "utf8") : data;
  };
  return {
    ecsCompatibility: options.ecsCompatibility ?? "v8",
    timezone: options.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC",
    locale: options.locale ?? "en",
    now: options.now ?? new Date(),
    readFile,
    geoipDatabasePath: options.geoipDatabasePath,
    grokPatterns: options.grokPatterns,
    readPatternsDir: patternsDirReader(options, baseDir),
    openGeoip(path: string): GeoipReader {
      let reader = readers.get(path);
      if (!reader) {
        reader = new Reader(readFile(path)) as unknown as GeoipReader;
        readers.set(path, reader);
      }
      return reader;
    },
    cache: new Map(),
  };
}

function patternsDirReader(options: SimulateOptions, baseDir: string): FilterContext["readPatternsDir"] {
  const read = options.readPatternsDir;
  if (read === false) return undefined;
  // A host that reads files its own way (the editor in an untrusted workspace) did not vouch for directories.
  if (!read && options.readFile) return undefined;
  const absolute = (dirs: string[]) => dirs.map((d) => (isAbsolute(d) ? d : resolve(baseDir, d)));
  return read ? (dirs, glob) => read(absolute(dirs), glob) : (dirs, glob) => readPatternsDirs(absolute(dirs), glob).map((f) => f.text);
}

/** Simulates the filter sections of `parsed` (the result of `parseConfig`, or its `config`) over `events`. */
export async function simulatePipeline(parsed: { config: Config } | Config, events: JsonObject[], options: SimulateOptions = {}): Promise<SimulationResult> {
  const config = "kind" in parsed && parsed.kind === "config" ? parsed : (parsed as { config: Config }).config;
  const body = config.sections.filter((s) => s.type === "filter").flatMap((s) => s.body);
  // Oniguruma drives grok and `=~`; without it grok is reported skipped and regexes fall back to JS.
  await initOniguruma().catch(() => undefined);
  const ctx = createFilterContext(options);
  const now = options.now ?? new Date();
  const maxEvents = options.maxEventsPerInput ?? 10_000;
  const skipped = new Map<Plugin, SkippedFilter>();
  const result: SimulationResult = { events: [], steps: [], skipped: [] };

  events.forEach((input, inputIndex) => {
    let budget = maxEvents - 1;
    const newTrace = (traceInput: JsonObject, extra: Partial<EventTrace> = {}): EventTrace => {
      const trace: EventTrace = { input: traceInput, steps: [], dropped: false, id: result.steps.length, inputIndex, children: [], ...extra };
      result.steps.push(trace);
      return trace;
    };

    const runPlugin = (plugin: Plugin, live: Live, out: Live[]): void => {
      const { event, trace } = live;
      const before = live.snapshot;
      let outcome: FilterOutcome;
      try {
        outcome = runFilter(plugin, event, ctx);
      } catch (error) {
        outcome = { status: "skipped", detail: t("could not run: {0}", (error as Error).message) };
        for (const k of Object.keys(event)) delete event[k];
        Object.assign(event, structuredClone(before));
      }
      const { status, detail } = outcome;
      const after = structuredClone(event);
      live.snapshot = after;
      const step: FilterStep = { kind: "filter", filter: plugin.name, range: plugin.range, status, event: after, changes: diffEvents(before, after) };
      if (detail !== undefined) step.detail = detail;
      trace.steps.push(step);
      if (status === "skipped" && !skipped.has(plugin)) skipped.set(plugin, { filter: plugin.name, range: plugin.range, reason: detail ?? "" });
      const ended = status === "dropped" || outcome.cancelled === true;
      if (outcome.cancelled) step.cancelled = true;
      if (ended) {
        trace.dropped = true;
        trace.endedBy = { filter: plugin.name, range: plugin.range };
      } else out.push(live);

      const generated = outcome.generated ?? [];
      const kind = plugin.name === "split" ? "split" : "clone";
      let capped = false;
      generated.forEach((child, index) => {
        if (budget <= 0) {
          if (!capped) step.detail = `${step.detail ? `${step.detail}; ` : ""}more than ${maxEvents} events from one input event: the rest are not simulated`;
          capped = true;
          return;
        }
        budget--;
        const childTrace = newTrace(structuredClone(before), { parent: trace.id, origin: { filter: plugin.name, range: plugin.range, kind, index } });
        childTrace.steps.push({
          kind: "filter",
          filter: plugin.name,
          range: plugin.range,
          status: "applied",
          detail: kind === "split" ? `part ${index + 1} of ${generated.length}` : `clone ${index + 1} of ${generated.length}`,
          event: structuredClone(child),
          changes: diffEvents(before, child),
        });
        trace.children.push(childTrace.id);
        (step.generated ??= []).push(childTrace.id);
        out.push({ event: child, trace: childTrace, snapshot: childTrace.steps[0].kind === "filter" ? childTrace.steps[0].event : structuredClone(child) });
      });
    };

    const runBlock = (statements: Statement[], lives: Live[]): Live[] => {
      let current = lives;
      for (const st of statements) {
        const next: Live[] = [];
        for (const live of current) {
          if (st.kind === "plugin") {
            runPlugin(st, live, next);
            continue;
          }
          let taken = false;
          for (const clause of st.clauses) {
            let holds = true;
            let error: string | undefined;
            if (clause.condition) {
              try {
                holds = evaluateCondition(live.event, clause.condition);
              } catch (e) {
                // Logstash stops the pipeline here; the simulator reports it and takes the clause as false.
                if (!(e instanceof ConditionError) && !(e instanceof Error)) throw e;
                holds = false;
                error = (e as Error).message;
              }
            }
            const step: ConditionStep = { kind: "condition", clause: clause.type, range: clause.condition?.range ?? clause.keywordRange, result: holds };
            if (error) step.error = error;
            live.trace.steps.push(step);
            if (holds) {
              // Events the branch creates carry on after the conditional, as in Logstash's compiled graph.
              next.push(...runBlock(clause.body, [live]));
              taken = true;
              break;
            }
          }
          if (!taken) next.push(live);
        }
        current = next;
      }
      return current;
    };

    const first: SimEvent = { ...createEvent({}, now), ...structuredClone(input) };
    const root: Live = { event: first, trace: newTrace(structuredClone(input)), snapshot: structuredClone(first) };
    for (const live of runBlock(body, [root])) {
      live.trace.output = outputView(live.event);
      live.trace.outputIndex = result.events.length;
      result.events.push(live.trace.output);
    }
  });
  result.skipped = [...skipped.values()];
  return result;
}

export interface InputSimulationResult extends SimulationResult {
  /** How the lines became events: the input whose codec was used, the codec, and why it fell back to plain. */
  input: { plugin?: string; codec: string; events: number; error?: string };
}

/**
 * Simulates raw input lines: they go through the codec of the pipeline's first `file` or `stdin`
 * input (json, json_lines, multiline, plain/line), get that input's `type`, `tags` and `add_field`,
 * then run through the filters. Without such an input every line is a plain `message`.
 */
export async function simulateInputLines(parsed: { config: Config } | Config, lines: string[], options: SimulateOptions = {}): Promise<InputSimulationResult> {
  const config = "kind" in parsed && parsed.kind === "config" ? parsed : (parsed as { config: Config }).config;
  await initOniguruma().catch(() => undefined);
  const spec = findInputCodec(config);
  const ecs = options.ecsCompatibility ?? "v8";
  let events: JsonObject[];
  let error: string | undefined;
  try {
    events = decodeLines(spec, lines, ecs);
  } catch (e) {
    error = (e as Error).message;
    events = decodeLines({ ...spec, codec: "plain", options: undefined }, lines, ecs);
  }
  const result = await simulatePipeline(config, events, options);
  const input: InputSimulationResult["input"] = { codec: spec.codec, events: events.length };
  if (spec.input) input.plugin = spec.input;
  if (error) input.error = error;
  return { ...result, input };
}
