import { RequestType } from "vscode-languageserver-protocol";
import type { MapNode, PipelineMap } from "./core/pipelineMap";
import type { PatternEntry } from "./core/preview/patternBrowser";
import type { PreviewResult, PreviewTarget } from "./core/preview/types";

export type { PatternEntry, PreviewResult, PreviewTarget };

/**
 * Everything the client and the server agree on by name: the language id, the settings section, the
 * commands, and custom LSP messages. Both sides import this file; nothing here is declared twice.
 */

/** Language id contributed in package.json. */
export const LANGUAGE_ID = "logstash";

/** Prefix of every setting (`logsmith.format.enable`, …); mirrored by `LogsmithSettings` in lsp/settings.ts. */
export const SETTINGS_SECTION = "logsmith";

/** Command ids contributed in package.json. */
export const Commands = {
  /** Client-only: switches the active editor's document to the Logstash language. */
  setLanguage: "logsmith.setLanguage",
  /** Client-only: opens an unsaved sample pipeline (the walkthrough's first step). */
  openSample: "logsmith.openSample",
  /** Client-only: saves sample lines and the pipeline's current output as a test case (preview panel button). */
  saveAsTestCase: "logsmith.saveAsTestCase",
  /** Client-only: opens the preview panel beside the editor (code lenses pass the URI and target). */
  openPreview: "logsmith.openPreview",
  /** Client-only: picks a grok pattern of the set in effect and inserts `%{NAME}` at the cursor. */
  insertGrokPattern: "logsmith.insertGrokPattern",
  /** Client: writes the Logstash pipeline generated for a log format (code action on httpd/Tomcat/log4j configs). */
  generatePipeline: "logsmith.generatePipeline",
  /** Client-only: opens the query panel for an `elasticsearch` output (code lens; arguments: QueryLensArgs). */
  queryIndex: "logsmith.queryIndex",
  /** Client-only: shows a Redis list's newest items or a channel's subscribers (code lens; arguments: RedisLensArgs). */
  redisPeek: "logsmith.redisPeek",
  /** Client-only: stores the open pipeline in Elasticsearch's centralized pipeline management (`PUT _logstash/pipeline/<id>`). */
  centralDeploy: "logsmith.centralDeploy",
} as const;

/*
 * Custom requests and notifications. Declare new ones here as `new RequestType<Params, Result, void>("logsmith/…")`
 * from vscode-languageserver-protocol, with a one-line note on which side sends it.
 */

export interface PreviewParams {
  /** The pipeline document (open in the client, so the server has its latest text). */
  uri: string;
  target: PreviewTarget;
  /** Sample lines, one event each. */
  samples: string[];
  /** `vscode.workspace.isTrusted`: files the config names (patterns_dir, database) are read only when true. */
  trusted: boolean;
  /** Preview only the first `limit` samples (the panel asks for a screenful first, then for all). */
  limit?: number;
}

/** Client → server: preview a grok/geoip filter or the filter section over sample lines. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>("logsmith/preview");

export interface GrokPatternsParams {
  uri: string;
  /** The grok filter whose set to list; without it, the first grok of the document (or the default set). */
  target?: PreviewTarget;
  /** Offset in the document: the grok filter around it, when `target` is absent. */
  offset?: number;
  trusted: boolean;
}

export interface GrokPatternsResult {
  /** `legacy` or `ecs-v1`. */
  set: string;
  patterns: PatternEntry[];
}

/** Client → server: every grok pattern a filter can use, for the pattern browser. */
export const GrokPatternsRequest = new RequestType<GrokPatternsParams, GrokPatternsResult, void>("logsmith/grokPatterns");

/** Webview → extension messages of the preview panel. */
export type PreviewPanelMessage =
  | { type: "ready" }
  | { type: "samples"; text: string }
  | { type: "pickFile" }
  | { type: "useSelection" }
  | { type: "browsePatterns" }
  /** "Save as test case": the samples and the current output become a Logstash Filter Verifier case. */
  | { type: "saveTestCase" }
  | { type: "reveal"; start: number; end: number }
  /** The items in view (index of the last one + 1): the next update asks for that many lines first. */
  | { type: "view"; end: number }
  /** The page has laid out the items of `version` up to `next`: the extension sends the following part. */
  | { type: "ack"; version: number; next: number };

