/**
 * Logstash's strict field-reference syntax (FieldReference.java): either a bare top-level name with no
 * brackets (`foo`, `@timestamp`) or adjacent bracketed parts (`[a][b][0]`). Mixed forms (`a[b]`, `[a]b`),
 * empty parts and unbalanced brackets are "Invalid FieldReference" at run time.
 */
export function parseFieldReference(text: string): { path: string[] } | { error: string } {
  if (text.length === 0) return { error: "empty" };
  if (!/[[\]]/.test(text)) return { path: [text] };
  const path: string[] = [];
  const part = /\[([^\[\]]+)\]/y;
  let i = 0;
  while (i < text.length) {
    part.lastIndex = i;
    const m = part.exec(text);
    if (!m) return { error: text[i] === "[" ? "unbalanced" : "mixed" };
    path.push(m[1]);
    i = part.lastIndex;
  }
  return { path };
}

export interface SprintfReference {
  /** The text between `%{` and `}`. */
  inner: string;
  /** Offset of `%{` in the string value. */
  start: number;
  end: number;
  /** `%{+YYYY.MM.dd}` formats the event timestamp instead of reading a field. */
  isDate: boolean;
}

/** The `%{…}` references of a string, as Logstash's StringInterpolation finds them. */
export function sprintfReferences(value: string): SprintfReference[] {
  const out: SprintfReference[] = [];
  const re = /%\{([^}]*)\}/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.push({ inner: m[1], start: m.index, end: m.index + m[0].length, isDate: m[1].startsWith("+") });
  }
  return out;
}

export interface EnvReference {
  name: string;
  default?: string;
  start: number;
  end: number;
}

/** `${VAR}` and `${VAR:default}` as ConfigVariableExpander matches them. */
export function envReferences(value: string): EnvReference[] {
  const out: EnvReference[] = [];
  const re = /\$\{([a-zA-Z_.][a-zA-Z0-9_.]*)(?::([^}]*))?\}/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.push({ name: m[1], default: m[2], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
