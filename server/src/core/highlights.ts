/**
 * Document highlights: with the caret on a field reference, every other reference to the same field.
 */
import type { Config, Span } from "./ast";
import { findFieldOccurrences, type FieldOccurrence } from "./fieldOccurrences";

export interface Highlight {
  range: Span;
  access: "read" | "write";
}

export function findDocumentHighlights(config: Config, offset: number, occurrences?: FieldOccurrence[]): Highlight[] {
  const all = occurrences ?? findFieldOccurrences(config);
  const at = all.find((o) => o.range.start <= offset && offset <= o.range.end);
  if (!at) return [];
  return all.filter((o) => o.key === at.key).map((o) => ({ range: o.range, access: o.access }));
}
