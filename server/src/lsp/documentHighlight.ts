import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from "vscode-languageserver";
import { findDocumentHighlights } from "../core/highlights";
import { toOffset, toRange } from "./convert";
import { parsed, type ServerContext } from "./context";

export function onDocumentHighlight(context: ServerContext, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const entry = parsed(context, params.textDocument.uri);
  if (!entry) return null;
  const offset = toOffset(entry.lines, params.position);
  return findDocumentHighlights(entry.parse.config, offset, entry.fieldOccurrences()).map((h) => ({
    range: toRange(entry.lines, h.range),
    kind: h.access === "write" ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
