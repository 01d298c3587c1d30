/**
 * `logsmith check`: reports the issues of each file, as text lines or one JSON array.
 */
import { readFileSync } from "node:fs";
import { LineIndex, type Position } from "../core/documents";
import type { Severity } from "../core/issue";
import { validateText } from "../core/validate";
import { expandInputs } from "./files";

export interface CheckOptions {
  format: "text" | "json";
  inputs: string[];
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
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch (error) {
      unreadable.push(file.display);
      continue;
    }
    const lines = new LineIndex(text);
    const { issues } = validateText(text);
    reports.push({
      file: file.display,
      diagnostics: issues.map((i) => ({
        severity: i.severity,
        code: i.code,
        message: i.message,
        range: { start: lines.positionAt(i.range.start), end: lines.positionAt(i.range.end) },
      })),
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
    if (reports.length > 0) io.err(`${reports.length} file(s) checked: ${count("error")} error(s), ${count("warning")} warning(s)\n`);
  }
  for (const path of unreadable) io.err(`logsmith: cannot read ${path}\n`);

  if (unreadable.length > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
}
