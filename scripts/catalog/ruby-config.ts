/**
 * A tolerant reader for the `config :name, :validate => ..., ...` declarations of Logstash plugins.
 *
 * It understands only the Ruby literal forms that plugin authors use in those declarations (strings,
 * symbols, numbers, `%w[]`, arrays, hashes, constants assigned in the same file). Anything else is kept
 * as an opaque expression, so an option is never dropped because its default is computed at runtime.
 */
import type { OptionSpec, PluginKind, ValidateType } from "../../server/src/core/catalog/types";

export type RubyValue =
  | string
  | number
  | boolean
  | null
  | RubyValue[]
  | { hash: [RubyValue, RubyValue][] }
  | { sym: string }
  | { const: string }
  | { expr: string };

export interface RubyConfigDecl {
  name: string;
  args: Map<string, RubyValue>;
  line: number;
}

export interface ExtractedClass {
  /** Fully written class or module name as declared, e.g. `LogStash::Inputs::File`. */
  className: string;
  kind?: PluginKind;
  configName?: string;
  defaultCodec?: string;
  /** Modules named by `include`, with the raw argument text of parameterised mixins. */
  includes: { name: string; args: RubyValue[] }[];
  configs: RubyConfigDecl[];
}

const KIND_BY_BASE: Record<string, PluginKind> = {
  Inputs: "input",
  Filters: "filter",
  Outputs: "output",
  Codecs: "codec",
};

/** Named validators of logstash-core and the plugin mixins, mapped onto the catalog's smaller set. */
const VALIDATOR_SYMBOLS: Record<string, ValidateType> = {
  string: "string",
  number: "number",
  boolean: "boolean",
  array: "array",
  hash: "hash",
  codec: "codec",
  path: "path",
  uri: "uri",
  password: "password",
  bytes: "bytes",
  field_reference: "field_reference",
  // The ones below have no own ValidateType; their accepted values are a subset of these.
  uri_list: "uri",
  uri_or_empty: "uri",
  ipaddr: "string",
  sha_256_hex: "string",
  positive_whole_number: "number",
  dataset_identifier: "string",
  namespace_identifier: "string",
  jdbc_timezone_spec: "string",
};

class Reader {
  pos = 0;
  constructor(
    readonly src: string,
    readonly constants: Map<string, RubyValue>,
  ) {}

  peek(): string {
    return this.src[this.pos] ?? "";
  }

