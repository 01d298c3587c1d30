/**
 * Value types as Logstash's config mixin (`validate_value`) checks them, with its coercions: every value
 * arrives as a list, a one-element list is as good as a scalar, `"5"` is a number, `"true"` a boolean,
 * an even-length array a hash.
 */
import type { Attribute, Value } from "../ast";
import type { ResolvedOption } from "../catalog/catalog";
import { parseFieldReference } from "../fieldReference";
import { localizable, t } from "../l10n";
import { suggestions } from "../suggest";
import type { PluginUnderCheck, Reporter } from "./context";

const KIND_WORD: Record<string, string> = {
  string: localizable("a string"),
  number: localizable("a number"),
  boolean: localizable("`true` or `false`"),
  array: localizable("an array"),
  hash: localizable("a hash"),
  codec: localizable("a codec"),
  path: localizable("a path"),
  uri: localizable("a URI"),
  password: localizable("a password"),
  bytes: localizable("a size such as \"10MB\""),
  field_reference: localizable("a field reference"),
};

const DESCRIBE: Record<Value["kind"], string> = {
  string: localizable("a string"),
  number: localizable("a number"),
  bareword: localizable("a bareword"),
  array: localizable("an array"),
  hash: localizable("a hash"),
  plugin: localizable("a plugin block"),
};

export function checkValues(p: PluginUnderCheck, r: Reporter): void {
  for (const a of p.plugin.attributes) {
    const opt = p.options.get(a.name);
    if (!opt || !a.value || opt.obsolete) continue;
    checkValue(a, a.value, opt, r);
  }
}

function expected(opt: ResolvedOption): string {
  if (opt.validate === "enum") return t("one of {0}", (opt.values ?? []).map((v) => `"${v}"`).join(", "));
  return t(KIND_WORD[opt.validate] ?? opt.validate);
}

/** Values with `${VAR}` are only known at run time. */
function dynamic(v: Value): boolean {
  return (v.kind === "string" || v.kind === "bareword") && v.value.includes("${");
}

function checkValue(a: Attribute, value: Value, opt: ResolvedOption, r: Reporter): void {
  const type = opt.validate;
  if (type === "any") return;
  if (type === "array") return;
  if (type === "hash") {
    if (value.kind === "hash") return;
    const n = value.kind === "array" ? value.elements.length : 1;
    if (value.kind === "plugin" || n % 2 === 1) {
      r.add("option-type", "error", t("`{0}` expects {1} ({2}), got {3}", a.name, expected(opt), "`{ key => value }`", t(DESCRIBE[value.kind])), value.range);
    }
    return;
  }
  if (opt.list) {
    const items = value.kind === "array" ? value.elements : [value];
    for (const item of items) checkScalar(a, item, opt, r, true);
    return;
  }
  if (value.kind === "array") {
    if (value.elements.length !== 1) {
      r.add("option-type", "error", t("`{0}` expects {1}, not a list of {2} values", a.name, expected(opt), String(value.elements.length)), value.range);
      return;
    }
    checkScalar(a, value.elements[0], opt, r, false);
    return;
  }
  checkScalar(a, value, opt, r, false);
}

