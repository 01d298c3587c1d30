/**
 * Values of log4j configuration files with their source offsets: Java `.properties` entries (escapes, line
 * continuations) and XML attributes and text (entities). Each decoded value keeps, per character, the
 * document offset it came from, so diagnostics inside a pattern land on the right place in the file.
 */
import type { EmbeddedFormat, LogFormatKind, ParsedFormat } from "../types";

export interface HostValue {
  value: string;
  /** Document offset of each value character, plus one past the end. */
  offsets: number[];
}

/** A format found in a host file, mapping format offsets to document offsets through `hv.offsets`. */
export function embed(kind: LogFormatKind, parsed: ParsedFormat, hv: HostValue, name?: string): EmbeddedFormat {
  const offsets = hv.offsets;
  return {
    kind,
    parsed,
    range: { start: offsets[0], end: offsets[offsets.length - 1] },
    toHost: (o) => offsets[Math.max(0, Math.min(o, offsets.length - 1))],
    fromHost(h) {
      let i = 0;
      while (i + 1 < offsets.length && offsets[i + 1] <= h) i++;
      return i;
    },
    name,
  };
}

export interface PropertyEntry extends HostValue {
  key: string;
  keyStart: number;
}

/** Java Properties.load: `key = value`, `key: value`, `key value`; `#`/`!` comments; `\` escapes and continuations. */
export function parseProperties(text: string): PropertyEntry[] {
  const out: PropertyEntry[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Skip blank space at the start of a logical line.
    while (i < n && /[ \t\f\r\n]/.test(text[i])) i++;
    if (i >= n) break;
    if (text[i] === "#" || text[i] === "!") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    const keyStart = i;
    let key = "";
    let value = "";
    const offsets: number[] = [];
    let inKey = true;
    let sawSeparator = false;
    while (i < n && text[i] !== "\n" && text[i] !== "\r") {
      let c = text[i];
      const at = i;
      if (c === "\\") {
        const d = text[i + 1];
        if (d === "\n" || d === "\r" || d === undefined) {
          // Continuation: the next line's leading blanks are dropped.
          i += d === "\r" && text[i + 2] === "\n" ? 3 : 2;
          while (i < n && /[ \t\f]/.test(text[i])) i++;
          continue;
        }
        if (d === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          c = String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          c = ({ t: "\t", n: "\n", r: "\r", f: "\f" } as Record<string, string>)[d] ?? d;
          i += 2;
        }
        if (inKey) key += c;
        else {
          value += c;
          offsets.push(at);
        }
        continue;
      }
      if (inKey && (c === "=" || c === ":" || c === " " || c === "\t" || c === "\f")) {
        inKey = false;
        i++;
        // `key  =  value`: blanks, at most one `=`/`:`, blanks.
        while (i < n && /[ \t\f]/.test(text[i])) i++;
        if (!sawSeparator && c !== "=" && c !== ":" && (text[i] === "=" || text[i] === ":")) {
          i++;
          while (i < n && /[ \t\f]/.test(text[i])) i++;
        }
        sawSeparator = true;
        continue;
      }
      if (inKey) key += c;
      else {
        value += c;
        offsets.push(at);
      }
      i++;
    }
    offsets.push(i);
    out.push({ key, keyStart, value, offsets });
  }
  return out;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes XML character data between `start` and `end` of `text`. */
export function xmlValue(text: string, start: number, end: number): HostValue {
  let value = "";
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    if (text[i] === "&") {
      const semi = text.indexOf(";", i);
      if (semi > i && semi < end) {
        const name = text.slice(i + 1, semi);
        let decoded: string | undefined = ENTITIES[name];
        if (name.startsWith("#x")) decoded = String.fromCodePoint(Number.parseInt(name.slice(2), 16));
        else if (name.startsWith("#")) decoded = String.fromCodePoint(Number.parseInt(name.slice(1), 10));
        if (decoded !== undefined) {
          for (const ch of decoded) {
            value += ch;
            for (let k = 0; k < ch.length; k++) offsets.push(i);
          }
          i = semi + 1;
          continue;
        }
      }
    }
    value += text[i];
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { value, offsets };
}

export interface XmlElement {
  name: string;
  /** Local name without a namespace prefix. */
  local: string;
  start: number;
  /** End of the start tag. */
  tagEnd: number;
  /** End of the element (after its end tag, or of a self-closing tag). */
  end: number;
  attributes: Map<string, { value: HostValue; start: number; end: number }>;
  children: XmlElement[];
  /** Character data directly inside (first run only), for `<Pattern>text</Pattern>`. */
  text?: HostValue;
}

/** A forgiving XML element tree (comments, CDATA-less text, processing instructions skipped). */
export function parseXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const parent = stack[stack.length - 1];
    if (parent && parent.text === undefined && m.index > last && text.slice(last, m.index).trim() !== "") {
      const raw = text.slice(last, m.index);
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      parent.text = xmlValue(text, last + lead, m.index - trail);
    }
    last = tag.lastIndex;
    if (m[1] !== undefined) {
      const idx = stack.map((e) => e.name).lastIndexOf(m[1]);
      if (idx >= 0) {
        for (let k = stack.length - 1; k >= idx; k--) stack[k].end = tag.lastIndex;
        stack.length = idx;
      }
      continue;
    }
    if (m[2] === undefined) continue;
    const attributes = new Map<string, { value: HostValue; start: number; end: number }>();
    const attrsStart = m.index + 1 + m[2].length;
    const attr = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (let a = attr.exec(m[3]); a; a = attr.exec(m[3])) {
      const valueStart = attrsStart + a.index + a[0].length - a[2].length + 1;
      const valueEnd = valueStart + a[2].length - 2;
      attributes.set(a[1], { value: xmlValue(text, valueStart, valueEnd), start: valueStart, end: valueEnd });
    }
    const el: XmlElement = { name: m[2], local: m[2].split(":").pop()!, start: m.index, tagEnd: tag.lastIndex, end: tag.lastIndex, attributes, children: [] };
    (parent ? parent.children : roots).push(el);
    if (m[4] !== "/") stack.push(el);
  }
  return roots;
}

export function* walkXml(elements: readonly XmlElement[]): Generator<XmlElement> {
  for (const el of elements) {
    yield el;
    yield* walkXml(el.children);
  }
}

/** Attribute lookup ignoring case (log4j 2 reads attribute names case-insensitively). */
export function attr(el: XmlElement, name: string): { value: HostValue; start: number; end: number } | undefined {
  for (const [k, v] of el.attributes) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}
