/** Splits a test input at its `|` caret marker: `filter { if [a|] {} }` → text without the bar, offset of it. */
export function caret(input: string): { text: string; offset: number } {
  const offset = input.indexOf("|");
  if (offset < 0 || input.indexOf("|", offset + 1) >= 0) throw new Error("input needs exactly one | caret");
  return { text: input.slice(0, offset) + input.slice(offset + 1), offset };
}

/** The text covered by each span, for readable assertions. */
export function slices(text: string, spans: { start: number; end: number }[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}
