/**
 * Pipeline tests for the Test Explorer: lists a test file's cases with their ranges and runs them
 * through the simulator. Pipelines come from the open documents when the client has them (unsaved
 * edits count), else from disk; a compiled pipeline is reused while its files' text is unchanged, so
 * grok expressions compile once across runs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Span } from "../core/ast";
import {
  loadPipeline,
  locate,
  readTestSuite,
  runTestFile,
  saveTestCase,
  testFileKind,
  type CompiledPipeline,
  type PathKind,
  type TestHost,
} from "../core/pipelineTest";
import {
  ListPipelineTestsRequest,
  RunPipelineTestsRequest,
  SaveTestCaseRequest,
  type PipelineTestsList,
  type PipelineTestsParams,
  type PipelineTestsRun,
  type SaveTestCaseParams,
  type TestRange,
} from "../protocol";
import type { ServerContext } from "./context";
import { patternsDirReader, patternsPathTexts } from "./grokPatternsPath";

function rangeOf(text: string, span: Span): TestRange {
  const doc = TextDocument.create("file:///x", "text", 0, text);
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export class PipelineTestsHandler {
  private readonly compiled = new Map<string, CompiledPipeline>();

  constructor(private readonly context: ServerContext) {}

  register(): void {
    this.context.connection.onRequest(ListPipelineTestsRequest, (p) => this.list(p));
    this.context.connection.onRequest(RunPipelineTestsRequest, (p) => this.run(p));
    this.context.connection.onRequest(SaveTestCaseRequest, (p) => this.save(p));
  }

  private readonly host: TestHost = {
    readFile: (path) => this.context.documents.get(pathToFileURL(path).href)?.getText() ?? readFileSync(path, "utf8"),
    kind: (path): PathKind => {
      try {
        return statSync(path).isDirectory() ? "directory" : "file";
      } catch {
        return this.context.documents.get(pathToFileURL(path).href) ? "file" : undefined;
      }
    },
    readDir: (path) => readdirSync(path),
  };

  /** The cache for one run: compiled pipelines whose files still read the same. */
  private cacheFor(): Map<string, CompiledPipeline> {
    for (const [path, pipeline] of this.compiled) {
      const stale = pipeline.files.some((f) => {
        try {
          return this.host.readFile(f.path) !== f.text;
        } catch {
          return true;
        }
      });
      if (stale) this.compiled.delete(path);
    }
    return this.compiled;
  }

  private textOf(params: PipelineTestsParams): string {
    return params.text ?? this.host.readFile(fileURLToPath(params.uri));
  }

  list(params: PipelineTestsParams): PipelineTestsList {
    const kind = testFileKind(params.uri);
    let text: string;
    try {
      text = this.textOf(params);
    } catch (error) {
      return { cases: [], problems: [{ message: (error as Error).message, range: rangeOf("", { start: 0, end: 0 }) }] };
    }
    const read = kind ? readTestSuite(text, kind) : { problems: [] };
    return {
      cases: (read.suite?.cases ?? []).map((c) => ({ index: c.index, name: c.name, range: rangeOf(text, c.range) })),
      problems: read.problems.map((p) => ({ message: p.message, range: rangeOf(text, p.range) })),
    };
  }

  async run(params: PipelineTestsParams): Promise<PipelineTestsRun> {
    const path = fileURLToPath(params.uri);
    const text = this.textOf(params);
    const cache = this.cacheFor();
    const settings = await this.context.settings.get(params.uri);
    const { result } = await runTestFile(path, this.host, {
      text,
      folders: params.folders,
      root: params.root,
      only: params.cases,
      cache,
      simulate: { grokPatterns: patternsPathTexts(this.context, params.uri, settings), readPatternsDir: patternsDirReader(this.context) },
    });
    const pipeline = result.pipeline ? cache.get(result.pipeline) : undefined;
    return {
      pipeline: result.pipeline ? pathToFileURL(result.pipeline).href : undefined,
      error: result.error,
      cases: result.cases.map((c) => {
        const d = c.events.find((e) => e.divergence?.filterRange)?.divergence;
        let divergence: PipelineTestsRun["cases"][number]["divergence"];
        if (d?.filterRange && d.filter && pipeline) {
          const where = locate(pipeline.files, d.filterRange.start);
          const file = pipeline.files.find((f) => f.path === where.path)!;
          divergence = { filter: d.filter, field: d.field, uri: pathToFileURL(where.path).href, range: rangeOf(file.text, { start: where.offset, end: where.offset + (d.filterRange.end - d.filterRange.start) }) };
        }
        return {
          index: c.index,
          name: c.name,
          range: rangeOf(text, c.range),
          status: c.status,
          message: c.message,
          expectedText: c.expectedText,
          actualText: c.actualText,
          durationMs: c.durationMs,
          divergence,
        };
      }),
    };
  }

  async save(params: SaveTestCaseParams): Promise<{ text: string; index: number; warning?: string }> {
    const kind = testFileKind(params.testUri) ?? "yaml";
    const pipeline = loadPipeline(fileURLToPath(params.pipeline), this.host, this.cacheFor());
    return saveTestCase({ pipeline, lines: params.lines, kind, existing: params.testText, description: params.description });
  }
}
