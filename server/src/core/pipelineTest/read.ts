/**
 * Reads Logstash Filter Verifier test case files (JSON or YAML), both formats LFV has had:
 * - classic (standalone mode): top-level `codec`, `fields`, `ignore`, and either top-level `input` +
 *   `expected` (the oldest files) or `testcases` of `{ input, expected, description }`;
 * - daemon (LFV 2.x): additionally `input_plugin`, `export_metadata`, `export_outputs`, and per-case
 *   `fields` (named `event` in early 2.0 builds), which override the global ones.
 * Facts from LFV's internal/testcase/testcase.go: `@version` is always ignored, a case without input
 * sends one dummy event, bracketed keys are expanded in fields, expected events and json_lines input.
 */
import { isMap, parseDocument, type Document, type Node } from "yaml";
import type { Span } from "../ast";
import { t } from "../l10n";
import type { JsonObject, JsonValue } from "../simulate";
import { expandBrackets } from "./fields";
import type { PipelineTestCase, PipelineTestSuite, ReadProblem, ReadResult } from "./types";

export type TestFileKind = "json" | "yaml";

/** `json` for `.json`, `yaml` for `.yaml`/`.yml`, undefined otherwise (LFV refuses other extensions too). */
export function testFileKind(path: string): TestFileKind | undefined {
  const m = /\.(json|ya?ml)$/i.exec(path);
  if (!m) return undefined;
  return m[1].toLowerCase() === "json" ? "json" : "yaml";
}

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function nodeSpan(node: unknown, fallback: Span): Span {
  const range = (node as Node | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : fallback;
}

/**
 * Parses a test case file. YAML files are read as YAML 1.1, as LFV's go-yaml v2 does (`yes`/`no`
 * are booleans there); JSON values come from JSON.parse, the YAML parse only supplies positions.
 */
export function readTestSuite(text: string, kind: TestFileKind): ReadResult {
  const whole: Span = { start: 0, end: text.length };
  const problems: ReadProblem[] = [];
  let doc: Document | undefined;
  let data: unknown;
  if (kind === "json") {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const pos = /position (\d+)/.exec((error as Error).message);
      const at = pos ? Number(pos[1]) : 0;
      return { problems: [{ message: t("Invalid JSON: {0}", (error as Error).message), range: { start: at, end: Math.min(text.length, at + 1) } }] };
    }
    const positions = parseDocument(text, { uniqueKeys: false, strict: false });
    doc = positions.errors.length ? undefined : positions;
  } else {
    doc = parseDocument(text, { version: "1.1", uniqueKeys: false });
    if (doc.errors.length) {
      return { problems: doc.errors.map((e) => ({ message: t("Invalid YAML: {0}", e.message.split("\n")[0]), range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } })) };
    }
    data = doc.toJS({ maxAliasCount: 1000 });
  }
  if (!isObject(data)) return { problems: [{ message: t("A test case file holds one object (with `testcases`)"), range: whole }] };

  const at = (path: (string | number)[]): Span => nodeSpan(doc?.getIn(path, true), whole);
  const keyAt = (key: string): Span => {
    const contents = doc?.contents;
    if (isMap(contents)) {
      const pair = contents.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair) return nodeSpan(pair.key, whole);
    }
    return whole;
  };

  const strings = (v: unknown, where: (string | number)[], what: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ message: t("`{0}` must be a list of strings", what), range: at(where) });
      return [];
    }
    return v.flatMap((s, i) => {
      if (typeof s === "string") return [s];
      problems.push({ message: t("`{0}` must be a list of strings", what), range: at([...where, i]) });
      return [];
    });
  };
  const objects = (v: unknown, where: (string | number)[], what: string): JsonObject[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ message: t("`{0}` must be a list of events", what), range: at(where) });
      return [];
    }
    return v.flatMap((e, i) => {
      if (isObject(e)) return [expandBrackets(e)];
      problems.push({ message: t("`{0}` must be a list of events", what), range: at([...where, i]) });
      return [];
    });
  };
  const fieldSet = (v: unknown, where: (string | number)[]): JsonObject => {
    if (v === undefined || v === null) return {};
    if (!isObject(v)) {
      problems.push({ message: t("`fields` must be an object"), range: at(where) });
      return {};
    }
    return expandBrackets(v);
  };

  const codec = data.codec === undefined || data.codec === null ? "line" : String(data.codec);
  const globalFields = fieldSet(data.fields, ["fields"]);
  const ignore = [...strings(data.ignore, ["ignore"], "ignore"), "@version"].sort();
  const inputPlugin = typeof data.input_plugin === "string" && data.input_plugin !== "" ? data.input_plugin : undefined;
  const exportMetadata = data.export_metadata === true;
  const unsupported: PipelineTestSuite["unsupported"] = [];
  if (data.export_outputs === true) unsupported.push({ key: "export_outputs", range: keyAt("export_outputs") });
  let daemon = inputPlugin !== undefined || data.export_metadata !== undefined || data.export_outputs !== undefined;

  const cases: PipelineTestCase[] = [];
  const addCase = (raw: JsonObject, path: (string | number)[], range: Span): void => {
    const input = strings(raw.input, [...path, "input"], "input");
    const expected = objects(raw.expected, [...path, "expected"], "expected");
    const local = raw.fields ?? raw.event;
    if (local !== undefined) daemon = true;
    const fields = { ...structuredClone(globalFields), ...fieldSet(local, [...path, raw.fields !== undefined ? "fields" : "event"]) };
    const description = typeof raw.description === "string" && raw.description.trim() !== "" ? raw.description : undefined;
    const index = cases.length;
    if (Array.isArray(raw.expected_outputs) && raw.expected_outputs.length) unsupported.push({ key: "expected_outputs", range: at([...path, "expected_outputs"]) });
    cases.push({ index, name: description ?? `#${index + 1}`, description, input: input.length ? input : [], dummyInput: input.length === 0, fields, expected, range });
  };

  if (data.input !== undefined || data.expected !== undefined) {
    // The oldest files: every input line and every expected event at the top level, compared as one list.
    addCase({ input: data.input as JsonValue, expected: data.expected as JsonValue }, [], data.input !== undefined ? keyAt("input") : keyAt("expected"));
  }
  if (data.testcases !== undefined && data.testcases !== null) {
    if (!Array.isArray(data.testcases)) problems.push({ message: t("`testcases` must be a list"), range: at(["testcases"]) });
    else
      data.testcases.forEach((raw, i) => {
        if (!isObject(raw)) {
          problems.push({ message: t("Each test case must be an object with `input` and `expected`"), range: at(["testcases", i]) });
          return;
        }
        addCase(raw, ["testcases", i], at(["testcases", i]));
      });
  }
  if (cases.length === 0 && problems.length === 0) problems.push({ message: t("No test cases: the file has no `testcases`"), range: whole });
  return { suite: { format: daemon ? "daemon" : "classic", codec, inputPlugin, ignore, exportMetadata, cases, unsupported }, problems };
}
