/**
 * Completion and hover in a `pipelines.yml`. Completion reads the cursor's line rather than the YAML
 * tree, because the line being typed is rarely valid YAML yet.
 */
import type { Span } from "../ast";
import { t } from "../l10n";
import { parsePipelinesYml } from "./document";
import { PIPELINE_SETTINGS, pipelineSetting, suggestedValues, type PipelineSetting } from "./settings";

export interface YmlCompletion {
  label: string;
  kind: "setting" | "value";
  detail?: string;
  documentation?: string;
  /** Text to insert; the label when absent. */
  insertText?: string;
  /** What the completion replaces (the word typed so far). */
  range: Span;
}

export interface YmlHover {
  markdown: string;
  range: Span;
}

function typeLabel(s: PipelineSetting): string {
  switch (s.type.kind) {
    case "enum":
      return s.type.values.join(" | ");
    case "positiveInteger":
      return t("integer > 0");
    case "integer":
      return t("integer");
    case "bytes":
      return t("size (e.g. 64mb)");
    case "timeValue":
      return t("duration (e.g. 3s)");
    case "boolean":
      return "true | false";
    default:
      return t("string");
  }
}

export function describeSetting(s: PipelineSetting): string {
  const lines = [`**${s.name}**: ${typeLabel(s)}`, "", t(s.description)];
  if (s.default !== undefined) lines.push("", t("Default: `{0}`", s.default));
  return lines.join("\n");
}

export function completePipelinesYml(text: string, offset: number): YmlCompletion[] {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const keyMatch = /^(\s*(?:-\s+)?)([\w.]*)$/.exec(before);
  if (keyMatch) {
    const range = { start: offset - keyMatch[2].length, end: offset };
    const present = keysOfEntryAt(text, offset);
    return PIPELINE_SETTINGS.filter((s) => !present.has(s.name)).map((s) => ({
      label: s.name,
      kind: "setting" as const,
      detail: typeLabel(s),
      documentation: describeSetting(s),
      insertText: `${s.name}: `,
      range,
    }));
  }
  const valueMatch = /^\s*(?:-\s+)?([\w.]+):\s*(["']?)([\w.]*)$/.exec(before);
  if (valueMatch) {
    const setting = pipelineSetting(valueMatch[1]);
    if (!setting) return [];
    const range = { start: offset - valueMatch[3].length, end: offset };
    return suggestedValues(setting.type).map((v) => ({ label: v, kind: "value" as const, detail: setting.name, range }));
  }
  return [];
}

/** Keys already set in the list entry around `offset`, so completion does not offer them twice. */
function keysOfEntryAt(text: string, offset: number): Set<string> {
  const yml = parsePipelinesYml(text);
  const entry = yml.entries.find((e) => e.range.start <= offset && offset <= e.range.end);
  return new Set(entry?.settings.filter((s) => s.keyRange.end < offset || s.keyRange.start > offset).map((s) => s.key) ?? []);
}

export function hoverPipelinesYml(text: string, offset: number): YmlHover | undefined {
  const yml = parsePipelinesYml(text);
  for (const entry of yml.entries) {
    for (const s of entry.settings) {
      const setting = pipelineSetting(s.key);
      if (!setting) continue;
      if (s.keyRange.start <= offset && offset <= s.keyRange.end) return { markdown: describeSetting(setting), range: s.keyRange };
      if (s.valueRange && s.valueRange.start <= offset && offset <= s.valueRange.end && setting.type.kind === "enum") {
        return { markdown: `${describeSetting(setting)}\n\n${t("Allowed values: {0}", setting.type.values.map((v) => `\`${v}\``).join(", "))}`, range: s.valueRange };
      }
    }
  }
  return undefined;
}