function checkScalar(a: Attribute, v: Value, opt: ResolvedOption, r: Reporter, inList: boolean): void {
  const type = opt.validate;
  if (v.kind === "hash" || v.kind === "array" || (v.kind === "plugin" && type !== "codec")) {
    r.add("option-type", "error", t("`{0}` expects {1}, got {2}", a.name, expected(opt), t(DESCRIBE[v.kind])), v.range);
    return;
  }
  if (dynamic(v)) return;
  const text = v.kind === "number" ? v.text : v.kind === "plugin" ? v.name : v.value;
  switch (type) {
    case "number":
      if (v.kind !== "number" && !isRubyNumber(text)) {
        r.add("option-type", "error", t("`{0}` expects a number, got \"{1}\"", a.name, text), v.range);
      }
      return;
    case "boolean":
      if (text !== "true" && text !== "false") {
        r.add("option-type", "error", t("`{0}` expects `true` or `false`, got {1}", a.name, v.kind === "number" ? text : `"${text}"`), v.range, {
          replacements: ["true", "false"],
        });
      }
      return;
    case "enum": {
      const allowed = (opt.values ?? []).map(String);
      if (!allowed.includes(text)) {
        const close = suggestions(text, allowed);
        r.add(
          "option-value",
          "error",
          t("`{0}` must be one of {1}; got \"{2}\"", a.name, allowed.map((x) => `"${x}"`).join(", "), text) + (close.length ? " " + t("Did you mean \"{0}\"?", close[0]) : ""),
          v.range,
          close.length ? { replacement: quoteLike(v, close[0]), replacements: close.map((c) => quoteLike(v, c)) } : undefined,
        );
      }
      return;
    }
    case "codec":
      checkCodecName(a, v, text, r);
      return;
    case "bytes":
      if (v.kind !== "number" && !/^\s*\d+(\.\d+)?\s*([kmgtpezy]i?)?b?\s*$/i.test(text)) {
        r.add("option-type", "error", t("`{0}` expects a size such as \"10MB\" or a number of bytes, got \"{1}\"", a.name, text), v.range);
      }
      return;
    case "field_reference": {
      const parsed = parseFieldReference(text);
      if ("error" in parsed) {
        r.add("field-reference-invalid", "error", t("`{0}` is not a valid field reference: write `name` or `[a][b]`", text), v.range);
      }
      return;
    }
    case "uri":
      checkUri(a, v, text, r);
      return;
    default:
      void inList;
  }
}

/** Ruby's check: `v.to_f.to_s == v || v.to_i.to_s == v` (so "5", "-2", "1.5" pass and "05", "1e3" do not). */
function isRubyNumber(text: string): boolean {
  return /^-?(0|[1-9]\d*)$/.test(text) || /^-?(0|[1-9]\d*)\.(0|\d*[1-9])$/.test(text);
}

function quoteLike(v: Value, text: string): string {
  return v.kind === "string" ? v.quote + text + v.quote : text;
}

function checkCodecName(a: Attribute, v: Value, name: string, r: Reporter): void {
  if (r.catalog.plugin("codec", name) || r.catalog.isInstalledExtra("codec", name)) return;
  if (v.kind === "plugin") return; // the codec plugin block itself is checked as a plugin
  const close = suggestions(name, r.catalog.plugins("codec").map((c) => c.name));
  r.add(
    "codec-unknown",
    "error",
    t("Unknown codec `{0}`.", name) + (close.length ? " " + t("Did you mean `{0}`?", close[0]) : ""),
    v.range,
    close.length ? { replacement: quoteLike(v, close[0]), replacements: close.map((c) => quoteLike(v, c)) } : undefined,
  );
}

/**
 * Logstash builds a SafeURI from the value, which takes `host:port` and `//host` as well as full URLs,
 * so only what no URI parser accepts is reported.
 */
function checkUri(a: Attribute, v: Value, text: string, r: Reporter): void {
  let problem: string | undefined;
  if (text.trim() === "") problem = t("it is empty");
  else if (/\s/.test(text)) problem = t("it contains whitespace");
  else if (/^[A-Za-z][A-Za-z0-9+.-]*:\/(?!\/)/.test(text)) problem = t("a scheme needs `//` after it");
  else {
    const m = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?/.exec(text);
    if (m && m[2] !== undefined && m[2] !== "" && !/^\d{1,5}$/.test(m[2])) problem = t("the port `{0}` is not a number", m[2]);
    else if (m && m[2] && Number(m[2]) > 65535) problem = t("the port {0} is above 65535", m[2]);
  }
  if (problem) r.add("option-uri", "error", t("`{0}` is not a valid URI: {1}", text, problem), v.range);
  void a;
}
