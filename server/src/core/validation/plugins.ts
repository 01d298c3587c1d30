/** Is the plugin known for its section, and in the selected Logstash version? */
import type { Plugin } from "../ast";
import type { PluginKind } from "../catalog/types";
import { localizable, t } from "../l10n";
import { suggestions, typoBudget, editDistance } from "../suggest";
import type { Reporter } from "./context";

const KIND_LABEL: Record<PluginKind, string> = { input: "input", filter: "filter", output: "output", codec: "codec" };
const WITH_ARTICLE: Record<PluginKind, string> = {
  input: localizable("an input"),
  filter: localizable("a filter"),
  output: localizable("an output"),
  codec: localizable("a codec"),
};

/** Returns false when the plugin is unknown, so option checks are skipped. */
export function checkPluginKnown(plugin: Plugin, kind: PluginKind, r: Reporter): boolean {
  const { catalog } = r;
  if (catalog.plugin(kind, plugin.name)) return true;
  if (catalog.isInstalledExtra(kind, plugin.name)) return false;

  const elsewhere = catalog.kindsOf(plugin.name).filter((k) => k !== kind);
  if (elsewhere.length) {
    r.add(
      "plugin-wrong-section",
      "error",
      t("`{0}` is {1} plugin, not {2}: move it to the {3} section", plugin.name, t(WITH_ARTICLE[elsewhere[0]]), t(WITH_ARTICLE[kind]), KIND_LABEL[elsewhere[0]]),
      plugin.nameRange,
    );
    return false;
  }

  const other = catalog.otherVersionsOf(plugin.name).find((p) => p.kind === kind);
  if (other) {
    const when = other.since ? t("it is available from Logstash {0}", other.since) : t("it was removed in Logstash {0}", other.until ?? "?");
    r.add("plugin-version", "error", t("The {0} plugin `{1}` is not available in Logstash {2}: {3}", KIND_LABEL[kind], plugin.name, catalog.version, when), plugin.nameRange);
    return false;
  }

  const known = catalog.plugins(kind).map((p) => p.name);
  const close = suggestions(plugin.name, known);
  // A near miss of a bundled plugin is almost certainly a typo; anything else may be a community plugin.
  const nearMiss = close.length > 0 && editDistance(plugin.name.toLowerCase(), close[0].toLowerCase()) <= Math.min(2, typoBudget(plugin.name));
  if (nearMiss) {
    r.add(
      "plugin-misspelled",
      "error",
      t("Unknown {0} plugin `{1}`. Did you mean `{2}`?", KIND_LABEL[kind], plugin.name, close[0]),
      plugin.nameRange,
      { replacement: close[0], replacements: close },
    );
  } else {
    r.add(
      "plugin-unknown",
      "warning",
      t("`{0}` is not {1} plugin that Logstash bundles. If it is installed on your hosts, add it to `logsmith.plugins.installed`", plugin.name, t(WITH_ARTICLE[kind])),
      plugin.nameRange,
      close.length ? { replacements: close } : undefined,
    );
  }
  return false;
}
