import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from "vscode-languageserver";
import { findDocumentSymbols, type DocumentSymbol as CoreSymbol } from "../core/symbols";
import type { LineIndex } from "../core/documents";
import { toRange } from "./convert";
import { parsed, type ServerContext } from "./context";

const KINDS: Record<CoreSymbol["kind"], SymbolKind> = {
  section: SymbolKind.Namespace,
  plugin: SymbolKind.Class,
  branch: SymbolKind.Boolean,
};

export function onDocumentSymbol(context: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] | null {
  const entry = parsed(context, params.textDocument.uri);
  if (!entry) return null;
  return findDocumentSymbols(entry.parse.config, entry.text).map((s) => convert(entry.lines, s));
}

function convert(lines: LineIndex, symbol: CoreSymbol): DocumentSymbol {
  return {
    name: symbol.name || "?",
    detail: symbol.detail,
    kind: KINDS[symbol.kind],
    range: toRange(lines, symbol.range),
    selectionRange: toRange(lines, symbol.selectionRange),
    children: symbol.children.map((c) => convert(lines, c)),
  };
}
