/**
 * The input side: how a `file` or `stdin` input turns raw lines into events through its codec, as
 * Logstash's codecs do: plain/line (one event per line), json (one event per object, an array gives
 * several, invalid JSON keeps the line as `message` with `_jsonparsefailure`), json_lines, and
 * multiline (lines grouped by pattern/negate/what, tagged `multiline`, the pending group flushed at the
 * end of input). In ECS mode plain, line, json and multiline also keep the text in `[event][original]`.
 */
import type { Config, Plugin, Value } from "../ast";
import { compileGrok } from "../grok/compile";
import { OnigRegex, isOnigurumaReady } from "../grok/onig";
import { loadPatternSet } from "../grok/patternLibrary";
import { addFieldValue, addTag, includes, set, sprintf, valueToString, type JsonObject, type JsonValue } from "./event";
import { PluginOptions } from "./options";

export interface InputCodec {
  /** The input plugin whose codec is used (`file`, `stdin`), or undefined when lines are taken as plain text. */
  input?: string;
  codec: string;
  options?: PluginOptions;
  /** The input's own options (type, tags, add_field are applied to each event). */
  inputOptions?: PluginOptions;
}

function codecOf(plugin: Plugin): { name: string; options?: PluginOptions } | undefined {
  const value: Value | undefined = plugin.attributes.find((a) => a.name === "codec")?.value;
  if (!value) return undefined;
  if (value.kind === "plugin") return { name: value.name, options: new PluginOptions(value) };
  if (value.kind === "string" || value.kind === "bareword") return { name: value.value };
  return undefined;
}

/** The first `file` or `stdin` input's codec (their defaults: plain for file, line for stdin). */
export function findInputCodec(config: Config): InputCodec {
  for (const section of config.sections) {
    if (section.type !== "input") continue;
    for (const st of section.body) {
      if (st.kind !== "plugin" || (st.name !== "file" && st.name !== "stdin")) continue;
      const codec = codecOf(st) ?? { name: st.name === "stdin" ? "line" : "plain" };
      return { input: st.name, codec: codec.name, options: codec.options, inputOptions: new PluginOptions(st) };
    }
  }
  return { codec: "plain" };
}

function ecsOn(spec: InputCodec, ecsCompatibility: string): boolean {
  const own = spec.options?.string("ecs_compatibility") ?? spec.inputOptions?.string("ecs_compatibility") ?? ecsCompatibility;
  return own !== "disabled";
}

const ORIGINAL = "[event][original]";

function jsonEvents(text: string, target: string | undefined, original: boolean, single: boolean): JsonObject[] {
  try {
    const data = text.trim() === "" ? null : (JSON.parse(text) as JsonValue);
    const items = Array.isArray(data) ? data : data !== null && typeof data === "object" ? [data] : undefined;
    if (!items || items.some((x) => x === null || typeof x !== "object" || Array.isArray(x))) throw new Error("JSON object/array expected");
    const events = items.map((item) => {
      if (target === undefined) return item as JsonObject;
      const event: JsonObject = {};
      set(event, target, item);
      return event;
    });
    if (single && original && events.length === 1 && !includes(events[0], ORIGINAL)) set(events[0], ORIGINAL, text);
    return events;
  } catch {
    return [{ message: text, tags: ["_jsonparsefailure"] }];
  }
}

/** Logstash's `:bytes` setting (the filesize gem): `kB`/`MB` are powers of 1000, `KiB`/`MiB` of 1024. */
function parseBytes(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$/i.exec(text);
  if (!m) return Number(text) || 10 * 1024 * 1024;
  const power = " kmgt".indexOf(m[2].toLowerCase() || " ");
  return Math.floor(Number(m[1]) * (m[3] ? 1024 : 1000) ** power);
}

/** Groups lines as the multiline codec's do_previous/do_next do, with its line limit. */
function multiline(lines: string[], opts: PluginOptions | undefined, original: boolean): JsonObject[] {
  const pattern = opts?.string("pattern");
  const what = opts?.string("what");
  if (!pattern || (what !== "previous" && what !== "next")) throw new Error("the multiline codec needs `pattern` and `what` (previous or next)");
  const negate = opts!.bool("negate", false);
  const maxLines = opts!.number("max_lines", 500);
  const tag = opts!.string("multiline_tag", "multiline")!;
  const maxBytes = parseBytes(opts!.string("max_bytes", "10 MiB")!);
  // The codec compiles its pattern with grok and the legacy pattern set of logstash-patterns-core.
  const compiled = compileGrok(pattern, loadPatternSet("legacy"));
  const test = isOnigurumaReady()
    ? ((re: OnigRegex) => (s: string) => re.exec(s) !== null)(new OnigRegex(compiled.regex))
    : ((re: RegExp) => (s: string) => re.test(s))(new RegExp(compiled.regex.replace(/\(\?<g\d+>/g, "(")));
  const out: JsonObject[] = [];
  let buffer: string[] = [];
  let bytes = 0;
  const overLimits = () => buffer.length > maxLines || bytes >= maxBytes;
  const flush = () => {
    if (!buffer.length) return;
    const message = buffer.join("\n");
    const event: JsonObject = { message };
    if (original) set(event, ORIGINAL, message);
    if (tag !== "" && buffer.length > 1) addTag(event, tag);
    if (bytes >= maxBytes) addTag(event, "multiline_codec_max_bytes_reached");
    if (buffer.length > maxLines) addTag(event, "multiline_codec_max_lines_reached");
    out.push(event);
    buffer = [];
    bytes = 0;
  };
  const push = (line: string) => {
    buffer.push(line);
    bytes += Buffer.byteLength(line, "utf8");
  };
  for (const line of lines) {
    const matched = test(line) !== negate;
    if (what === "previous") {
      if (!matched || overLimits()) flush();
      push(line);
    } else {
      push(line);
      if (!matched || overLimits()) flush();
    }
  }
  flush();
  return out;
}

/** Input decorations (Inputs::Base#decorate): `type` unless set, `tags`, `add_field`. */
function decorate(event: JsonObject, input: PluginOptions | undefined): JsonObject {
  if (!input) return event;
  const type = input.string("type");
  if (type !== undefined && event.type === undefined) event.type = type;
  for (const tag of input.list("tags")) addTag(event, tag);
  for (const [field, value] of input.pairs("add_field")) {
    for (const v of Array.isArray(value) ? value : [value]) addFieldValue(event, sprintf(event, field), sprintf(event, valueToString(v)));
  }
  return event;
}

/** Decodes raw lines into events as the pipeline's input would (see `findInputCodec`). */
export function decodeLines(spec: InputCodec, lines: string[], ecsCompatibility: string): JsonObject[] {
  const ecs = ecsOn(spec, ecsCompatibility);
  let events: JsonObject[];
  switch (spec.codec) {
    case "json":
      events = lines.flatMap((l) => jsonEvents(l, spec.options?.string("target"), ecs, true));
      break;
    case "json_lines":
      events = lines.filter((l) => l !== "").flatMap((l) => jsonEvents(l, spec.options?.string("target"), false, false));
      break;
    case "multiline":
      events = multiline(lines, spec.options, ecs);
      break;
    default: {
      // plain, line and anything else the simulator does not decode: the line is the message.
      const keepOriginal = ecs && spec.input !== undefined;
      events = lines.map((message) => {
        const event: JsonObject = { message };
        if (keepOriginal) set(event, ORIGINAL, message);
        return event;
      });
    }
  }
  return events.map((e) => decorate(e, spec.inputOptions));
}
