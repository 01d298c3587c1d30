/**
 * "Save these sample lines and the current output as a test case": runs the lines through the
 * pipeline the way the test file will run them, and appends a case whose `expected` is what came out.
 * YAML keeps its comments and layout (the yaml Document API); JSON is re-printed with two spaces.
 */
import { Document, parseDocument } from "yaml";
import { t } from "../l10n";
import { forEachPlugin } from "../walk";
import { readTestSuite, type TestFileKind } from "./read";
import { runTestSuite, type CompiledPipeline } from "./run";
import type { PipelineTestSuite } from "./types";

export interface SaveCaseOptions {
  pipeline: CompiledPipeline;
  lines: string[];
  kind: TestFileKind;
  /** The test file's current text; a new file when absent. */
  existing?: string;
  description?: string;
  now?: Date;
}

export interface SavedCase {
  text: string;
  /** Index of the new case in the file. */
  index: number;
  /** Set when the new case needs something Logsmith does not simulate: it will run as skipped. */
  warning?: string;
}

/** A new file reads its lines with json_lines when the pipeline's first input decodes JSON. */
function defaultCodec(pipeline: CompiledPipeline): string {
  let codec: string | undefined;
  forEachPlugin(pipeline.config, (plugin, ctx) => {
    if (codec !== undefined || ctx.section !== "input" || ctx.parent) return;
    const v = plugin.attributes.find((a) => a.name === "codec")?.value;
    const name = v?.kind === "plugin" ? v.name : v?.kind === "bareword" || v?.kind === "string" ? v.value : "";
    codec = name === "json" || name === "json_lines" ? "json_lines" : "line";
  });
  return codec ?? "line";
}

export async function saveTestCase(options: SaveCaseOptions): Promise<SavedCase> {
  const now = options.now ?? new Date();
  const read = options.existing !== undefined ? readTestSuite(options.existing, options.kind) : undefined;
  if (read && (!read.suite || read.problems.length)) throw new Error(t("Cannot add to the test file: {0}", read.problems.map((p) => p.message).join("; ")));
  const codec = read?.suite?.codec ?? defaultCodec(options.pipeline);
  const base: PipelineTestSuite = read?.suite ?? { format: "classic", codec, ignore: ["@version"], exportMetadata: false, cases: [], unsupported: [] };
  const index = base.cases.length;
  const description = options.description ?? t("saved sample {0}", String(index + 1));
  const fields = structuredClone(base.cases[0]?.fields ?? {});
  const probe: PipelineTestSuite = {
    ...base,
    cases: [{ index, name: description, description, input: options.lines, dummyInput: options.lines.length === 0, fields, expected: [], range: { start: 0, end: 0 } }],
  };
  const [result] = await runTestSuite(probe, options.pipeline, { now });
  const expected = JSON.parse(result.actualText || "[]") as Record<string, unknown>[];
  // An @timestamp no filter set is the run's clock: it would never match again, so the file ignores it.
  const stamp = now.toISOString();
  const addIgnore = expected.some((e) => e["@timestamp"] === stamp) && !base.ignore.includes("@timestamp");
  if (addIgnore) for (const e of expected) delete e["@timestamp"];
  const entry = { description, input: options.lines, expected };
  const warning = result.status === "skipped" || result.status === "error" ? result.message : undefined;

  if (options.kind === "json") {
    const data = options.existing !== undefined ? (JSON.parse(options.existing) as Record<string, unknown>) : codec === "line" ? {} : { codec };
    if (addIgnore) data.ignore = [...((data.ignore as string[] | undefined) ?? []), "@timestamp"];
    data.testcases = [...((data.testcases as unknown[] | undefined) ?? []), entry];
    return { text: JSON.stringify(data, null, 2) + "\n", index, warning };
  }
  const doc = options.existing !== undefined ? parseDocument(options.existing, { version: "1.1" }) : new Document(codec === "line" ? {} : { codec }, { version: "1.1" });
  if (addIgnore) {
    if (doc.hasIn(["ignore"])) doc.addIn(["ignore"], "@timestamp");
    else doc.setIn(["ignore"], doc.createNode(["@timestamp"]));
  }
  if (doc.hasIn(["testcases"])) doc.addIn(["testcases"], doc.createNode(entry));
  else doc.setIn(["testcases"], doc.createNode([entry]));
  return { text: doc.toString({ lineWidth: 0 }), index, warning };
}
