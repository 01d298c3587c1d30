/**
 * Quick fixes for issues that carry a fix in their data: replace with the suggestion, insert a missing
 * option, remove an obsolete one. Edits are offsets; the server converts them.
 */
import type { Span } from "./ast";
import type { Issue } from "./issue";
import { t } from "./l10n";

export interface TextEditOffsets {
  range: Span;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEditOffsets[];
  /** The fix the editor may apply with "Fix all" / auto-fix. */
  preferred: boolean;
}

export function quickFixes(issue: Issue, text: string): QuickFix[] {
  const data = issue.data;
  if (!data) return [];
  const out: QuickFix[] = [];
  const current = text.slice(issue.range.start, issue.range.end);
  const replacements = data.replacements ?? (data.replacement !== undefined ? [data.replacement] : []);
  replacements.forEach((r, i) => {
    const title =
      r === ""
        ? t("Remove `{0}`", current)
        : issue.code === "option-obsolete" || issue.code === "option-deprecated" || issue.code === "option-removed"
          ? t("Replace `{0}` with `{1}`", current, r)
          : t("Change to `{0}`", r);
    out.push({ title, edits: [{ range: issue.range, newText: r }], preferred: i === 0 });
  });
  if (data.insert) {
    const { offset, text: insert } = data.insert;
    const indent = indentAfter(text, offset);
    const body = insert
      .split("\n")
      .map((l) => indent + l)
      .join("\n");
    const title = issue.code === "option-required" ? t("Add the required options") : t("Insert `{0}`", insert.trim());
    const newText = issue.code === "option-required" ? "\n" + body : insert;
    out.push({ title, edits: [{ range: { start: offset, end: offset }, newText }], preferred: out.length === 0 });
  }
  if (data.remove) {
    const name = text.slice(issue.range.start, issue.range.end);
    out.push({ title: t("Remove `{0}`", name), edits: [{ range: data.remove, newText: "" }], preferred: out.length === 0 });
  }
  return out;
}

/** The indentation for a line inserted inside the block that opens just before `offset`. */
function indentAfter(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const unit = lineIndent.includes("\t") ? "\t" : "  ";
  return lineIndent + unit;
}
