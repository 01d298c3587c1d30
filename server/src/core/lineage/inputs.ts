/**
 * The fields events carry when they leave a pipeline's inputs: for each `file` input, the writers whose
 * files its `path` globs name, through its codec (json: the JSON format's members; plain/line/multiline:
 * the whole line in `message`), plus what the file input and its common options add.
 */
import type { Plugin, Span, StringLiteral, Value } from "../ast";
import { t } from "../l10n";
import { FieldState } from "./fieldState";
import { hashEntries, option, staticPath, stringOption, valueText } from "./options";
import { baseName, globMatchesWriter } from "./paths";
import type { KnownWriter, OriginStep } from "./types";

export interface InputPath {
  glob: string;
  /** Range of the path string's text (without quotes) in the pipeline file. */
  range: Span;
  plugin: Plugin;
  writers: KnownWriter[];
}

export interface InputsResult {
  /** The fields at the start of the filters; undefined when some input is not a file of a known writer. */
  state?: FieldState;
  paths: InputPath[];
  /** "/etc/httpd/logs/x (LogFormat json_format in httpd.conf, codec json)", for messages. */
  sources: string[];
}

const LINE_CODECS = new Set(["plain", "line", "multiline"]);
const JSON_CODECS = new Set(["json", "json_lines"]);

export function filePaths(plugin: Plugin): { glob: string; range: Span }[] {
  const v = option(plugin, "path");
  const items: Value[] = v?.kind === "array" ? v.elements : v ? [v] : [];
  return items.flatMap((e) => (e.kind === "string" ? [{ glob: e.value, range: inner(e) }] : []));
}

function inner(s: StringLiteral): Span {
  return { start: s.range.start + 1, end: Math.max(s.range.start + 1, s.range.end - 1) };
}

function codecOf(plugin: Plugin): { name: string; range: Span; target?: string[] } {
  const v = option(plugin, "codec");
  // The json codec's `target` puts the decoded keys under one field instead of the top level.
  if (v?.kind === "plugin") return { name: v.name, range: v.nameRange, target: staticPath(stringOption(v, "target")) };
  if (v?.kind === "string" || v?.kind === "bareword") return { name: v.value, range: v.range };
  return { name: "plain", range: plugin.nameRange };
}

/** `inputs` are the pipeline's input plugins, each with the file it is written in. */
export function resolveInputs(inputs: { plugin: Plugin; path: string }[], writers: readonly KnownWriter[]): InputsResult {
  const paths: InputPath[] = [];
  const sources: string[] = [];
  const states: FieldState[] = [];
  let known = inputs.length > 0;
  for (const { plugin, path: file } of inputs) {
    if (plugin.name !== "file") {
      known = false;
      continue;
    }
    const globs = filePaths(plugin);
    if (!globs.length) known = false;
    const codec = codecOf(plugin);
    const codecStep: OriginStep = { label: t("codec {0} of the file input", codec.name), path: file, range: codec.range };
    for (const g of globs) {
      const matched = writers.filter((w) => globMatchesWriter(g.glob, w));
      paths.push({ ...g, plugin, writers: matched });
      if (!matched.length) known = false;
      for (const w of matched) {
        const state = writerFields(w, codec.name, codecStep, codec.target);
        if (!state) known = false;
        else states.push(state);
        const source = t("{0} ({1} in {2}, codec {3})", w.absolute ? w.resolved : g.glob, w.label, baseName(w.hostPath), codec.name);
        const broken = JSON_CODECS.has(codec.name) ? brokenJson(w) : undefined;
        sources.push(broken ? `${source} — ${t("none of its lines is valid JSON: {0}", broken)}` : source);
      }
    }
    if (!known) continue;
    const base = new FieldState();
    const step: OriginStep = { label: t("file input"), path: file, range: plugin.nameRange };
    // What the file input sets whatever the codec, under both naming schemes (ECS mode depends on the version).
    for (const p of [["@timestamp"], ["@version"], ["tags"], ["host"], ["path"], ["log", "file", "path"], ["host", "name"], ["event", "original"]]) base.add(p, [step]);
    base.openSubtree(["@metadata"], [step]);
    if (option(plugin, "type")) base.add(["type"], [{ ...step, label: t("type of the file input") }]);
    for (const e of hashEntries(plugin, "add_field")) {
      const p = staticPath(valueText(e.key));
      if (p) base.add(p, [{ ...step, label: t("add_field of the file input") }]);
      else base.openSubtree([], [step]);
    }
    states.push(base);
  }
  return { state: known && states.length ? FieldState.union(states) : undefined, paths, sources: [...new Set(sources)] };
}

/** The fields one writer's lines become through a codec; undefined when they cannot be known. */
function writerFields(w: KnownWriter, codec: string, codecStep: OriginStep, target: string[] = []): FieldState | undefined {
  const s = new FieldState();
  const writerStep = (label: string, span?: Span): OriginStep => ({
    label,
    path: w.hostPath,
    range: span && w.toHost ? { start: w.toHost(span.start), end: w.toHost(span.end) } : w.range,
  });
  if (LINE_CODECS.has(codec)) {
    s.add(["message"], [writerStep(t("line written by {0}", w.label)), codecStep], w.format ? [w.format] : undefined);
    return s;
  }
  if (!JSON_CODECS.has(codec)) return undefined;
  const f = w.format;
  if (!f) return undefined;
  // A line that is not valid JSON keeps its text in `message` (tagged `_jsonparsefailure`).
  s.add(["message"], [writerStep(t("line written by {0}", w.label)), { ...codecStep, label: t("codec {0}: a line that is not valid JSON", "json") }]);
  if (!f.json || brokenJson(w)) return s;
  if (!f.jsonMembers) return undefined;
  for (const m of f.jsonMembers) {
    const directives = m.elements.flatMap((e) => (e.type === "directive" ? [e.key] : []));
    const what = directives.length ? t("`{0}` written as \"{1}\" by {2}", directives.join(" "), m.key, w.label) : t("\"{0}\" written by {1}", m.key, w.label);
    s.add([...target, m.key], [writerStep(what, m.keySpan), codecStep]);
  }
  return s;
}

/** Why no line of a JSON-shaped format parses (the field notes' trailing comma), if that is so. */
function brokenJson(w: KnownWriter): string | undefined {
  const fatal = w.format?.json ? w.format.issues.find((i) => i.code === "logformat-json-trailing-comma" || i.code === "logformat-json-syntax") : undefined;
  return fatal?.message.replace(/\.$/, "");
}
