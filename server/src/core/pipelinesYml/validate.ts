/**
 * Checks a `pipelines.yml` the way Logstash's multi-pipeline loader (config/source/multi_local.rb and
 * local.rb) would, plus what only a workspace can tell: which files each `path.config` reads.
 */
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import { parseConfig, type ParseResult } from "../parse";
import { suggestions } from "../suggest";
import { validateParsed, type ValidationOptions } from "../validate";
import { parsePipelinesYml, pipelineIdOf, settingOf, stringOffsetMapper, type PipelineEntry, type PipelinesYml } from "./document";
import { resolvePathConfig, sortedPaths } from "./glob";
import { checkValue, PIPELINE_SETTINGS, pipelineSetting } from "./settings";

export interface PipelinesYmlContext {
  /** Absolute posix path of the pipelines.yml. */
  path: string;
  /** Workspace folders (absolute posix paths). */
  roots: readonly string[];
  /** Every file of the workspace (absolute posix paths); globs match against these. */
  files: readonly string[];
  /** Options for checking `config.string` pipelines; syntax only when absent. */
  validation?: ValidationOptions;
}

export interface ResolvedPipeline {
  /** `pipeline.id`, `main` when missing as in Logstash's defaults. */
  id: string;
  entry: PipelineEntry;
  /** Files `path.config` reads, in load order. */
  files: string[];
  /** A `config.string` pipeline's config and how its offsets map into the YAML file. */
  configString?: { text: string; parse: ParseResult; toYamlOffset: (offset: number) => number };
}

export interface PipelinesYmlAnalysis {
  yml: PipelinesYml;
  pipelines: ResolvedPipeline[];
  issues: Issue[];
}

const NAMES = PIPELINE_SETTINGS.map((s) => s.name);

export function analyzePipelinesYml(text: string, context: PipelinesYmlContext): PipelinesYmlAnalysis {
  const yml = parsePipelinesYml(text);
  const issues = [...yml.issues];
  const pipelines: ResolvedPipeline[] = [];
  const ids = new Map<string, PipelineEntry>();
  const readers = new Map<string, string>();
  const knownFiles = sortedPaths(context.files);

  for (const entry of yml.entries) {
    checkSettings(entry, issues);
    const id = pipelineIdOf(entry);
    const idSetting = settingOf(entry, "pipeline.id");
    if (id === undefined) {
      // A lone entry without an id is the default `main` pipeline; with several, ids are required.
      const several = yml.entries.length > 1;
      issues.push(issue("pipelines-missing-id", several ? "error" : "warning", several ? t("Every pipeline needs a `pipeline.id` when pipelines.yml lists several") : t("No `pipeline.id`: Logstash names this pipeline `main`"), firstLine(text, entry.range)));
    } else if (ids.has(id)) {
      issues.push(issue("pipelines-duplicate-id", "error", t("Pipeline id \"{0}\" is already used by another pipeline in this file", id), idSetting?.valueRange ?? entry.range));
    } else {
      ids.set(id, entry);
    }
    const resolved: ResolvedPipeline = { id: id ?? "main", entry, files: [] };
    const pathConfig = settingOf(entry, "path.config");
    const configString = settingOf(entry, "config.string");
    if (pathConfig && configString) {
      issues.push(issue("pipelines-path-and-string", "error", t("`path.config` and `config.string` cannot both be set: Logstash refuses to load this pipeline"), configString.keyRange));
    }
    if (pathConfig && typeof pathConfig.value === "string" && pathConfig.value && !pathConfig.value.includes("${")) {
      const { files } = resolvePathConfig(pathConfig.value, context.path, context.roots, knownFiles);
      resolved.files = files;
      const range = pathConfig.valueRange ?? pathConfig.keyRange;
      if (!files.length) issues.push(issue("pipelines-path-no-match", "warning", t("`{0}` matches no file in the workspace", pathConfig.value), range));
      for (const file of files) {
        const other = readers.get(file);
        if (other !== undefined && other !== resolved.id) {
          issues.push(issue("pipelines-shared-file", "warning", t("{0} is also read by pipeline \"{1}\": its inputs would run twice", file, other), range));
        } else {
          readers.set(file, resolved.id);
        }
      }
    }
    if (configString && typeof configString.value === "string" && configString.valueRange) {
      const parse = parseConfig(configString.value);
      const toYamlOffset = stringOffsetMapper(text, configString.valueRange, configString.value);
      resolved.configString = { text: configString.value, parse, toYamlOffset };
      const inner = context.validation ? validateParsed(parse, context.validation) : parse.issues;
      for (const i of inner) {
        const start = toYamlOffset(i.range.start);
        issues.push({ ...i, range: { start, end: Math.max(start + 1, toYamlOffset(i.range.end)) }, data: undefined });
      }
    }
    pipelines.push(resolved);
  }
  return { yml, pipelines, issues: issues.map(dropUndefinedData) };
}

function dropUndefinedData(i: Issue): Issue {
  if (i.data === undefined && "data" in i) {
    const { data: _data, ...rest } = i;
    return rest;
  }
  return i;
}

function checkSettings(entry: PipelineEntry, issues: Issue[]): void {
  const seen = new Set<string>();
  for (const s of entry.settings) {
    if (seen.has(s.key)) issues.push(issue("pipelines-duplicate-setting", "warning", t("`{0}` is set twice in this pipeline; the last value wins", s.key), s.keyRange));
    seen.add(s.key);
    const setting = pipelineSetting(s.key);
    if (!setting) {
      const near = suggestions(s.key, NAMES);
      const message = near.length ? t("Unknown pipeline setting `{0}`; did you mean `{1}`?", s.key, near[0]) : t("Unknown pipeline setting `{0}`: Logstash refuses to start", s.key);
      issues.push(issue("pipelines-unknown-setting", "error", message, s.keyRange, near.length ? { replacements: near } : undefined));
      continue;
    }
    const range = s.valueRange ?? s.keyRange;
    if (s.collection || s.value === null || s.value === undefined) {
      issues.push(issue("pipelines-invalid-value", "error", t("`{0}` needs a value", s.key), range));
      continue;
    }
    const expected = checkValue(setting.type, s.value);
    if (expected) {
      const what = setting.type.kind === "enum" ? t(expected, setting.type.values.join(", ")) : t(expected);
      issues.push(issue("pipelines-invalid-value", "error", t("Invalid value for `{0}`: expected {1}", s.key, what), range));
    }
  }
}

function firstLine(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const nl = text.indexOf("\n", range.start);
  return { start: range.start, end: nl < 0 || nl > range.end ? range.end : nl };
}
