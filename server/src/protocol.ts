import { RequestType } from "vscode-languageserver-protocol";
import type { MapNode, PipelineMap } from "./core/pipelineMap";

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
} as const;

/*
 * Custom requests and notifications. None yet: every feature so far is standard LSP. Declare new ones
 * here as `new RequestType<Params, Result, void>("logsmith/…")` from vscode-languageserver-protocol, with
 * a one-line note on which side sends it.
 */

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
