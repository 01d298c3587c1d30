/**
 * Which plugins a host has (`bin/logstash-plugin list --verbose`), and which plugins of a pipeline it lacks.
 * Checked before anything is uploaded, because Logstash's own config test on the host only reports the first
 * missing plugin, after the upload.
 */
import type { Span } from "../../core/ast";
import { t } from "../../core/l10n";
import { parseConfig } from "../../core/parse";
import { validateText } from "../../core/validate";
import { forEachPlugin } from "../../core/walk";
import { type LogstashTarget, DEFAULT_PLUGIN_LIST_COMMAND } from "../targets";
import type { SshSession } from "./session";
import { RemoteError } from "./session";

/**
 * Full plugin names (`logstash-filter-grok`) in the list's output. Integration plugins list what they
 * contain on indented `├── logstash-input-kafka` lines, so every name anywhere on a line counts.
 */
export function parsePluginList(output: string): Set<string> {
  const names = new Set<string>();
  for (const m of output.matchAll(/\blogstash-(?:input|filter|output|codec)-[A-Za-z0-9_]+/g)) names.add(m[0]);
  return names;
}

export interface MissingPlugin {
  name: string;
  kind: "input" | "filter" | "output" | "codec";
  range: Span;
}

/** Plugins the pipeline uses that are not in `installed` (full names). */
export function missingPlugins(text: string, installed: Set<string>): MissingPlugin[] {
  const { config } = parseConfig(text);
  const missing: MissingPlugin[] = [];
  const need = (kind: MissingPlugin["kind"], name: string, range: Span): void => {
    if (!installed.has(`logstash-${kind}-${name}`)) missing.push({ kind, name, range });
  };
  forEachPlugin(config, (plugin, ctx) => {
    need(ctx.parent ? "codec" : ctx.section, plugin.name, plugin.nameRange);
    // `codec => json` names a codec with a plain word rather than a block.
    for (const a of plugin.attributes) {
      if (a.name === "codec" && a.value && (a.value.kind === "bareword" || a.value.kind === "string")) {
        need("codec", (a.value as { value: string }).value, a.value.range);
      }
    }
  });
  return missing;
}

/** One list per target and command for the life of the process (the extension clears it on "test connection"). */
export class PluginCache {
  private readonly lists = new Map<string, Set<string>>();

  clear(targetName?: string): void {
    if (targetName === undefined) this.lists.clear();
    else for (const key of [...this.lists.keys()]) if (key.startsWith(`${targetName}\u0000`)) this.lists.delete(key);
  }

  /** The host's plugins, or undefined when the target turns the check off (`pluginListCommand: ""`). */
  async get(session: SshSession, target: LogstashTarget, signal?: AbortSignal): Promise<Set<string> | undefined> {
    const command = target.pluginListCommand ?? DEFAULT_PLUGIN_LIST_COMMAND;
    if (command.trim() === "") return undefined;
    const key = `${target.name}\u0000${target.host}\u0000${command}`;
    const cached = this.lists.get(key);
    if (cached) return cached;
    const result = await session.exec(command, signal);
    if (result.code === 127) throw new RemoteError("config", t("the plugin list command was not found on {0}: {1} (set pluginListCommand, or \"\" to skip the plugin check)", target.name, command));
    if (result.code !== 0) throw new RemoteError("remote", t("the plugin list command failed on {0} (exit {1}): {2}", target.name, String(result.code), lastLine(result.stderr || result.stdout)));
    const list = parsePluginList(result.stdout);
    if (list.size === 0) throw new RemoteError("remote", t("the plugin list command on {0} printed no plugin names: {1}", target.name, command));
    this.lists.set(key, list);
    return list;
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

/** Core validation codes that mean "this plugin cannot load", whatever the host's Logstash version is. */
const LOAD_FAILURES = new Set(["plugin-misspelled", "plugin-wrong-section"]);

export interface PluginProblem {
  range: Span;
  message: string;
}

/**
 * Why the pipeline cannot load on this host: the core's validation with the host's plugins as the
 * installed ones (`logsmith.plugins.installed` semantics, so community plugins the host has are known),
 * keeping the plugin errors that do not depend on a version (a typo says "did you mean"), and every
 * plugin the host's list lacks (a bundled plugin removed from a trimmed install included).
 */
export function pluginProblems(text: string, target: LogstashTarget, installed: Set<string>): PluginProblem[] {
  const core = validateText(text, { installedPlugins: [...installed] })
    .issues.filter((i) => i.severity === "error" && LOAD_FAILURES.has(i.code))
    .map((i) => ({ range: i.range, message: i.message }));
  const flagged = new Set(core.map((p) => p.range.start));
  const lacking = missingPlugins(text, installed)
    .filter((m) => !flagged.has(m.range.start))
    .map((m) => ({ range: m.range, message: t("{0} does not have the {1} plugin `{2}` (logstash-{1}-{2})", target.name, m.kind, m.name) }));
  return [...core, ...lacking].sort((a, b) => a.range.start - b.range.start);
}
