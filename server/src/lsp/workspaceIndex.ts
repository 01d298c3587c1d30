/**
 * The server's view of the whole workspace: which files exist (for `path.config` globs), which are
 * pipeline configs, how pipelines.yml groups them, and the pipeline-to-pipeline links between them.
 *
 * The disk is scanned once when the client is ready and again when watched files change; open
 * documents win over their saved text. The index is rebuilt lazily on first use after a change, reusing
 * each file's parse while its text is unchanged, and when the cross-file links change every open
 * document is re-checked (a listener removed in one file is an error in another).
 */
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseConfig, type ParseResult } from "../core/parse";
import { analyzePipelinesYml, normalizePath, type PipelinesYmlAnalysis } from "../core/pipelinesYml";
import { groupPipelines, looksLikePipeline, PipelineIndex } from "../core/workspace";
import { WORKSPACE_TRUSTED_NOTIFICATION } from "../protocol";
import type { ServerContext } from "./context";

/** Folders never worth scanning for pipelines. */
const SKIP_DIRS = new Set(["node_modules", ".git", ".tools", "dist", "out", ".vscode-test", "test-results"]);
const MAX_FILES = 20000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const CONFIG_FILE = /\.(conf|logstash|cfg)$/i;
/** Files that configure log producers, read for the pipeline map's log-format nodes. */
const HOST_FILE = /(^|\/)(httpd[^/]*\.conf|server\.xml|log4j2?[^/]*\.(xml|properties|json|ya?ml))$/i;

