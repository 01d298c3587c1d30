/**
 * Conversions between the core's offsets and LSP positions. The only place that knows LSP's numbering.
 */
import {
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from "vscode-languageserver";
import type { Span } from "../core/ast";
import type { LineIndex } from "../core/documents";
import type { Issue, Severity } from "../core/issue";
import type { TextEdit } from "../core/textEdits";

export const DIAGNOSTIC_SOURCE = "logsmith";

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toSpan(lines: LineIndex, range: Range): Span {
  const a = lines.offsetAt(range.start);
  const b = lines.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(lines: LineIndex, issue: Issue): Diagnostic {
  const diagnostic = Diagnostic.create(toRange(lines, issue.range), issue.message, SEVERITIES[issue.severity], issue.code, DIAGNOSTIC_SOURCE);
  if (issue.tags?.length) {
    diagnostic.tags = issue.tags.map((tag) => (tag === "deprecated" ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  // Quick fixes read the replacement back from the diagnostic the client returns with the code action request.
  if (issue.data) diagnostic.data = issue.data;
  return diagnostic;
}

export function toTextEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit.range), newText: edit.newText };
}
