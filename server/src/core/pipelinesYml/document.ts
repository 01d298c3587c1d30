/**
 * A `pipelines.yml` read into entries with source ranges (UTF-16 offsets, like the rest of the core).
 * Logstash wants a YAML list of flat maps, one per pipeline, each key a dotted setting name.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import type { Span } from "../ast";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";

export interface SettingEntry {
  key: string;
  keyRange: Span;
  /** The YAML-typed value: string, number, boolean, null; `undefined` for a collection. */
  value: unknown;
  /** Missing when the key has no value at all. */
  valueRange?: Span;
  /** True when the value is a map or a list. */
  collection: boolean;
  /** The value node's source text span and scalar type, for mapping offsets inside strings. */
  scalarType?: string;
}

export interface PipelineEntry {
  index: number;
  range: Span;
  settings: SettingEntry[];
}

export interface PipelinesYml {
  text: string;
  entries: PipelineEntry[];
  /** YAML syntax errors and a top level that is not a list of maps. */
  issues: Issue[];
}

function span(node: YamlNode | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

export function parsePipelinesYml(text: string): PipelinesYml {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false });
  const whole = { start: 0, end: text.length };
  const issues: Issue[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [start, end] = e.pos;
    const message = e.message.split("\n")[0];
    issues.push(issue("pipelines-yaml-syntax", doc.errors.includes(e as never) ? "error" : "warning", message, { start, end: Math.max(end, start + 1) }));
  }
  const entries: PipelineEntry[] = [];
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return { text, entries, issues };
  if (!isSeq(root)) {
    issues.push(issue("pipelines-not-a-list", "error", t("pipelines.yml must be a list of pipelines (`- pipeline.id: …` entries)"), span(root, whole)));
    return { text, entries, issues };
  }
  root.items.forEach((item, index) => {
    const itemNode = item as YamlNode;
    if (!isMap(item)) {
      issues.push(issue("pipelines-entry-not-a-map", "error", t("Each pipeline must be a map of settings"), span(itemNode, whole)));
      return;
    }
    const settings: SettingEntry[] = [];
    for (const pair of item.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode)) continue;
      const valueNode = pair.value as YamlNode | null;
      const entry: SettingEntry = {
        key: String(keyNode.value),
        keyRange: span(keyNode, whole),
        value: isScalar(valueNode) ? valueNode.value : undefined,
        collection: isMap(valueNode) || isSeq(valueNode),
      };
      if (valueNode?.range) entry.valueRange = span(valueNode, whole);
      if (isScalar(valueNode) && valueNode.type) entry.scalarType = valueNode.type;
      settings.push(entry);
    }
    entries.push({ index, range: span(itemNode, whole), settings });
  });
  return { text, entries, issues };
}

/** The setting of an entry with this key (the first one when it is repeated). */
export function settingOf(entry: PipelineEntry, key: string): SettingEntry | undefined {
  return entry.settings.find((s) => s.key === key);
}

/** The `pipeline.id` of an entry when it is a usable scalar. */
export function pipelineIdOf(entry: PipelineEntry): string | undefined {
  const id = settingOf(entry, "pipeline.id");
  return id && !id.collection && id.value !== null && id.value !== undefined ? String(id.value) : undefined;
}

/**
 * Maps offsets in a YAML string's value to offsets in the file. Walks the value and the source together:
 * source characters the value lacks (quotes, escapes, block indentation, folded line breaks) are skipped.
 * Exact for plain, single-line quoted and literal block strings; close enough elsewhere.
 */
export function stringOffsetMapper(text: string, valueRange: Span, value: string): (offset: number) => number {
  const map = new Array<number>(value.length + 1);
  let j = valueRange.start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let k = j;
    while (k < valueRange.end && k - j < 64 && text[k] !== c) k++;
    if (k < valueRange.end && text[k] === c) {
      map[i] = k;
      j = k + 1;
    } else {
      map[i] = Math.min(j, valueRange.end);
    }
  }
  map[value.length] = value.length ? Math.min(map[value.length - 1] + 1, valueRange.end) : valueRange.start;
  return (offset) => map[Math.max(0, Math.min(offset, value.length))];
}
