/**
 * Builds the pipeline map from the workspace's pipelines: endpoints → inputs → filters (a conditional is
 * a branch node whose clauses are labelled edges, joining again after it) → outputs → endpoints. Filters
 * chain across a pipeline's files in load order; every input feeds the first filter, and the last
 * filters feed every output, as in Logstash.
 */
import type { Config, Plugin, SectionType, Span, Statement } from "../ast";
import type { Issue } from "../issue";
import { t } from "../l10n";
import { globToRegExp } from "../pipelinesYml";
import type { IndexedFile, IndexedPipeline } from "../workspace";
import { inputEndpoints, outputEndpoints, type Endpoint } from "./endpoints";
import type { MapEdge, MapGroup, MapNode, MapProblems, PipelineMap } from "./types";

/** A producer writing a log file (from the log-format work, when present). */
export interface LogWriterInfo {
  /** Path or glob the producer writes. */
  path: string;
  /** Short name: the format's nickname or dialect (`combined`, `log4j2`). */
  label: string;
  /** Host file (httpd.conf, server.xml, …) and where in it. */
  hostPath: string;
  range: Span;
}

export interface MapInput {
  pipelines: readonly IndexedPipeline[];
  /** Diagnostics of a file (absolute path), in that file's offsets; for problem badges. */
  issuesFor?: (path: string) => readonly Issue[];
  /** Log files written by producers the workspace configures; linked to the `file` inputs reading them. */
  logWriters?: readonly LogWriterInfo[];
}

interface Exit {
  id: string;
  label?: string;
}

/** What the chain builder needs of the graph under construction. */
interface Builder {
  input: MapInput;
  pipeline: IndexedPipeline;
  file: IndexedFile;
  add(node: MapNode): string;
  addEdge(from: string, to: string, label?: string): void;
  endpoint(e: Endpoint): string;
}

