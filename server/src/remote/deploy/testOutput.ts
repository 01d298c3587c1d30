/**
 * Reads the output of the host's config test (`logstash --config.test_and_exit`) into errors with the
 * line they name. Logstash's grammar errors say `... at line 3, column 9 (byte 42) after ...`; other
 * failures (unknown plugin, bad option) name no line and map to the top of the file.
 */

export interface TestError {
  /** 1-based, as Logstash prints them; undefined when the message names no place. */
  line?: number;
  column?: number;
  message: string;
}

/** `[2026-11-24T20:00:00,000][FATAL][logstash.runner] ` and similar log prefixes. */
const LOG_PREFIX = /^(\[[^\]]*\])+\s*/;
const LINE_COLUMN = /\bline (\d+), column (\d+)/;
/** `file:3:9: error code message`, the format of `logsmith check` and of many linters. */
const FILE_LINE_COLUMN = /^[^\s:][^:]*:(\d+):(\d+):\s*(?:(error|warning|information|hint)\s+)?(.*)$/;

export function parseTestOutput(output: string): TestError[] {
  const lines = output.split(/\r?\n/).map((l) => l.replace(/\x1b\[[0-9;]*m/g, ""));
  const errors: TestError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lc = LINE_COLUMN.exec(line);
    if (lc) {
      errors.push({ line: Number(lc[1]), column: Number(lc[2]), message: line.replace(LOG_PREFIX, "").trim() });
      continue;
    }
    const flc = FILE_LINE_COLUMN.exec(line);
    if (flc && (flc[3] === undefined || flc[3] === "error")) {
      errors.push({ line: Number(flc[1]), column: Number(flc[2]), message: flc[4].trim() });
    }
  }
  if (errors.length > 0) return errors;
  const loud = lines.filter((l) => /\[(ERROR|FATAL)\]/.test(l)).map((l) => l.replace(LOG_PREFIX, "").trim());
  if (loud.length > 0) return loud.map((message) => ({ message }));
  const last = lines.map((l) => l.trim()).filter(Boolean).pop();
  return [{ message: last ?? "" }];
}
