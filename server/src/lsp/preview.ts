/**
 * The preview panel's server side: `logsmith/preview` runs the preview in a worker (never a regex on
 * this thread), `logsmith/grokPatterns` lists the pattern browser, and the "Preview …" code lenses.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CodeLens } from "vscode-languageserver";
import type { Plugin } from "../core/ast";
import { compareVersions, normalizeVersion } from "../core/catalog/versions";
import { readPatternsDirs, readPatternsPath } from "../core/grok/patternFiles";
import type { EcsCompatibility } from "../core/grok/patternLibrary";
import { configuredL10nBundle, t } from "../core/l10n";
import { findPreviewTargets, listGrokPatterns, targetAt, targetPlugin, type PreviewTarget } from "../core/preview";
import { PreviewRunner } from "../core/preview/runner";
import type { PreviewWorkerEnv } from "../core/preview/worker";
import { PluginOptions } from "../core/simulate/options";
import { valueToString } from "../core/simulate/event";
import { Commands, GrokPatternsRequest, PreviewRequest, type GrokPatternsParams, type GrokPatternsResult, type PreviewParams, type PreviewResult } from "../protocol";
import { parsed, type ServerContext } from "./context";
import { toRange } from "./convert";
import type { ParsedDocument } from "./parseCache";
import type { LogsmithSettings } from "./settings";

let runner: PreviewRunner | undefined;

/** Registers the preview requests on the connection. */
export function registerPreview(context: ServerContext): void {
  context.connection.onRequest(PreviewRequest, (params, token) => onPreview(context, params, () => token.isCancellationRequested));
  context.connection.onRequest(GrokPatternsRequest, (params) => onGrokPatterns(context, params));
}

const LENS_TITLES = {
  grok: () => t("Preview grok"),
  geoip: () => t("Preview geoip"),
  pipeline: () => t("Preview pipeline"),
};

/** "Preview grok" / "Preview geoip" over each such filter, "Preview pipeline" over each filter section. */
export function previewCodeLenses(document: ParsedDocument): CodeLens[] {
  return findPreviewTargets(document.parse.config).map((block) => ({
    range: toRange(document.lines, block.anchor),
    command: { title: LENS_TITLES[block.target.kind](), command: Commands.openPreview, arguments: [document.uri, block.target] },
  }));
}

function ecsDefault(settings: LogsmithSettings): EcsCompatibility {
  // pipeline.ecs_compatibility defaults to v8 from Logstash 8.0, disabled before.
  return compareVersions(normalizeVersion(settings.logstashVersion), "8.0") >= 0 ? "v8" : "disabled";
}

async function baseFolder(context: ServerContext, uri: string): Promise<string | undefined> {
  try {
    const folders = await context.connection.workspace.getWorkspaceFolders();
    const folder = folders?.find((f) => uri.startsWith(f.uri)) ?? folders?.[0];
    if (folder?.uri.startsWith("file:")) return fileURLToPath(folder.uri);
  } catch {
    // The client has no workspace folders support.
  }
  return documentDir(uri);
}

function documentDir(uri: string): string | undefined {
  return uri.startsWith("file:") ? dirname(fileURLToPath(uri)) : undefined;
}

/** `logsmith.geoip.databasePath`: one `.mmdb` for every type, or a directory with City and ASN files. */
function geoipPaths(path: string, base: string | undefined): Partial<Record<"City" | "ASN", string>> | undefined {
  if (!path) return undefined;
  const full = isAbsolute(path) || !base ? path : resolve(base, path);
  try {
    if (!statSync(full).isDirectory()) return { City: full, ASN: full };
    const names = readdirSync(full).filter((n) => n.endsWith(".mmdb"));
    const pick = (re: RegExp) => names.find((n) => re.test(n));
    const city = pick(/city/i);
    const asn = pick(/asn/i);
    return { ...(city ? { City: join(full, city) } : {}), ...(asn ? { ASN: join(full, asn) } : {}) };
  } catch {
    // Reported when the preview opens it.
    return { City: full, ASN: full };
  }
}

/** `cancelled`: the panel has moved on (a newer keystroke); a run still waiting for the worker is skipped. */
async function onPreview(context: ServerContext, params: PreviewParams, cancelled: () => boolean = () => false): Promise<PreviewResult> {
  const document = parsed(context, params.uri);
  if (!document) return { kind: "none", error: t("Open the pipeline in an editor to preview it") };
  const settings = await context.settings.get(params.uri);
  const base = await baseFolder(context, params.uri);
  const notes: string[] = [];
  let patternsPathTexts: string[] = [];
  try {
    patternsPathTexts = readPatternsPath(settings.grok.patternsPath, base).map((f) => f.text);
  } catch (error) {
    notes.push(t("Cannot read `logsmith.grok.patternsPath`: {0}", (error as Error).message));
  }
  const env: PreviewWorkerEnv = {
    ecsDefault: ecsDefault(settings),
    patternsPathTexts,
    geoipDatabasePath: geoipPaths(settings.geoip.databasePath, base),
    readFiles: params.trusted,
    baseDir: documentDir(params.uri),
  };
  runner ??= new PreviewRunner({ l10nBundle: configuredL10nBundle() });
  try {
    const samples = params.limit !== undefined && params.limit >= 0 ? params.samples.slice(0, params.limit) : params.samples;
    const result = await runner.run(document.text, params.target, samples, env, cancelled);
    return notes.length ? { ...result, notes: [...notes, ...(result.notes ?? [])] } : result;
  } catch (error) {
    return { kind: "none", error: t("The preview failed: {0}", (error as Error).message) };
  }
}

function grokPluginFor(document: ParsedDocument, params: GrokPatternsParams): Plugin | undefined {
  const config = document.parse.config;
  let target: PreviewTarget | undefined = params.target;
  if (!target && params.offset !== undefined) target = targetAt(config, params.offset);
  if (!target || target.kind !== "grok") target = { kind: "grok", index: 0 };
  return targetPlugin(config, target);
}

async function onGrokPatterns(context: ServerContext, params: GrokPatternsParams): Promise<GrokPatternsResult> {
  const document = parsed(context, params.uri);
  const settings = await context.settings.get(params.uri);
  const base = await baseFolder(context, params.uri);
  const plugin = document ? grokPluginFor(document, params) : undefined;
  const opts = plugin ? new PluginOptions(plugin) : undefined;
  const ecs = opts?.string("ecs_compatibility");
  let patternsPath: { file: string; text: string }[] = [];
  try {
    patternsPath = readPatternsPath(settings.grok.patternsPath, base);
  } catch {
    // The preview reports it.
  }
  let patternsDir: { file: string; text: string }[] = [];
  if (opts?.has("patterns_dir") && params.trusted) {
    try {
      patternsDir = readPatternsDirs(opts.list("patterns_dir"), opts.string("patterns_files_glob", "*")).map((f) => ({ file: basename(f.path), text: f.text }));
    } catch {
      // Unreadable directories contribute nothing.
    }
  }
  return listGrokPatterns({
    ecs: ecs === "disabled" || ecs === "v1" || ecs === "v8" ? ecs : ecsDefault(settings),
    patternsPath,
    patternsDir,
    patternDefinitions: opts ? Object.fromEntries(opts.pairs("pattern_definitions").map(([k, v]) => [k, valueToString(v)])) : undefined,
  });
}
