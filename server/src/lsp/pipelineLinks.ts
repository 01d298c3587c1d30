/**
 * Pipeline-to-pipeline links over LSP: cross-pipeline diagnostics of a config file, definition from a
 * `send_to` address to the listening `pipeline` input, references from an address to its senders.
 */
import type { DefinitionParams, Diagnostic, Location, ReferenceParams } from "vscode-languageserver";
import { LineIndex } from "../core/documents";
import type { LocatedRef } from "../core/workspace";
import type { ServerContext } from "./context";
import { toDiagnostic, toRange } from "./convert";
import type { ParsedDocument } from "./parseCache";
import { pathToUri, uriToPath } from "./workspaceIndex";

export function pipelineLinkDiagnostics(context: ServerContext, entry: ParsedDocument): Diagnostic[] {
  const path = uriToPath(entry.uri);
  // Outside the workspace folders the other pipelines are unknown: an address with no listener in
  // sight may well have one.
  // In Restricted Mode the workspace's other files are not read, so the same holds.
  if (!path || !context.workspace?.isTrusted || !context.workspace.workspaceRoots.some((r) => path.startsWith(`${r}/`))) return [];
  const index = context.workspace.current();
  if (!index) return [];
  return index.issuesFor(path).map((i) => toDiagnostic(entry.lines, i));
}

function linkAt(context: ServerContext, uri: string, position: { line: number; character: number }) {
  const path = uriToPath(uri);
  const document = context.documents.get(uri);
  const index = context.workspace?.current();
  if (!path || !document || !index) return undefined;
  return { index, at: index.linkAt(path, document.offsetAt(position)) };
}

/** Undefined when the cursor is not on a pipeline address, so the other definition providers answer. */
export function onPipelineLinkDefinition(context: ServerContext, params: DefinitionParams): Location[] | undefined {
  const found = linkAt(context, params.textDocument.uri, params.position);
  if (!found?.at) return undefined;
  const { index, at } = found;
  const targets = at.kind === "send" ? index.listenersOf(at.ref.address) : index.sendersTo(at.ref.address);
  return locations(context, targets);
}

export function onPipelineLinkReferences(context: ServerContext, params: ReferenceParams): Location[] | undefined {
  const found = linkAt(context, params.textDocument.uri, params.position);
  if (!found?.at) return undefined;
  const { index, at } = found;
  const refs = [...index.sendersTo(at.ref.address), ...(params.context.includeDeclaration ? index.listenersOf(at.ref.address) : [])];
  return locations(context, refs);
}

function locations(context: ServerContext, refs: LocatedRef[]): Location[] {
  const linesByPath = new Map<string, LineIndex>();
  const out: Location[] = [];
  for (const r of refs) {
    const uri = pathToUri(r.path);
    let lines = linesByPath.get(r.path);
    if (!lines) {
      const text = context.documents.get(uri)?.getText() ?? context.workspace?.fileText(r.path);
      if (text === undefined) continue;
      lines = new LineIndex(text);
      linesByPath.set(r.path, lines);
    }
    out.push({ uri, range: toRange(lines, r.range) });
  }
  return out;
}
