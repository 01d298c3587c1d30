import type { Config } from "./ast";
import type { Issue } from "./issue";

export interface ParseResult {
  config: Config;
  /** Syntax errors (`syntax-…`) and the checks Logstash makes right after parsing (`config-…`). */
  issues: Issue[];
}

/** Parses one pipeline file. Never throws: broken input gives a partial tree plus issues. */
export function parseConfig(text: string): ParseResult {
  // Placeholder until the chevrotain parser lands (in progress).
  return { config: { kind: "config", sections: [], comments: [], range: { start: 0, end: text.length } }, issues: [] };
}