  /** Skips blanks; newlines too when `multiline` (inside brackets or after a comma). */
  skip(multiline: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t" || c === "\r") this.pos++;
      else if (c === "\\" && this.src[this.pos + 1] === "\n") this.pos += 2;
      else if (c === "#" && this.src[this.pos + 1] !== "{") {
        while (this.pos < this.src.length && this.peek() !== "\n") this.pos++;
      } else if (multiline && c === "\n") this.pos++;
      else return;
    }
  }

  eat(s: string, multiline = true): boolean {
    this.skip(multiline);
    if (this.src.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }

  value(): RubyValue {
    const start = this.pos;
    let v = this.primary();
    // Binary operators (`60 * 1000`, `A | B`): fold numbers, otherwise keep the text.
    for (;;) {
      this.skip(false);
      const m = /^(\*\*|[*+\-/|&])/.exec(this.src.slice(this.pos, this.pos + 2));
      if (!m || this.src.startsWith("=>", this.pos)) break;
      this.pos += m[1].length;
      this.skip(true);
      const rhs = this.primary();
      v = fold(m[1], v, rhs, this.src.slice(start, this.pos).trim());
    }
    return v;
  }

  primary(): RubyValue {
    this.skip(true);
    const rest = this.src.slice(this.pos);
    let m: RegExpExecArray | null;
    const c = this.peek();
    if (c === '"' || c === "'") return this.quoted(c);
    if ((m = /^%([wWiI])([[({<|!\/])/.exec(rest))) {
      const close = closer(m[2]);
      const end = this.src.indexOf(close, this.pos + 3);
      const body = this.src.slice(this.pos + 3, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.src.length : end + 1;
      const words = body.split(/\s+/).filter(Boolean);
      return m[1].toLowerCase() === "i" ? words.map((w) => ({ sym: w })) : words;
    }
    if ((m = /^%[qQ]?([[({<|!\/])/.exec(rest))) {
      const close = closer(m[1]);
      const open = this.pos + m[0].length;
      const end = this.src.indexOf(close, open);
      this.pos = end < 0 ? this.src.length : end + 1;
      return this.src.slice(open, end < 0 ? undefined : end);
    }
    if ((m = /^:"([^"]*)"/.exec(rest)) || (m = /^:([A-Za-z_]\w*[?!]?)/.exec(rest))) {
      this.pos += m[0].length;
      return { sym: m[1] };
    }
    if ((m = /^-?(?:0x[0-9a-fA-F]+|\d[\d_]*(?:\.\d[\d_]*)?(?:e[+-]?\d+)?)/.exec(rest))) {
      this.pos += m[0].length;
      return this.postfix(Number(m[0].replace(/_/g, "")), m[0]);
    }
    if (c === "[") {
      this.pos++;
      const items: RubyValue[] = [];
      while (!this.eat("]")) {
        if (this.pos >= this.src.length) break;
        items.push(this.value());
        this.eat(",");
      }
      return this.postfix(items);
    }
    if (c === "{") {
      this.pos++;
      const pairs: [RubyValue, RubyValue][] = [];
      while (!this.eat("}")) {
        if (this.pos >= this.src.length) break;
        const key = this.hashKey();
        pairs.push([key, this.value()]);
        this.eat(",");
      }
      return this.postfix({ hash: pairs });
    }
    if (c === "(") {
      this.pos++;
      const inner = this.value();
      this.eat(")");
      return inner;
    }
    if ((m = /^(true|false|nil)\b/.exec(rest))) {
      this.pos += m[0].length;
      return m[1] === "nil" ? null : m[1] === "true";
    }
    if ((m = /^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*/.exec(rest))) {
      this.pos += m[0].length;
      const name = m[0].replace(/^::/, "");
      const resolved = this.constants.get(name) ?? this.constants.get(name.split("::").pop()!);
      const base: RubyValue = resolved !== undefined ? resolved : /^[A-Z]/.test(name) ? { const: name } : { expr: name };
      return this.postfix(base, name);
    }
    // Unknown token: consume one character so the caller always progresses.
    this.pos++;
    return { expr: c };
  }

  /** Method calls after a value (`.freeze`, `Hash.new`, `::Encoding.name_list`). */
  postfix(v: RubyValue, name?: string): RubyValue {
    let text = name;
    for (;;) {
      const m = /^\.([A-Za-z_]\w*[?!]?)/.exec(this.src.slice(this.pos));
      if (!m) break;
      this.pos += m[0].length;
      if (this.peek() === "(") this.skipBalanced();
      if (m[1] === "freeze" || m[1] === "dup") continue;
      if (m[1] === "new" && text === "Hash") v = { hash: [] };
      else if (m[1] === "new" && text === "Array") v = [];
      else if (m[1] === "to_s" && typeof v === "number") v = String(v);
      else if (m[1] === "keys" && v && typeof v === "object" && "hash" in v) v = v.hash.map(([k]) => k);
      else v = { expr: `${text ?? "value"}.${m[1]}` };
      text = `${text ?? "value"}.${m[1]}`;
    }
    return v;
  }

  skipBalanced(): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return;
    }
  }

  /** In `include Mixin(:disabled, :v1, :v8 => :v1)` a hash pair counts as its key. */
  hashKeyOrValue(): RubyValue {
    const v = this.value();
    if (this.eat("=>")) this.value();
    return v;
  }

  hashKey(): RubyValue {
    this.skip(true);
    const m = /^([A-Za-z_]\w*):(?!:)/.exec(this.src.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return { sym: m[1] };
    }
    const key = this.value();
    this.eat("=>");
    return key;
  }

  quoted(q: string): string {
    let out = "";
    this.pos++;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (c === q) break;
      if (c === "\\") {
        const n = this.src[this.pos++] ?? "";
        if (q === "'") out += n === "'" || n === "\\" ? n : "\\" + n;
        else out += ({ n: "\n", t: "\t", r: "\r", "0": "\0", s: " " } as Record<string, string>)[n] ?? n;
      } else out += c;
    }
    // Adjacent literals concatenate, as in Ruby.
    this.skip(false);
    const n = this.peek();
    if (n === '"' || n === "'") return out + this.quoted(n);
    return out;
  }
}

function closer(open: string): string {
  return ({ "[": "]", "(": ")", "{": "}", "<": ">" } as Record<string, string>)[open] ?? open;
}

function fold(op: string, a: RubyValue, b: RubyValue, text: string): RubyValue {
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "*":
        return a * b;
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "/":
        return Math.trunc(a / b);
      case "**":
        return a ** b;
    }
  }
  if (op === "|" && Array.isArray(a) && Array.isArray(b)) return [...new Set([...a, ...b])];
  if (op === "+" && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (op === "+" && typeof a === "string" && typeof b === "string") return a + b;
  return { expr: text };
}

/** Constants assigned a literal in the file (`EXCHANGE_TYPES = ["fanout", ...]`). */
export function collectConstants(src: string): Map<string, RubyValue> {
  const constants = new Map<string, RubyValue>();
  const re = /^[ \t]*([A-Z][A-Z0-9_]*)\s*=(?!=)\s*/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const r = new Reader(src, constants);
    r.pos = m.index + m[0].length;
    try {
      const v = r.value();
      if (!(typeof v === "object" && v !== null && "expr" in v)) constants.set(m[1], v);
    } catch {
      /* an unparsable constant is simply unknown */
    }
  }
  return constants;
}

/** Parses every `config :name, ...` call (also `base.config(...)` in mixins) in a Ruby source. */
export function extractClasses(src: string, shared?: Map<string, RubyValue>): ExtractedClass[] {
  // Constants of the file itself win over ones gathered from other files of the gem.
  const constants = new Map([...(shared ?? []), ...collectConstants(src)]);
  const classes: ExtractedClass[] = [];
  const lines = src.split("\n");
  const lineStarts: number[] = [];
  let off = 0;
  for (const l of lines) {
    lineStarts.push(off);
    off += l.length + 1;
  }
  let current: ExtractedClass | undefined;
  const open = (className: string): ExtractedClass => {
    const c: ExtractedClass = { className, includes: [], configs: [] };
    classes.push(c);
    return c;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m: RegExpExecArray | null;
    // One-line module nesting such as `module ::LogStash; module Plugins; ... class Input < ::LogStash::Inputs::Base`.
    if ((m = /(?:^|;)\s*class\s+((?:::)?[A-Z][\w:]*)\s*(?:<\s*((?:::)?[A-Z][\w:]*))?/.exec(line))) {
      const base = m[2]?.replace(/^::/, "") ?? "";
      const name = m[1].replace(/^::/, "");
      // Helper classes inside a mixin module keep the module's name, so includes can find what they declare.
      const enclosing = current && !current.kind && current.className !== "(top)" && !name.includes("::") ? `${current.className}::` : "";
      current = open(enclosing + name);
      const bm = /(?:^|::)(Inputs|Filters|Outputs|Codecs)::Base$/.exec(base);
      if (bm) current.kind = KIND_BY_BASE[bm[1]];
      continue;
    }
    // `module A`, `module A; module B` and `module A module B` all nest.
    if (/^\s*module\s+[A-Z:]/.test(line) && !/\bclass\b/.test(line)) {
      for (const mm of line.matchAll(/\bmodule\s+((?:::)?[A-Z][\w:]*)/g)) {
        const name = mm[1].replace(/^::/, "");
        if (!current || current.configs.length > 0 || current.kind) current = open(name);
        else current.className = current.className === "(top)" ? name : `${current.className}::${name}`;
      }
      continue;
    }
    if (!current) current = open("(top)");
    if ((m = /^\s*config_name\s*\(?\s*["':]([\w-]+)["']?/.exec(line))) {
      current.configName = m[1];
      continue;
    }
    if ((m = /^\s*default\s*\(?\s*:codec\s*,\s*["']([\w-]+)["']/.exec(line))) {
      current.defaultCodec = m[1];
      continue;
    }
    // `include X`, and the `base.include(X)` / `base.send(:include, X)` forms mixins use in `self.included`.
    if ((m = /^\s*(?:(?:base|klass)\.)?(?:send\(\s*:include\s*,\s*|include[\s(]\s*)((?:::)?[A-Z][\w:]*)/.exec(line))) {
      const name = m[1].replace(/^::/, "");
      const r = new Reader(src, constants);
      r.pos = lineStarts[i] + line.indexOf(m[1]) + m[1].length;
      const args: RubyValue[] = [];
      const opener = r.peek();
      if (opener === "(" || opener === "[") {
        r.pos++;
        const close = opener === "(" ? ")" : "]";
        while (!r.eat(close) && r.pos < src.length) {
          const before = r.pos;
          args.push(r.hashKeyOrValue());
          r.eat(",");
          if (r.pos === before) break;
        }
      }
      current.includes.push({ name, args });
      continue;
    }
    if ((m = /^\s*(?:(?:base|klass|self|plugin_class)\.)?config\s*(\(|\s)\s*:(\w+)\s*/.exec(line))) {
      const r = new Reader(src, constants);
      r.pos = lineStarts[i] + m[0].length;
      const paren = m[1] === "(";
      const args = new Map<string, RubyValue>();
      for (;;) {
        if (paren ? r.eat(")") : false) break;
        if (!r.eat(",", false)) break;
        const key = r.hashKey();
        const k = typeof key === "object" && key && "sym" in key ? key.sym : String(key);
        args.set(k, r.value());
      }
      current.configs.push({ name: m[2], args, line: i + 1 });
    }
  }
  return classes;
}

function asText(v: RubyValue): string | undefined {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "sym" in v) return v.sym;
  return undefined;
}

/** Converts a Ruby literal to JSON; `undefined` when it is not static. */
export function toJson(v: RubyValue): unknown {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) {
    const out = v.map(toJson);
    return out.includes(undefined) ? undefined : out;
  }
  if ("sym" in v) return v.sym;
  if ("hash" in v) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v.hash) {
      const key = asText(k) ?? (typeof k === "number" ? String(k) : undefined);
      const j = toJson(val);
      if (key === undefined || j === undefined) return undefined;
      out[key] = j;
    }
    return out;
  }
  return undefined;
}

/** Turns one declaration into the catalog's option shape (no description or version data). */
export function toOptionSpec(decl: RubyConfigDecl): OptionSpec {
  const spec: OptionSpec = { name: decl.name, validate: "any" };
  const validate = decl.args.get("validate");
  if (validate !== undefined) {
    if (Array.isArray(validate)) {
      const values = validate.map((x) => (typeof x === "object" && x && "sym" in x ? x.sym : x));
      if (values.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean")) {
        spec.validate = "enum";
        spec.values = values as (string | number | boolean)[];
      }
      // Arrays that mix a validator object with literals (the file input's durations) stay `any`.
    } else if (typeof validate === "object" && validate && "sym" in validate) {
      spec.validate = VALIDATOR_SYMBOLS[validate.sym] ?? "any";
      if (validate.sym === "uri_list") spec.list = true;
    } else if (typeof validate === "object" && validate && "const" in validate) {
      if (/FieldReference/i.test(validate.const)) spec.validate = "field_reference";
      else if (/HostOptionalPort|Host/i.test(validate.const)) spec.validate = "string";
    }
  }
  const list = decl.args.get("list");
  if (list === true || (typeof list === "object" && list && "sym" in list && list.sym === "true")) spec.list = true;
  const dflt = decl.args.get("default");
  spec.default = dflt === undefined ? null : (toJson(dflt) ?? null);
  // Logstash fills defaults in before it checks required options, so a defaulted option is never missing.
  if (decl.args.get("required") === true && spec.default === null) spec.required = true;
  const dep = decl.args.get("deprecated");
  if (dep !== undefined && dep !== false && dep !== null) spec.deprecated = typeof dep === "string" ? dep : "deprecated";
  const obs = decl.args.get("obsolete");
  if (obs !== undefined && obs !== false && obs !== null) spec.obsolete = typeof obs === "string" ? obs : "obsolete";
  return spec;
}

/** Values accepted by `ecs_compatibility`, from `include ...ECSCompatibilitySupport(:disabled, :v1, :v8 => :v1)`. */
export function ecsValues(cls: ExtractedClass): string[] | undefined {
  const inc = cls.includes.find((i) => /ECSCompatibilitySupport$/.test(i.name));
  if (!inc) return undefined;
  const values = inc.args.map(asText).filter((x): x is string => x !== undefined);
  return values.length > 0 ? values : undefined;
}
