/**
 * Expand-selection ranges: from the smallest node at an offset out to the whole document.
 */
import { containsOffset, type Config, type Node, type Span } from "./ast";
import { childrenOf } from "./walk";

export interface SelectionRange {
  range: Span;
  parent?: SelectionRange;
}

/** One chain per offset, innermost range first. */
export function getSelectionRanges(config: Config, offsets: number[]): SelectionRange[] {
  return offsets.map((offset) => chainAt(config, offset));
}

function chainAt(config: Config, offset: number): SelectionRange {
  // Collected outermost first, then linked so each range points at its parent.
  const spans: Span[] = [config.range];
  let node: Node | undefined = config;
  while (node) {
    const inner = innerSpans(node);
    const children = childrenOf(node);
    // A caret just past one node and right before the next belongs to the next.
    const child: Node | undefined =
      children.find((c) => c.range.start <= offset && offset < c.range.end) ?? children.find((c) => containsOffset(c.range, offset));
    for (const span of inner) {
      if (containsOffset(span, offset) && (!child || containsSpan(span, child.range))) spans.push(span);
    }
    if (child) spans.push(child.range);
    else {
      // Parts that are not nodes of their own (a plugin's name, a string's contents) come last.
      for (const span of leafSpans(node)) if (containsOffset(span, offset)) spans.push(span);
    }
    node = child;
  }
  let result: SelectionRange | undefined;
  for (const span of spans) {
    if (result && result.range.start === span.start && result.range.end === span.end) continue;
    if (result && !containsSpan(result.range, span)) continue;
    result = { range: span, parent: result };
  }
  return result ?? { range: { start: offset, end: offset } };
}

/** Bodies between a node and its children: selecting `{ … }` before the whole section. */
function innerSpans(node: Node): Span[] {
  switch (node.kind) {
    case "section":
    case "plugin":
    case "clause":
      return [node.bodyRange, inside(node.bodyRange)];
    case "array":
    case "hash":
      return [inside(node.range)];
    default:
      return [];
  }
}

function leafSpans(node: Node): Span[] {
  switch (node.kind) {
    case "section":
      return [node.typeRange];
    case "plugin":
      return [node.nameRange];
    case "attribute":
      return [node.nameRange];
    case "clause":
      return [node.keywordRange];
    case "string":
    case "regex":
      return [inside(node.range)];
    case "boolean":
    case "compare":
    case "in":
    case "match":
      return [node.operatorRange];
    default:
      return [];
  }
}

function inside(span: Span): Span {
  return span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span;
}


function containsSpan(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
