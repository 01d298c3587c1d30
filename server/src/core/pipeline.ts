/**
 * A pipeline made of several files (`path.config` pointing at a `conf.d` directory or a glob).
 *
 * Logstash (config/source/local.rb) expands a directory to `dir/*`, sorts the matches by name, skips
 * editor backups ending in `~`, and compiles each file on its own (compiler.rb `compile_sources`), then
 * chains the filter sections in file order and runs all inputs and outputs side by side. So each file
 * gets its own parse and its own positions; what spans files (plugin ids, the order of filters) is
 * checked over the ordered list.
 */
import type { Plugin, SectionType } from "./ast";
import type { Issue } from "./issue";
import { issue } from "./issue";
import { t } from "./l10n";
import { parseConfig, type ParseResult } from "./parse";
import { forEachPlugin } from "./walk";

export interface PipelineFile {
  /** As the user named it; only used to label results. */
  path: string;
  text: string;
}

export interface PipelineFileResult {
  path: string;
  parsed: ParseResult;
  issues: Issue[];
}

/** Orders the files of a `path.config` directory or glob as Logstash loads them. */
export function orderPipelineFiles(paths: string[]): string[] {
  return paths.filter((p) => !p.endsWith("~")).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Parses every file of one pipeline and adds the checks that need the whole pipeline. `validate` runs
 * the per-file checks beyond syntax (the catalog validation), so callers choose what they check.
 */
export function analyzePipeline(
  files: PipelineFile[],
  validate: (file: PipelineFile, parsed: ParseResult) => Issue[] = () => [],
): PipelineFileResult[] {
  const results = files.map((file) => {
    const parsed = parseConfig(file.text);
    return { path: file.path, parsed, issues: [...parsed.issues, ...validate(file, parsed)] };
  });
  addDuplicateIdIssues(results);
  return results;
}

/** Plugin `id`s name metrics and must be unique in a pipeline, across all of its files. */
export function addDuplicateIdIssues(results: PipelineFileResult[]): void {
  const seen = new Map<string, { path: string; plugin: Plugin; section: SectionType }>();
  for (const r of results) {
    forEachPlugin(r.parsed.config, (plugin, ctx) => {
      const id = plugin.attributes.find((a) => a.name === "id");
      if (!id?.value || (id.value.kind !== "string" && id.value.kind !== "bareword")) return;
      const value = id.value.value;
      const first = seen.get(value);
      if (!first) {
        seen.set(value, { path: r.path, plugin, section: ctx.section });
        return;
      }
      const where = first.path === r.path ? t("plugin `{0}`", first.plugin.name) : t("plugin `{0}` in {1}", first.plugin.name, first.path);
      r.issues.push(issue("option-duplicate-id", "error", t("Plugin id \"{0}\" is already used by {1}: ids must be unique in a pipeline", value, where), id.value.range));
    });
  }
}