export function buildPipelineMap(input: MapInput): PipelineMap {
  const nodes = new Map<string, MapNode>();
  const edges: MapEdge[] = [];
  const groups: MapGroup[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (from: string, to: string, label?: string) => {
    const key = `${from}\u0000${to}\u0000${label ?? ""}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push(label ? { from, to, label } : { from, to });
  };
  const endpointNode = (e: Endpoint): string => {
    const id = `endpoint:${e.key}`;
    if (!nodes.has(id)) nodes.set(id, { id, kind: "endpoint", label: e.label, detail: e.detail, problems: { errors: 0, warnings: 0 } });
    return id;
  };

  for (const pipeline of input.pipelines) {
    const group: MapGroup = { id: pipeline.id, label: pipeline.declaredIn ? pipeline.id : baseName(pipeline.id), nodeIds: [] };
    const add = (node: MapNode) => {
      nodes.set(node.id, node);
      group.nodeIds.push(node.id);
      return node.id;
    };
    const sectionsOf = (type: SectionType) => pipeline.files.map((f) => ({ file: f, bodies: bodiesOf(f.parse.config, type) }));

    const builderFor = (file: IndexedFile): Builder => ({ input, pipeline, file, add, addEdge, endpoint: endpointNode });

    const inputIds: string[] = [];
    for (const { file, bodies } of sectionsOf("input")) {
      for (const plugin of bodies.flatMap(pluginsDeep)) {
        const id = add(pluginNode("input", builderFor(file), plugin));
        inputIds.push(id);
        for (const e of inputEndpoints(plugin)) addEdge(endpointNode(e), id);
      }
    }

    let exits: Exit[] = inputIds.map((id) => ({ id }));
    for (const { file, bodies } of sectionsOf("filter")) {
      for (const body of bodies) exits = chain(body, exits, "filter", builderFor(file));
    }
    // Outputs run side by side, each fed by the filters' exits.
    for (const { file, bodies } of sectionsOf("output")) for (const body of bodies) chain(body, exits, "output", builderFor(file));
    groups.push(group);
  }

  for (const writer of input.logWriters ?? []) {
    const fileEndpoints = [...nodes.values()].filter((n) => n.kind === "endpoint" && n.id.startsWith("endpoint:file:") && pathsOverlap(n.label, writer.path));
    if (!fileEndpoints.length) continue;
    const id = `logformat:${writer.hostPath}@${writer.range.start}`;
    nodes.set(id, { id, kind: "logformat", label: writer.label, detail: baseName(writer.hostPath), path: writer.hostPath, range: writer.range, problems: { errors: 0, warnings: 0 } });
    for (const f of fileEndpoints) addEdge(id, f.id);
  }

  return { nodes: [...nodes.values()], edges, groups };
}

function bodiesOf(config: Config, type: SectionType): Statement[][] {
  return config.sections.filter((s) => s.type === type).map((s) => s.body);
}

/** Inputs are never conditional in practice, but the grammar allows branches: take their plugins too. */
function pluginsDeep(body: Statement[]): Plugin[] {
  return body.flatMap((st) => (st.kind === "plugin" ? [st] : st.clauses.flatMap((c) => pluginsDeep(c.body))));
}

/** Adds a section body's nodes after `entries`; returns where events leave it (filters only). */
function chain(body: Statement[], entries: Exit[], kind: "filter" | "output", b: Builder): Exit[] {
  const { pipeline, file, input, add, addEdge } = b;
  let exits = entries;
  for (const st of body) {
    if (st.kind === "plugin") {
      const id = add(pluginNode(kind, b, st));
      for (const e of exits) addEdge(e.id, id, e.label);
      if (kind === "filter") exits = [{ id }];
      else for (const e of outputEndpoints(st)) addEdge(id, b.endpoint(e));
      continue;
    }
    const first = st.clauses[0];
    const range = mapSpan(file, first.condition?.range ?? first.keywordRange);
    const id = add({
      id: nodeId(pipeline, file, mapSpan(file, st.range)),
      kind: "branch",
      label: conditionText(file, first.condition?.range) ?? "if",
      pipeline: pipeline.id,
      path: file.path,
      range,
      problems: countProblems(input, file.path, st.clauses.flatMap((c) => (c.condition ? [mapSpan(file, c.condition.range)] : []))),
    });
    for (const e of exits) addEdge(e.id, id, e.label);
    const next: Exit[] = [];
    let hasElse = false;
    for (const clause of st.clauses) {
      const label = clause.type === "else" ? t("else") : conditionText(file, clause.condition?.range) ?? clause.type;
      if (clause.type === "else") hasElse = true;
      const clauseExits = chain(clause.body, [{ id, label }], kind, b);
      // An empty clause (or an output clause) lets events through the branch unchanged.
      next.push(...(kind === "filter" ? clauseExits : []));
    }
    if (!hasElse || kind === "output") next.push({ id, label: hasElse ? undefined : t("else") });
    exits = kind === "filter" ? dedupe(next) : exits;
  }
  return exits;
}

function dedupe(exits: Exit[]): Exit[] {
  const seen = new Set<string>();
  return exits.filter((e) => {
    const key = `${e.id}\u0000${e.label ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pluginNode(kind: "input" | "filter" | "output", { pipeline, file, input }: Builder, plugin: Plugin): MapNode {
  const idAttr = plugin.attributes.find((a) => a.name === "id");
  const pluginId = idAttr?.value && (idAttr.value.kind === "string" || idAttr.value.kind === "bareword") ? idAttr.value.value : undefined;
  const range = mapSpan(file, plugin.range);
  const node: MapNode = {
    id: nodeId(pipeline, file, range),
    kind,
    label: pluginId ?? plugin.name,
    pipeline: pipeline.id,
    path: file.path,
    range: mapSpan(file, plugin.nameRange),
    problems: countProblems(input, file.path, [range]),
  };
  if (pluginId) node.detail = plugin.name;
  return node;
}

function nodeId(pipeline: IndexedPipeline, file: IndexedFile, range: Span): string {
  return `${pipeline.id}|${file.path}@${range.start}`;
}

function mapSpan(file: IndexedFile, span: Span): Span {
  const map = file.toSourceOffset;
  return map ? { start: map(span.start), end: map(span.end) } : span;
}

const MAX_LABEL = 40;

function conditionText(file: IndexedFile, range: Span | undefined): string | undefined {
  if (!range) return undefined;
  const text = file.parse.text.slice(range.start, range.end).replace(/\s+/g, " ").trim();
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Problems starting inside `ranges`; a branch passes its conditions only (its plugins have their own nodes). */
function countProblems(input: MapInput, path: string, ranges: Span[]): MapProblems {
  const out = { errors: 0, warnings: 0 };
  if (!input.issuesFor) return out;
  for (const i of input.issuesFor(path)) {
    if (!ranges.some((r) => r.start <= i.range.start && i.range.start < Math.max(r.end, r.start + 1))) continue;
    if (i.severity === "error") out.errors++;
    else if (i.severity === "warning") out.warnings++;
  }
  return out;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * A file input's path and a producer's path name the same files. Either may be a glob; a relative
 * producer path (httpd's ServerRoot-relative `logs/access_log`, Tomcat's `logs/…`) names the tail of
 * the absolute path the input reads.
 */
export function pathsOverlap(inputPath: string, writerPath: string): boolean {
  if (inputPath === writerPath) return true;
  const anchored = (p: string) => (p.startsWith("/") ? p : `/**/${p.replace(/^\.\//, "")}`);
  // A concrete path the glob stands for: each wildcard replaced by one ordinary character.
  const sample = (p: string) => anchored(p).replace(/\/\*\*\//g, "/").replace(/[*?]/g, "x");
  try {
    return globToRegExp(anchored(inputPath)).test(sample(writerPath)) || globToRegExp(anchored(writerPath)).test(sample(inputPath));
  } catch {
    return false;
  }
}