/**
 * When each step of one panel update happened (Date.now() of the extension host, the same machine's
 * clock as the page): the benchmark splits the keystroke → panel time with it.
 */
export interface PreviewTiming {
  /** The document change (or samples message) that started the update. */
  changed: number;
  /** The request for the first lines was sent (after the debounce). */
  asked: number;
  /** Its answer came back from the server. */
  answered: number;
  /** The message to the page was posted. */
  posted: number;
  /** Milliseconds the server's preview run took (worker and watchdog). */
  serverMs?: number;
}

/** Extension → webview messages of the preview panel. */
export type PreviewHostMessage =
  | { type: "init"; strings: Record<string, string>; samples: string; title: string; kind: PreviewTarget["kind"] }
  | { type: "samples"; text: string }
  | { type: "result"; result: PreviewResult; counts: PreviewCounts; version: number; title: string; timing?: PreviewTiming }
  /**
   * The lines (grok, geoip) or events (pipeline) after the first ones, in parts; `last` marks the final
   * part of the update's complete result, which carries its totals.
   */
  | { type: "more"; version: number; from: number; items: unknown[]; last: boolean; counts?: PreviewCounts; timing?: PreviewTiming }
  | { type: "busy" };

/** Totals for the panel's status line, counted by the extension before it sends the result in parts. */
export interface PreviewCounts {
  samples: number;
  /** True while only the first lines are previewed (the full result follows). */
  partial?: boolean;
  /** Lines (grok, geoip) or event traces (pipeline) in the whole result. */
  items: number;
  matched: number;
  outputs: number;
  dropped: number;
}

/** A 0-based line/character range (LSP's Range, declared here so the protocol needs no LSP types). */
export interface TestRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface PipelineTestsParams {
  /** The test file (`*.test.json|yaml|yml`, or an LFV file in a mapped folder). */
  uri: string;
  /** The test file's text when the client has it open (unsaved edits). */
  text?: string;
  /** `logsmith.tests.folders` of the test file's workspace folder, and that folder's path. */
  folders?: Record<string, string>;
  root?: string;
  /** Case indices to run (run request only); all when absent. */
  cases?: number[];
}

export interface PipelineTestCaseInfo {
  index: number;
  name: string;
  range: TestRange;
}

export interface PipelineTestsList {
  /** URI of the pipeline file or directory the cases run against; absent when none was found. */
  pipeline?: string;
  cases: PipelineTestCaseInfo[];
  problems: { message: string; range: TestRange }[];
}

export interface PipelineTestCaseRun extends PipelineTestCaseInfo {
  status: "passed" | "failed" | "skipped" | "error";
  message?: string;
  /** Pretty JSON of the expected and actual events, for a diff. */
  expectedText: string;
  actualText: string;
  durationMs: number;
  /** The filter step where expected and actual diverged. */
  divergence?: { filter: string; uri: string; range: TestRange; field: string };
}

export interface PipelineTestsRun {
  pipeline?: string;
  /** The whole file could not run (no pipeline, unreadable, invalid). */
  error?: string;
  cases: PipelineTestCaseRun[];
}

/** Client → server: the cases of a test file with their ranges (Test Explorer discovery). */
export const ListPipelineTestsRequest = new RequestType<PipelineTestsParams, PipelineTestsList, void>("logsmith/listPipelineTests");

/** Client → server: runs a test file's cases through the simulator. */
export const RunPipelineTestsRequest = new RequestType<PipelineTestsParams, PipelineTestsRun, void>("logsmith/runPipelineTests");

export interface SaveTestCaseParams {
  /** The pipeline the sample lines ran through. */
  pipeline: string;
  lines: string[];
  /** The test file to extend or create, and its current text when it exists. */
  testUri: string;
  testText?: string;
  description?: string;
}

/** Client → server: the test file's new text with the sample lines and their current output as a case. */
export const SaveTestCaseRequest = new RequestType<SaveTestCaseParams, { text: string; index: number; warning?: string }, void>("logsmith/saveTestCase");

/** Client-only: opens the pipeline map (explorer context passes the file or folder). */
export const SHOW_PIPELINE_MAP_COMMAND = "logsmith.showPipelineMap";

