/** UI strings, translated by the extension (vscode.l10n.t) and sent with the `init` message. */
let strings: Record<string, string> = {};

export function setStrings(table: Record<string, string>): void {
  strings = table;
}

/** The translation of `key` with `{0}`… replaced; the key itself when none was sent. */
export function s(key: string, ...args: (string | number)[]): string {
  const text = strings[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