export function isPipelinesYmlUri(uri: string): boolean {
  return /(^|\/)pipelines\.ya?ml$/.test(uri);
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

interface Parsed {
  text: string;
  parse: ParseResult;
}

export class WorkspaceIndex {
  private roots: string[] = [];
  private files: string[] = [];
  private readonly diskText = new Map<string, string>();
  private readonly parses = new Map<string, Parsed>();
  private index: PipelineIndex | undefined;
  private ymls: { path: string; analysis: PipelinesYmlAnalysis }[] = [];
  private readonly ymlCache = new Map<string, { key: string; analysis: PipelinesYmlAnalysis }>();
  private linkSignature = "";
  private scanning: Promise<void> | undefined;
  /** True once the first scan finished; before that, cross-file checks stay silent. */
  scanned = false;
  private trusted = true;
  /** Called after each rebuild of the index (field lineage re-checks what depends on other files). */
  readonly onRebuilt: (() => void)[] = [];

  constructor(
    private readonly context: ServerContext,
    /** Called when cross-file results changed and open documents should be re-checked. */
    private readonly onLinksChanged: () => void,
  ) {
    context.connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
      this.trusted = true;
      void this.rescan();
    });
  }

  /**
   * The workspace folders, and whether the workspace is trusted: in Restricted Mode no file is read
   * from disk (only open documents count) until the client reports that the user trusted it.
   */
  setRoots(uris: string[], trusted = true): void {
    this.roots = uris.map(uriToPath).filter((p): p is string => p !== undefined);
    this.trusted = trusted;
  }

  /** False in Restricted Mode: cross-file checks that need unopened files stay silent. */
  get isTrusted(): boolean {
    return this.trusted;
  }

  get workspaceRoots(): readonly string[] {
    return this.roots;
  }

  /** Scans the roots; resolves when done. Concurrent calls share one scan. */
  rescan(): Promise<void> {
    this.scanning ??= this.scan().finally(() => {
      this.scanning = undefined;
      this.scanned = true;
      this.invalidate();
    });
    return this.scanning;
  }

  /**
   * Applies watched-file events without rescanning: a created or changed file is (re)read, a deleted
   * one forgotten. Saving one file must not walk the whole workspace again.
   */
  async applyFileChanges(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    if (!this.scanned || !this.trusted) return;
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path || !this.roots.some((r) => path.startsWith(`${r}/`))) continue;
      if (change.deleted) {
        this.files = this.files.filter((f) => f !== path && !f.startsWith(`${path}/`));
        for (const known of [...this.diskText.keys()]) if (known === path || known.startsWith(`${path}/`)) this.diskText.delete(known);
        continue;
      }
      if (!this.files.includes(path)) this.files = [...this.files, path].sort();
      if (!(CONFIG_FILE.test(path) || isPipelinesYmlUri(path) || HOST_FILE.test(path))) continue;
      try {
        if ((await stat(path)).size <= MAX_FILE_BYTES) this.diskText.set(path, await readFile(path, "utf8"));
      } catch {
        this.diskText.delete(path);
      }
    }
    this.invalidate();
  }

  /** Resolves when the first scan is over (at once when there are no folders). */
  async ready(): Promise<void> {
    if (!this.scanned) await this.rescan();
  }

  /** Marks the index stale (a document changed); it is rebuilt on next use. */
  invalidate(): void {
    this.index = undefined;
    if (this.scanned) queueMicrotask(() => this.current());
  }

  private async scan(): Promise<void> {
    const files: string[] = [];
    if (!this.trusted) {
      this.files = [];
      this.diskText.clear();
      return;
    }
    const walk = async (dir: string): Promise<void> => {
      if (files.length >= MAX_FILES) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (files.length >= MAX_FILES) return;
        const path = `${dir === "/" ? "" : dir}/${e.name}`;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) await walk(path);
        } else if (e.isFile()) {
          files.push(path);
        }
      }
    };
    for (const root of this.roots) await walk(root);
    this.files = files.sort();
    this.diskText.clear();
    await Promise.all(
      files.filter((f) => CONFIG_FILE.test(f) || isPipelinesYmlUri(f) || HOST_FILE.test(f)).map(async (f) => {
        try {
          if ((await stat(f)).size > MAX_FILE_BYTES) return;
          this.diskText.set(f, await readFile(f, "utf8"));
        } catch {
          // Unreadable files simply do not take part.
        }
      }),
    );
  }

  /** A file's current text (open document or disk), for converting offsets of its ranges. */
  fileText(path: string): string | undefined {
    return this.textOf(path);
  }

  /** Files that may configure log producers (not pipelines), with their text. */
  hostCandidates(): { path: string; text: string }[] {
    const pipelineFiles = new Set(this.current()?.pipelines.flatMap((p) => p.files.map((f) => f.path)) ?? []);
    return this.knownFiles()
      .filter((f) => !pipelineFiles.has(f) && !isPipelinesYmlUri(f) && (HOST_FILE.test(f) || CONFIG_FILE.test(f)))
      .flatMap((path) => {
        const text = this.textOf(path);
        return text === undefined ? [] : [{ path, text }];
      });
  }

  /** The text of a file: the open document's, else the disk's (read on demand for glob matches). */
  private textOf(path: string): string | undefined {
    const open = this.context.documents.get(pathToUri(path));
    if (open) return open.getText();
    return this.diskText.get(path);
  }

  private parseOf(path: string): ParseResult | undefined {
    // An open document shares the parse every other handler uses for its version.
    const open = this.context.documents.get(pathToUri(path));
    if (open && !isPipelinesYmlUri(open.uri)) return this.context.cache.get(open).parse;
    const text = this.textOf(path);
    if (text === undefined) return undefined;
    const cached = this.parses.get(path);
    if (cached && cached.text === text) return cached.parse;
    const parse = parseConfig(text);
    this.parses.set(path, { text, parse });
    return parse;
  }

  /** The pipelines.yml analysis for a document's text, against the workspace's files (cached until either changes). */
  analyzeYml(path: string, text: string): PipelinesYmlAnalysis {
    const files = this.knownFiles();
    const key = `${files.join("\n")}\u0000${text}`;
    const cached = this.ymlCache.get(path);
    if (cached && cached.key === key) return cached.analysis;
    const roots = this.roots.length ? this.roots : [normalizePath(join(path, "..", ".."))];
    const analysis = analyzePipelinesYml(text, { path, roots, files });
    this.ymlCache.set(path, { key, analysis });
    return analysis;
  }

  /** Files on disk plus open documents not saved yet. */
  private knownFiles(): string[] {
    const open = this.context.documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => p !== undefined);
    return [...new Set([...this.files, ...open])].sort();
  }

  /** The current index (rebuilt when stale); undefined until the first scan finished. */
  current(): PipelineIndex | undefined {
    if (!this.scanned) return undefined;
    if (this.index) return this.index;
    const known = this.knownFiles();
    this.ymls = known.filter(isPipelinesYmlUri).flatMap((path) => {
      const text = this.textOf(path);
      return text === undefined ? [] : [{ path, analysis: this.analyzeYml(path, text) }];
    });
    // Globs may name files outside the usual extensions; read those too.
    for (const yml of this.ymls) for (const p of yml.analysis.pipelines) for (const f of p.files) this.ensureDiskText(f);
    const configFiles = known.filter((f) => CONFIG_FILE.test(f) && looksLikePipeline(this.textOf(f) ?? ""));
    this.index = new PipelineIndex(groupPipelines({ ymls: this.ymls, configFiles, parse: (p) => this.parseOf(p) }));
    for (const listener of this.onRebuilt) listener();
    const signature = linkSignature(this.index);
    if (signature !== this.linkSignature) {
      this.linkSignature = signature;
      setTimeout(this.onLinksChanged, 0);
    }
    return this.index;
  }

  private ensureDiskText(path: string): void {
    if (this.diskText.has(path) || this.context.documents.get(pathToUri(path))) return;
    try {
      // Rare (a glob naming a `.txt`): a synchronous read keeps `current()` simple.
      if (statSync(path).size <= MAX_FILE_BYTES) this.diskText.set(path, readFileSync(path, "utf8"));
    } catch {
      // Missing or unreadable.
    }
  }
}

/** What other files' diagnostics depend on: the addresses and the pipeline each file belongs to. */
function linkSignature(index: PipelineIndex): string {
  const parts: string[] = [];
  for (const p of index.pipelines) {
    for (const f of p.files) {
      const issues = index.issuesFor(f.path).map((i) => `${i.code}@${i.range.start}`);
      parts.push(`${p.id}|${f.path}|${issues.join(",")}`);
    }
  }
  return parts.join("\n");
}
