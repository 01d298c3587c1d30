/**
 * Foldable regions: sections, plugins, multi-line hashes and arrays, conditional clauses, comment blocks.
 */
import type { Config, Span } from "./ast";
import type { LineIndex } from "./documents";
import { walk } from "./walk";

export interface FoldingRegion {
  startLine: number;
  /** Last line hidden when folded: the line before the closing bracket, so the bracket stays visible. */
  endLine: number;
  kind: "region" | "comment";
}

export function findFoldingRegions(config: Config, lines: LineIndex): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const bracketed = (span: Span) => {
    const startLine = lines.lineAt(span.start);
    // `end` is just past the closing bracket; the bracket's own line stays visible.
    const endLine = lines.lineAt(Math.max(span.start, span.end - 1)) - 1;
    if (endLine > startLine) regions.push({ startLine, endLine, kind: "region" });
  };

  walk(config, (node) => {
    switch (node.kind) {
      case "section":
      case "plugin":
        bracketed({ start: node.range.start, end: node.bodyRange.end });
        break;
      case "clause":
        bracketed({ start: node.range.start, end: node.bodyRange.end });
        break;
      case "array":
      case "hash":
        bracketed(node.range);
        break;
    }
  });

  // Runs of whole-line comments on consecutive lines fold together.
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) regions.push({ startLine: runStart, endLine: runEnd, kind: "comment" });
  };
  for (const comment of config.comments) {
    const line = lines.lineAt(comment.range.start);
    const ownLine = lines.text.slice(lines.lineStart(line), comment.range.start).trim() === "";
    if (!ownLine) continue;
    if (runStart >= 0 && line === runEnd + 1) {
      runEnd = line;
    } else {
      flush();
      runStart = runEnd = line;
    }
  }
  flush();

  return regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
