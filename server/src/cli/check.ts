/**
 * `logsmith check`: reports the issues of each file, as text lines or one JSON array.
 */
import { readFileSync } from "node:fs";
import { LineIndex, type Position } from "../core/documents";
import type { Severity } from "../core/issue";
import { t } from "../core/l10n";
import { analyzePipeline } from "../core/pipeline";
import type { ValidationOptions } from "../core/validate";
import { validateConfig } from "../core/validation/validate";
import { expandInputs, type InputFile } from "./files";

export interface CheckOptions {
  format: "text" | "json";
  inputs: string[];
  validation?: ValidationOptions;
}

interface FileReport {
  file: string;
  diagnostics: { severity: Severity; code: string; message: string; range: { start: Position; end: Position } }[];
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** Exit code: 2 when an input cannot be read, else 1 when any file has an error, else 0. */
export function runCheck(options: CheckOptions, io: CliIO): number {
  const { files, unreadable } = expandInputs(options.inputs);
  const reports: FileReport[] = [];
  // Files from one directory argument form one pipeline (ids must be unique across them).
  const groups = new Map<number, { file: InputFile; text: string }[]>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch (error) {
      unreadable.push(file.display);
      continue;
    }
    const group = groups.get(file.group) ?? [];
    group.push({ file, text });
    groups.set(file.group, group);
  }
  for (const group of groups.values()) {
    const results = analyzePipeline(
      group.map((g) => ({ path: g.file.display, text: g.text })),
      (_file, parsed) => validateConfig(parsed.config, parsed.text, options.validation),
    );
    results.forEach((result, i) => {
      const lines = new LineIndex(group[i].text);
      const issues = [...result.issues].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      reports.push({
        file: result.path,
        diagnostics: issues.map((issue) => ({
          severity: issue.severity,
          code: issue.code,
          message: issue.message,
          range: { start: lines.positionAt(issue.range.start), end: lines.positionAt(issue.range.end) },
        })),
      });
    });
  }

  if (options.format === "json") {
    io.out(JSON.stringify(reports, null, 2) + "\n");
  } else {
    for (const report of reports) {
      for (const d of report.diagnostics) {
        io.out(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    const count = (s: Severity) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
    if (reports.length > 0) io.err(t("{0} file(s) checked: {1} error(s), {2} warning(s)", reports.length, count("error"), count("warning")) + "\n");
  }
  for (const path of unreadable) io.err(`logsmith: ${t("cannot read {0}", path)}\n`);

  if (unreadable.length > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
}
