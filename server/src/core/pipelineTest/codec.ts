/**
 * Turns a test case's input lines into events the way the input codec would. LFV feeds the lines to
 * the codec of `input_plugin` (daemon mode: the input is replaced by a generator that keeps the
 * codec, `type`, `tags` and `add_field`) or of the file's `codec` (standalone: stdin, `line` by default).
 */
import type { Config, Plugin, Value } from "../ast";
import { t } from "../l10n";
import { parseConfig } from "../parse";
import { addTag, decodeLines, findInputCodec, get, set, sprintf, type JsonObject } from "../simulate";
import { PluginOptions } from "../simulate/options";
import { forEachPlugin } from "../walk";
import { expandBrackets } from "./fields";

/** LFV's marker for a case without input; its `message` is removed before the filters run. */
export const DUMMY_INPUT = "__lfv_dummy_event";

export interface InputSource {
  /** Codec name (`line`, `json_lines`, …). */
  codec: string;
  /** The codec's options (`multiline { pattern => … }`). */
  options?: PluginOptions;
  /** The tested input plugin, whose `type`, `tags` and `add_field` decorate every event. */
  plugin?: Plugin;
}

function codecOf(value: Value | undefined): { codec: string; options?: PluginOptions } | undefined {
  if (!value) return undefined;
  if (value.kind === "plugin") return { codec: value.name, options: new PluginOptions(value) };
  if (value.kind === "bareword" || value.kind === "string") return fileCodec(value.value);
  return undefined;
}

/** A test file's `codec`, which LFV pastes into the input verbatim: a name, or a name with options. */
function fileCodec(text: string): { codec: string; options?: PluginOptions } {
  const name = text.trim().split(/[\s{]/)[0] || "line";
  if (!text.includes("{")) return { codec: name };
  const spec = findInputCodec(parseConfig(`input { stdin { codec => ${text} } }`).config);
  return { codec: spec.codec, options: spec.options };
}

/** The input with `id => <id>`, in any input section of the pipeline. */
export function findInput(config: Config, id: string): Plugin | undefined {
  let found: Plugin | undefined;
  forEachPlugin(config, (plugin, ctx) => {
    if (found || ctx.section !== "input" || ctx.parent) return;
    const idAttr = plugin.attributes.find((a) => a.name === "id")?.value;
    if (idAttr && (idAttr.kind === "string" || idAttr.kind === "bareword") && idAttr.value === id) found = plugin;
  });
  return found;
}

/** The codec and plugin a suite's lines go through, or why they cannot be decoded. */
export function inputSource(config: Config, codec: string, inputPlugin: string | undefined): InputSource | { error: string } {
  if (inputPlugin === undefined) return fileCodec(codec);
  const plugin = findInput(config, inputPlugin);
  if (!plugin) return { error: t("The pipeline has no input with id `{0}` (`input_plugin`)", inputPlugin) };
  // The generator LFV puts in its place uses plain unless the input names a codec.
  return { ...(codecOf(plugin.attributes.find((a) => a.name === "codec")?.value) ?? { codec: "plain" }), plugin };
}

export const SUPPORTED_CODECS = ["line", "plain", "json", "json_lines", "multiline"] as const;

function jsonEvents(text: string, bracketKeys: boolean): JsonObject[] {
  try {
    const parsed: unknown = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    if (list.every((e) => e !== null && typeof e === "object" && !Array.isArray(e))) {
      return (list as JsonObject[]).map((e) => (bracketKeys ? expandBrackets(e) : e));
    }
  } catch {
    // the codec's failure event below
  }
  const event: JsonObject = { message: text };
  addTag(event, "_jsonparsefailure");
  return [event];
}

/** Events the codec makes of one input string, before fields and input decorations. */
export function decodeLine(codec: string, line: string): JsonObject[] | { skip: string } {
  switch (codec) {
    case "plain":
      return [{ message: line }];
    case "line":
      // The line codec cuts at "\n"; a trailing remainder is flushed as the last event.
      return splitLines(line).map((message) => ({ message }));
    case "json":
      return jsonEvents(line, false);
    case "json_lines":
      return splitLines(line).map((l) => jsonEvents(l, true)).flat();
    default:
      return { skip: t("the `{0}` codec is not simulated (Logsmith decodes {1})", codec, SUPPORTED_CODECS.join(", ")) };
  }
}

/**
 * The multiline codec is stateful across lines: every line of the case goes through it in order and
 * the pending group is flushed at the end, as when LFV's input ends.
 */
export function decodeMultiline(source: InputSource, inputs: string[]): JsonObject[] | { skip: string } {
  try {
    // ECS `[event][original]` is left out, like the other codecs here (see the README's limits).
    return decodeLines({ codec: "multiline", options: source.options }, inputs.flatMap(splitLines), "disabled");
  } catch (error) {
    return { skip: t("the multiline codec cannot run: {0}", (error as Error).message) };
  }
}

function splitLines(text: string): string[] {
  const parts = text.split("\n");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** An input's `type` (when the event has none), `tags` and `add_field`, as Logstash's inputs decorate. */
export function decorate(event: JsonObject, plugin: Plugin | undefined): void {
  if (!plugin) return;
  const opts = new PluginOptions(plugin);
  const type = opts.string("type");
  if (type !== undefined && event.type === undefined) event.type = type;
  for (const tag of opts.list("tags")) addTag(event, tag);
  for (const [k, v] of opts.pairs("add_field")) {
    const ref = sprintf(event, k);
    if (get(event, ref) === undefined) set(event, ref, sprintf(event, typeof v === "string" ? v : JSON.stringify(v)));
  }
}
