/**
 * A small scanner over Oniguruma (Ruby syntax) regex text that finds named groups and the
 * references to them. Grok needs it because Logstash's capture names (`NUMBER:[source][bytes]:int`,
 * `@metadata`) are legal in Joni but not in Oniguruma, so every named group is renamed to a safe
 * name before compiling, and because the match result only carries group numbers.
 */

export interface NamedGroup {
  /** The name as written. */
  name: string;
  /** Offset of the opening `(` and just past the closing `)` (or the text's end when unclosed). */
  start: number;
  end: number;
}

export interface ScannedRegex {
  /** Named groups in the order they open, which is their group number order (1-based) in Oniguruma. */
  groups: NamedGroup[];
  /** The text with each group name (and each `\k<name>` / `\g<name>`) replaced by `rename(name)`. */
  renamed: string;
}

/** Scans `source`, renaming names through `rename` (called once per occurrence). */
export function scanNamedGroups(source: string, rename: (name: string) => string): ScannedRegex {
  const groups: NamedGroup[] = [];
  const open: (NamedGroup | null)[] = [];
  let out = "";
  let copied = 0;
  const n = source.length;
  let i = 0;
  const replaceName = (nameStart: number, nameEnd: number) => {
    out += source.slice(copied, nameStart) + rename(source.slice(nameStart, nameEnd));
    copied = nameEnd;
  };
  while (i < n) {
    const c = source[i];
    if (c === "\\") {
      const kind = source[i + 1];
      if ((kind === "k" || kind === "g") && (source[i + 2] === "<" || source[i + 2] === "'")) {
        const close = source[i + 2] === "<" ? ">" : "'";
        const end = source.indexOf(close, i + 3);
        if (end > 0) {
          const ref = source.slice(i + 3, end);
          // Numbered and relative references (\k<1>, \g<-1>) and recursion levels (\k<x+0>) keep their form.
          const name = /^[-+]?\d+$/.test(ref) ? null : ref.replace(/[-+]\d+$/, "");
          if (name) replaceName(i + 3, i + 3 + name.length);
          i = end + 1;
          continue;
        }
      }
      i += 2;
    } else if (c === "[") {
      i = skipClass(source, i);
    } else if (c === "(") {
      if (source.startsWith("(?#", i)) {
        const end = source.indexOf(")", i);
        i = end < 0 ? n : end + 1;
        continue;
      }
      let group: NamedGroup | null = null;
      const named =
        (source.startsWith("(?<", i) && source[i + 3] !== "=" && source[i + 3] !== "!") || source.startsWith("(?'", i);
      if (named) {
        const close = source[i + 2] === "<" ? ">" : "'";
        const end = source.indexOf(close, i + 3);
        if (end > 0) {
          group = { name: source.slice(i + 3, end), start: i, end: n };
          groups.push(group);
          replaceName(i + 3, end);
          open.push(group);
          i = end + 1;
          continue;
        }
      }
      open.push(group);
      i++;
    } else if (c === ")") {
      const g = open.pop();
      if (g) g.end = i + 1;
      i++;
    } else i++;
  }
  out += source.slice(copied);
  return { groups, renamed: out };
}

/** Offset just past the character class opening at `start` (nested classes and POSIX brackets included). */
export function skipClass(source: string, start: number): number {
  const n = source.length;
  let j = start + 1;
  if (source[j] === "^") j++;
  // A "]" right after the opening bracket is a literal in Ruby syntax.
  if (source[j] === "]") j++;
  let depth = 1;
  while (j < n && depth > 0) {
    const c = source[j];
    if (c === "\\") j += 2;
    else if (c === "[") {
      const posix = /^\[:\^?[a-z]+:\]/.exec(source.slice(j, j + 16));
      if (posix) j += posix[0].length;
      else {
        depth++;
        j++;
        if (source[j] === "^") j++;
        if (source[j] === "]") j++;
      }
    } else if (c === "]") {
      depth--;
      j++;
    } else j++;
  }
  return j;
}
