/**
 * Which files form which pipeline. Files named by a pipelines.yml belong to its pipelines (in load
 * order); every other pipeline file of the workspace is taken as a pipeline of its own, as when it is
 * run with `logstash -f FILE`.
 */
import type { ParseResult } from "../parse";
import { settingOf, type PipelinesYmlAnalysis } from "../pipelinesYml";
import type { IndexedFile, IndexedPipeline } from "./pipelineIndex";

/**
 * Whether a `.conf` file holds a pipeline rather than another program's config (httpd.conf, nginx):
 * some line opens an `input`, `filter` or `output` section.
 */
export function looksLikePipeline(text: string): boolean {
  return /^[ \t]*(input|filter|output)[ \t]*(\{|#|$)/m.test(text);
}

export interface GroupingInput {
  /** Each pipelines.yml of the workspace with its analysis. */
  ymls: { path: string; analysis: PipelinesYmlAnalysis }[];
  /** Every pipeline config file of the workspace (absolute posix paths). */
  configFiles: readonly string[];
  /** The parse of a file, or undefined when it cannot be read. */
  parse(path: string): ParseResult | undefined;
}

export function groupPipelines(input: GroupingInput): IndexedPipeline[] {
  const out: IndexedPipeline[] = [];
  const claimed = new Set<string>();
  for (const yml of input.ymls) {
    for (const p of yml.analysis.pipelines) {
      const files: IndexedFile[] = [];
      for (const path of p.files) {
        claimed.add(path);
        const parse = input.parse(path);
        if (parse) files.push({ path, parse });
      }
      if (p.configString) files.push({ path: yml.path, parse: p.configString.parse, toSourceOffset: p.configString.toYamlOffset });
      const pipeline: IndexedPipeline = { id: p.id, files, declaredIn: yml.path };
      const ecs = settingOf(p.entry, "pipeline.ecs_compatibility")?.value;
      if (ecs === "disabled" || ecs === "v1" || ecs === "v8") pipeline.ecsCompatibility = ecs;
      out.push(pipeline);
    }
  }
  for (const path of input.configFiles) {
    if (claimed.has(path)) continue;
    const parse = input.parse(path);
    if (parse) out.push({ id: path, files: [{ path, parse }] });
  }
  return out;
}
