export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** Placeholder until the formatter lands: returns the text unchanged. */
export function formatConfig(text: string, options: FormatOptions): string {
  void options;
  return text;
}
