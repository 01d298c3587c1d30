import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from "vscode-languageserver";
import { findFoldingRegions } from "../core/folding";
import { parsed, type ServerContext } from "./context";

export function onFoldingRange(context: ServerContext, params: FoldingRangeParams, rangeLimit?: number): FoldingRange[] | null {
  const entry = parsed(context, params.textDocument.uri);
  if (!entry) return null;
  const regions = findFoldingRegions(entry.parse.config, entry.lines).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    kind: r.kind === "comment" ? FoldingRangeKind.Comment : undefined,
  }));
  // Regions come outermost first, so a client limit keeps the most useful ones.
  return rangeLimit !== undefined ? regions.slice(0, rangeLimit) : regions;
}
