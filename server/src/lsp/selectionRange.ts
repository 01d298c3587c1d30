import type { SelectionRange, SelectionRangeParams } from "vscode-languageserver";
import { getSelectionRanges, type SelectionRange as CoreSelectionRange } from "../core/selectionRanges";
import type { LineIndex } from "../core/documents";
import { toOffset, toRange } from "./convert";
import { parsed, type ServerContext } from "./context";

export function onSelectionRange(context: ServerContext, params: SelectionRangeParams): SelectionRange[] | null {
  const entry = parsed(context, params.textDocument.uri);
  if (!entry) return null;
  const offsets = params.positions.map((p) => toOffset(entry.lines, p));
  return getSelectionRanges(entry.parse.config, offsets).map((r) => convert(entry.lines, r));
}

function convert(lines: LineIndex, range: CoreSelectionRange): SelectionRange {
  return { range: toRange(lines, range.range), parent: range.parent ? convert(lines, range.parent) : undefined };
}
