/**
 * `logsmith fmt`: formats files in place, or with `--check` lists the files that would change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatConfig } from "../core/format";
import { t } from "../core/l10n";
import { validateText } from "../core/validate";
import type { CliIO } from "./check";
import { expandInputs } from "./files";

export interface FmtOptions {
  check: boolean;
  tabSize: number;
  insertSpaces: boolean;
  inputs: string[];
}

/** Exit code: 2 for unreadable inputs, 1 when `--check` finds unformatted files or a file has syntax errors. */
export function runFmt(options: FmtOptions, io: CliIO): number {
  const { files, unreadable } = expandInputs(options.inputs);
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch {
      unreadable.push(file.display);
      continue;
    }
    // A layout guessed from a broken tree could lose text; such files are left alone.
    const syntaxErrors = validateText(text).issues.filter((i) => i.severity === "error" && i.code.startsWith("syntax"));
    if (syntaxErrors.length > 0) {
      io.err(`${file.display}: ${t("not formatted, it has syntax errors (run `logsmith check`)")}\n`);
      failed = true;
      continue;
    }
    const formatted = formatConfig(text, { tabSize: options.tabSize, insertSpaces: options.insertSpaces });
    if (formatted === text) continue;
    if (options.check) {
      io.out(`${file.display}\n`);
      failed = true;
    } else {
      try {
        writeFileSync(file.path, formatted);
        io.out(t("formatted {0}", file.display) + "\n");
      } catch {
        io.err(`logsmith: ${t("cannot write {0}", file.display)}\n`);
        return 2;
      }
    }
  }
  for (const path of unreadable) io.err(`logsmith: ${t("cannot read {0}", path)}\n`);
  if (unreadable.length > 0) return 2;
  return failed ? 1 : 0;
}