/** What the pipeline map draws: one pipeline file, a `conf.d` folder (one pipeline), or every pipeline of the workspace. */
export type PipelineMapScope = { kind: "file"; uri: string } | { kind: "folder"; uri: string } | { kind: "workspace" };

export interface PipelineMapParams {
  scope: PipelineMapScope;
}

/** A map node as sent to the client: `path` became a document location. */
export interface PipelineMapNode extends Omit<MapNode, "path" | "range"> {
  location?: { uri: string; range: TestRange };
}

export interface PipelineMapResult {
  title: string;
  nodes: PipelineMapNode[];
  edges: PipelineMap["edges"];
  groups: PipelineMap["groups"];
}

/** Client → server (notification, no params): the user trusted the workspace, so the server may read its files. */
export const WORKSPACE_TRUSTED_NOTIFICATION = "logsmith/workspaceTrusted";

/** Client → server: the pipeline map of a scope. */
export const PipelineMapRequest = new RequestType<PipelineMapParams, PipelineMapResult, void>("logsmith/pipelineMap");

/** Extension → webview messages of the pipeline map panel. */
export type PipelineMapHostMessage = { type: "map"; map: PipelineMapResult; strings: Record<string, string> } | { type: "error"; message: string };

/** Webview → extension messages of the pipeline map panel. */
export type PipelineMapPanelMessage =
  | { type: "ready" }
  | { type: "open"; uri: string; range: TestRange }
  | { type: "exportSvg"; svg: string }
  | { type: "refresh" };

export interface GeneratePipelineParams {
  /** A log-format host document (httpd.conf, server.xml, log4j config) open in the client. */
  uri: string;
  /** Offset of the format to generate for; the document's first format when absent. */
  offset?: number;
  /** `dissect` where the format has fixed delimiters (the server falls back to grok otherwise); grok by default. */
  parser?: "grok" | "dissect";
}

export interface GeneratePipelineResult {
  /** The pipeline text. */
  text: string;
  /** Suggested file name, e.g. `combined-pipeline.conf`. */
  name: string;
}

/** Client → server: the generated Logstash pipeline for a log format (null when the document has none). */
export const GeneratePipelineRequest = new RequestType<GeneratePipelineParams, GeneratePipelineResult | null, void>("logsmith/generatePipeline");

/** What the "Query index" lens of an `elasticsearch` output hands the client (resolved by lsp/remoteLenses.ts). */
export interface QueryLensArgs {
  uri: string;
  /** The output's hosts as written (default 127.0.0.1:9200); the client matches them to a target. */
  hosts: string[];
  /** Node URLs for a new target when no target matches. */
  suggestedNodes: string[];
  pattern: string;
  kind: "index" | "dataStream" | "ilmAlias";
  notes: string[];
  /** Fields the pipeline writes, known from its config (grok captures, add_field, mutate, date). */
  fields: { path: string; type: string; source: string; sample?: string }[];
}

/** What a `redis` input/output lens hands the client. */
export interface RedisLensArgs {
  uri: string;
  role: "input" | "output";
  dataType?: "list" | "channel" | "pattern_channel";
  key?: string;
  host: string;
  port: number;
  db: number;
}

/** Query panel page → extension (client/webview/query). */
export type QueryPanelMessage = { type: "ready" } | { type: "run"; mode: "querystring" | "dsl" | "esql"; query: string; size: number };

/** One row of the panel's pipeline-vs-mapping findings. */
export interface QueryFinding {
  path: string;
  kind: "typeConflict" | "neverArrived" | "lossy";
  message: string;
}

/** Extension → query panel page. */
export type QueryHostMessage =
  | { type: "init"; strings: Record<string, string>; title: string; pattern: string; notes: string[] }
  | { type: "busy" }
  | { type: "error"; message: string }
  | {
      type: "result";
      total: number;
      interval?: string;
      histogram: { key: number; count: number }[];
      hits: { index: string; id: string; source: Record<string, unknown> }[];
      esql?: { columns: { name: string; type: string }[]; values: unknown[][] };
      mapping?: Record<string, unknown>;
      /** Set when the mapping could not be read (the results still show). */
      mappingError?: string;
      findings: QueryFinding[];
    };
