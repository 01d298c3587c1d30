/**
 * The preview facade: one call per panel update. File reads and database opening are injected so the
 * core stays host-free; the language server runs this in a worker with a watchdog (lsp/preview.ts).
 */
import type { Config } from "../ast";
import type { GeoipReader } from "../geoip";
import { GrokCompileError } from "../grok/compile";
import { initOniguruma } from "../grok/onig";
import { GrokRegexError } from "../grok/onig";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { t } from "../l10n";
import { PluginOptions } from "../simulate/options";
import { previewGeoip } from "./geoipPreview";
import { previewGrok } from "./grokPreview";
import { decodeLines, findInputCodec } from "../simulate/codecs";
import { describeGrouping, previewPipeline } from "./pipelinePreview";
import { targetPlugin } from "./targets";
import type { PreviewResult, PreviewTarget } from "./types";

export interface PreviewEnvironment {
  /** ECS mode of filters that set none (Logstash 8+: v8). */
  ecsDefault: EcsCompatibility;
  /** Texts of the `logsmith.grok.patternsPath` files, loaded over the built-in set. */
  patternsPathTexts?: string[];
  /** Reads a grok `patterns_dir` (directories, glob) into file texts; absent: not read, with a note. */
  readPatternsDir?(dirs: string[], glob: string): string[];
  geoipDatabasePath?: Partial<Record<"City" | "ASN", string>>;
  openGeoipReader?(path: string): Promise<GeoipReader>;
  /** False in an untrusted workspace: files the config names (geoip `database`, dictionaries) are not opened. */
  readDatabaseOption?: boolean;
  /** Directory of the pipeline file (relative paths in the config). */
  baseDir?: string;
  /** Fixed @timestamp for the pipeline preview. */
  now?: Date;
}

export interface PreviewHooks {
  /** Before each sample line (the watchdog's progress mark). */
  onLine?(index: number): void;
  /** Before each regex attempt. */
  onAttempt?(): void;
}

/** Computes the preview of `target` over `lines` (each line one sample). Never throws for bad input. */
export async function computePreview(config: Config, target: PreviewTarget, lines: string[], env: PreviewEnvironment, hooks: PreviewHooks = {}): Promise<PreviewResult> {
  const started = performance.now();
  const finish = (r: PreviewResult): PreviewResult => ({ ...r, elapsedMs: Math.round((performance.now() - started) * 10) / 10 });
  try {
    if (target.kind === "pipeline") {
      if (!config.sections.some((s) => s.type === "filter")) return finish({ kind: "none", error: t("The pipeline has no filter section") });
      return finish(
        await previewPipeline(config, lines, {
          ecsDefault: env.ecsDefault,
          now: env.now,
          geoipDatabasePath: env.geoipDatabasePath,
          baseDir: env.baseDir,
          readFiles: env.readDatabaseOption !== false,
          grokPatterns: env.patternsPathTexts,
        }),
      );
    }
    const plugin = targetPlugin(config, target);
    if (!plugin) return finish({ kind: "none", error: t("The {0} filter #{1} is no longer in the document", target.kind, target.index + 1) });
    if (target.kind === "geoip") {
      if (!env.openGeoipReader) return finish({ kind: "none", error: t("GeoIP databases cannot be read here") });
      const r = await previewGeoip(plugin, lines, {
        ecsDefault: env.ecsDefault,
        databasePath: env.geoipDatabasePath,
        openReader: env.openGeoipReader,
        readDatabaseOption: env.readDatabaseOption,
      });
      return finish(r);
    }
    await initOniguruma();
    const notes: string[] = [];
    const opts = new PluginOptions(plugin);
    let patternsDirTexts: string[] | undefined;
    if (opts.has("patterns_dir")) {
      if (!env.readPatternsDir) notes.push(t("`patterns_dir` files are not read in an untrusted workspace"));
      else {
        try {
          patternsDirTexts = env.readPatternsDir(opts.list("patterns_dir"), opts.string("patterns_files_glob", "*")!);
        } catch (error) {
          notes.push(t("Cannot read `patterns_dir`: {0}", (error as Error).message));
        }
      }
    }
    // A multiline codec makes one event of several sample lines; grok then sees the joined message.
    const codec = findInputCodec(config);
    let messages = lines;
    if (codec.codec === "multiline") {
      messages = decodeLines(codec, lines, env.ecsDefault).map((e) => (typeof e.message === "string" ? e.message : ""));
      notes.push(describeGrouping(codec.codec, codec.input));
    }
    const r = previewGrok(plugin, messages, { ecsDefault: env.ecsDefault, extraPatterns: env.patternsPathTexts, patternsDirTexts }, hooks);
    return finish(notes.length ? { ...r, notes } : r);
  } catch (error) {
    if (error instanceof GrokCompileError || error instanceof GrokRegexError) return finish({ kind: "none", error: t("The pattern does not compile: {0}", error.message) });
    return finish({ kind: "none", error: (error as Error).message });
  }
}
