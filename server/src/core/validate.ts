/**
 * The one entry for "everything wrong with this document", used by the language server and the CLI,
 * so both always report the same issues. Catalog and pipeline checks join here as they land.
 */
import type { Issue } from "./issue";
import { parseConfig, type ParseResult } from "./parse";
import { validateConfig, type ValidationOptions } from "./validation/validate";
import { addDuplicateIdIssues } from "./pipeline";

export type { ValidationOptions };

/** Issues of an already parsed document (the server parses once per version and shares the result). */
export function validateParsed(parse: ParseResult, options: ValidationOptions = {}): Issue[] {
  // A document alone is a one-file pipeline: its plugin ids must be unique too.
  const result = { path: "", parsed: parse, issues: [...parse.issues, ...validateConfig(parse.config, parse.text, options)] };
  addDuplicateIdIssues([result]);
  return result.issues.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

export function validateText(text: string, options: ValidationOptions = {}): { parse: ParseResult; issues: Issue[] } {
  const parse = parseConfig(text);
  return { parse, issues: validateParsed(parse, options) };
}
