/**
 * Field lineage over LSP: warnings on field reads no upstream step can satisfy and information on
 * unmatched inputs (pipeline files), information on writers no pipeline reads (httpd.conf, server.xml,
 * log4j configs), and the origin chain in the hover of a field reference.
 *
 * The analysis spans files, so it is cached on the workspace index and the host files' texts; when its
 * results change (a CustomLog edited, an input path fixed, a file changed on disk) every open document is
 * re-checked.
 */
import type { DefinitionParams, Diagnostic, Hover, HoverParams, Location, MarkupContent } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../core/documents";
import { analyzeLineage, inputHover, lineageHover, type HostFile, type KnownWriter, type OriginStep, type WorkspaceLineage } from "../core/lineage";
import type { ServerContext } from "./context";
import { toDiagnostic, toRange } from "./convert";
import type { ParsedDocument } from "./parseCache";
import { pathToUri, uriToPath } from "./workspaceIndex";

const REFRESH_DELAY_MS = 200;

let cached: { index: object; hostKey: string; lineage: WorkspaceLineage } | undefined;

function currentLineage(context: ServerContext): WorkspaceLineage | undefined {
  const workspace = context.workspace;
  const index = workspace?.current();
  if (!workspace || !index) return undefined;
  const hosts: HostFile[] = workspace.hostCandidates().map(({ path, text }) => ({ path, text, languageId: context.documents.get(pathToUri(path))?.languageId }));
  const hostKey = hosts.map((h) => `${h.path}\u0000${h.languageId ?? ""}\u0000${h.text}`).join("\u0001");
  if (cached && cached.index === index && cached.hostKey === hostKey) return cached.lineage;
  const lineage = analyzeLineage({ pipelines: index.pipelines, hosts, toUri: pathToUri });
  cached = { index, hostKey, lineage };
  return lineage;
}

/** Lineage diagnostics of a pipeline config document. */
export function lineageDiagnostics(context: ServerContext, entry: ParsedDocument): Diagnostic[] {
  const path = uriToPath(entry.uri);
  const lineage = path ? currentLineage(context) : undefined;
  return lineage ? lineage.issuesFor(path!).map((i) => toDiagnostic(entry.lines, i)) : [];
}

/** Lineage diagnostics of a log-format host document (httpd.conf …). */
export function lineageHostDiagnostics(context: ServerContext, document: TextDocument): Diagnostic[] {
  const path = uriToPath(document.uri);
  const lineage = path ? currentLineage(context) : undefined;
  if (!lineage) return [];
  const lines = new LineIndex(document.getText());
  return lineage.issuesFor(path!).map((i) => toDiagnostic(lines, i));
}

/** Adds the origin chain of the field under the cursor to the hover the other providers give. */
export async function withLineageHover(context: ServerContext, params: HoverParams, base: Promise<Hover | undefined | null> | Hover | undefined | null): Promise<Hover | undefined | null> {
  const hover = await base;
  const document = context.documents.get(params.textDocument.uri);
  const path = uriToPath(params.textDocument.uri);
  const lineage = document && path ? currentLineage(context) : undefined;
  const offset = document?.offsetAt(params.position) ?? 0;
  const ref = lineage?.refAt(path!, offset);
  const input = ref ? undefined : lineage?.inputAt(path!, offset);
  if ((!ref && !input) || !document) return hover;
  const lines = new LineIndex(document.getText());
  const markdown = ref
    ? lineageHover(ref, (step) => describe(context, step))
    : inputHover(input!.glob, input!.writers, (w) => describe(context, { label: "", path: w.hostPath, range: w.range }).replace(/^ \(|\)$/g, ""));
  const span = ref?.range ?? input!.range;
  const previous = hover ? contentsText(hover.contents) : "";
  return {
    contents: { kind: "markdown", value: previous ? `${previous}\n\n---\n\n${markdown}` : markdown },
    range: hover?.range ?? toRange(lines, span),
  };
}

/** Definition from a file input's path to the lines that make producers write those files (CustomLog, Valve, appender). */
export function lineageDefinition(context: ServerContext, params: DefinitionParams): Location[] | undefined {
  const document = context.documents.get(params.textDocument.uri);
  const path = uriToPath(params.textDocument.uri);
  const lineage = document && path ? currentLineage(context) : undefined;
  const input = lineage?.inputAt(path!, document!.offsetAt(params.position));
  if (!input?.writers.length) return undefined;
  return input.writers.flatMap((w: KnownWriter) => {
    const text = context.documents.get(pathToUri(w.hostPath))?.getText() ?? context.workspace?.fileText(w.hostPath);
    return text === undefined ? [] : [{ uri: pathToUri(w.hostPath), range: toRange(new LineIndex(text), w.range) }];
  });
}

/** A step as a link to where it is written (file and line). */
function describe(context: ServerContext, step: OriginStep): string {
  if (!step.path) return step.label;
  const uri = pathToUri(step.path);
  const text = context.documents.get(uri)?.getText() ?? context.workspace?.fileText(step.path);
  const name = step.path.slice(step.path.lastIndexOf("/") + 1);
  if (text === undefined || !step.range) return `${step.label} (${name})`;
  const line = new LineIndex(text).positionAt(step.range.start).line + 1;
  return `${step.label} ([${name}:${line}](${uri}#L${line}))`;
}

function contentsText(contents: Hover["contents"]): string {
  if (typeof contents === "string") return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === "string" ? c : "```" + c.language + "\n" + c.value + "\n```")).join("\n\n");
  if ("kind" in contents) return (contents as MarkupContent).value;
  return "```" + contents.language + "\n" + contents.value + "\n```";
}

/**
 * Re-checks every open document when lineage results change: after an edit of any document (a host file
 * or a pipeline's inputs) and after the workspace was rescanned from disk.
 */
export function registerLineage(context: ServerContext, revalidateAll: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  let signature: string | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const lineage = currentLineage(context);
      if (!lineage) return;
      const next = lineageSignature(context, lineage);
      if (next !== signature) revalidateAll();
      signature = next;
    }, REFRESH_DELAY_MS);
  };
  context.documents.onDidChangeContent(refresh);
  context.documents.onDidClose(refresh);
  context.workspace?.onRebuilt.push(refresh);
}

function lineageSignature(context: ServerContext, lineage: WorkspaceLineage): string {
  const paths = new Set<string>(lineage.writers.map((w) => w.hostPath));
  for (const p of context.workspace?.current()?.pipelines ?? []) for (const f of p.files) paths.add(f.path);
  return [...paths]
    .sort()
    .map((p) => `${p}|${lineage.issuesFor(p).map((i) => `${i.code}@${i.range.start}-${i.range.end}:${i.message}`).join(",")}`)
    .join("\n");
}
