/**
 * Answers `logsmith/pipelineMap`: the map of one file's pipeline, a `conf.d` folder read as one
 * pipeline, or every pipeline of the workspace (those pipelines.yml declares, when there is one).
 */
import { LineIndex } from "../core/documents";
import type { Issue } from "../core/issue";
import { hostFor } from "../core/logformat/registry";
import { parseConfig } from "../core/parse";
import { orderPipelineFiles } from "../core/pipeline";
import { buildPipelineMap, type LogWriterInfo } from "../core/pipelineMap";
import { validateParsed } from "../core/validate";
import type { IndexedPipeline } from "../core/workspace";
import type { PipelineMapParams, PipelineMapResult } from "../protocol";
import type { ServerContext } from "./context";
import { toRange } from "./convert";
import { pathToUri, uriToPath } from "./workspaceIndex";

export async function onPipelineMap(context: ServerContext, params: PipelineMapParams): Promise<PipelineMapResult> {
  const workspace = context.workspace;
  await workspace?.ready();
  const index = workspace?.current();
  // Settings are per resource; the workspace map uses the first folder's.
  const settings = await context.settings.get(params.scope.kind === "workspace" ? pathToUri(workspace?.workspaceRoots[0] ?? "/") : params.scope.uri);
  const options = { logstashVersion: settings.logstashVersion, installedPlugins: settings.plugins.installed };

  let pipelines: readonly IndexedPipeline[] = [];
  let title: string;
  const scope = params.scope;
  if (scope.kind === "file") {
    const path = uriToPath(scope.uri) ?? scope.uri;
    title = path.slice(path.lastIndexOf("/") + 1);
    pipelines = index?.pipelinesOf(path) ?? [];
    if (!pipelines.length) {
      // A file the index does not know (untitled, outside the folders): draw it alone.
      const text = context.documents.get(scope.uri)?.getText() ?? workspace?.fileText(path) ?? "";
      pipelines = [{ id: title, files: [{ path, parse: parseConfig(text) }] }];
    }
  } else if (scope.kind === "folder") {
    const dir = (uriToPath(scope.uri) ?? scope.uri).replace(/\/$/, "");
    title = dir.slice(dir.lastIndexOf("/") + 1);
    // Logstash reads a directory as `dir/*`: the files directly in it, in name order, as one pipeline.
    const files = orderPipelineFiles((index?.pipelines ?? []).flatMap((p) => p.files.map((f) => f.path)).filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes("/")));
    const parsed = [...new Set(files)].flatMap((path) => {
      const file = index?.pipelines.flatMap((p) => p.files).find((f) => f.path === path);
      return file ? [{ path, parse: file.parse }] : [];
    });
    pipelines = [{ id: title, files: parsed }];
  } else {
    title = "";
    const all = index?.pipelines ?? [];
    const declared = all.filter((p) => p.declaredIn);
    pipelines = declared.length ? declared : all;
  }

  const issueCache = new Map<string, readonly Issue[]>();
  const issuesFor = (path: string): readonly Issue[] => {
    let issues = issueCache.get(path);
    if (!issues) {
      const file = pipelines.flatMap((p) => p.files).find((f) => f.path === path && !f.toSourceOffset);
      const linked = index?.issuesFor(path) ?? [];
      issues = file ? [...validateParsed(file.parse, options), ...linked] : linked;
      issueCache.set(path, issues);
    }
    return issues;
  };
  const map = buildPipelineMap({ pipelines, issuesFor, logWriters: logWriters(workspace?.hostCandidates() ?? []) });

  const lines = new Map<string, LineIndex>();
  const linesOf = (path: string) => {
    let l = lines.get(path);
    if (!l) {
      l = new LineIndex(context.documents.get(pathToUri(path))?.getText() ?? workspace?.fileText(path) ?? "");
      lines.set(path, l);
    }
    return l;
  };
  return {
    title,
    nodes: map.nodes.map(({ path, range, ...node }) => (path && range ? { ...node, location: { uri: pathToUri(path), range: toRange(linesOf(path), range) } } : node)),
    edges: map.edges,
    groups: map.groups,
  };
}

/** Producers (httpd.conf, server.xml, log4j configs) the log-format hosts recognise, when any are registered. */
function logWriters(candidates: { path: string; text: string }[]): LogWriterInfo[] {
  const out: LogWriterInfo[] = [];
  for (const { path, text } of candidates) {
    const doc = { uri: pathToUri(path), languageId: "", text };
    const host = hostFor(doc);
    if (!host) continue;
    try {
      for (const w of host.scan(doc).writers) out.push({ path: w.path, label: w.format?.name ?? w.kind, hostPath: path, range: w.range });
    } catch {
      // A host that fails on one file must not take the map down.
    }
  }
  return out;
}
