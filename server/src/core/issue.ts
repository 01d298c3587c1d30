import type { Span } from "./ast";

export type Severity = "error" | "warning" | "information" | "hint";

/**
 * A problem found in a document, in the core's own terms (offsets, not positions).
 *
 * `code` is stable and starts with its family: `syntax-…` for what Logstash's grammar rejects,
 * `config-…` for what Logstash rejects right after parsing, `plugin-…`/`option-…` for catalog checks,
 * and so on. Tools filter by that prefix, so a code never changes once released.
 */
export interface Issue {
  code: string;
  message: string;
  severity: Severity;
  range: Span;
  /** Machine-readable details a quick fix needs (a suggested replacement, …). */
  data?: IssueData;
  /** Deprecated or removed settings are rendered struck through by editors. */
  tags?: ("deprecated" | "unnecessary")[];
}

export interface IssueData {
  /** Replacement text for `range` offered as a quick fix. */
  replacement?: string;
  /** Several replacements, best first. */
  replacements?: string[];
  /** Text to insert (for example a missing required option) and where. */
  insert?: { offset: number; text: string };
  /** Remove this span entirely (for example an obsolete option). */
  remove?: Span;
}

export function issue(code: string, severity: Severity, message: string, range: Span, data?: IssueData): Issue {
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
