/**
 * One parse per document version: every handler for the same version shares it.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../core/documents";
import { findFieldOccurrences, type FieldOccurrence } from "../core/fieldOccurrences";
import { parseConfig, type ParseResult } from "../core/parse";

export interface ParsedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  parse: ParseResult;
  /** Computed on first use (highlights, semantic tokens). */
  fieldOccurrences(): FieldOccurrence[];
}

export class ParseCache {
  private readonly entries = new Map<string, ParsedDocument>();

  get(document: TextDocument): ParsedDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const parse = parseConfig(text);
    let occurrences: FieldOccurrence[] | undefined;
    const entry: ParsedDocument = {
      uri: document.uri,
      version: document.version,
      text,
      lines: new LineIndex(text),
      parse,
      fieldOccurrences: () => (occurrences ??= findFieldOccurrences(parse.config)),
    };
    this.entries.set(document.uri, entry);
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
