/**
 * `logsmith catalog --format json [--logstash-version V]`: the catalog the validator uses, as that
 * Logstash version knows it, with each plugin's own options and the common ones listed by kind.
 */
import { getCatalog, type ResolvedOption } from "../core/catalog/catalog";
import type { PluginKind } from "../core/catalog/types";
import type { CliIO } from "./check";

const KINDS: PluginKind[] = ["input", "filter", "output", "codec"];

function optionJson(o: ResolvedOption) {
  return {
    name: o.name,
    validate: o.validate,
    ...(o.values ? { values: o.values } : {}),
    list: !!o.list,
    default: o.default ?? null,
    required: !!o.required,
    deprecated: !!o.deprecated,
    obsolete: !!o.obsolete,
    ...(o.replacement ? { replacement: o.replacement } : {}),
  };
}

export function runCatalog(options: { logstashVersion?: string }, io: CliIO): number {
  const catalog = getCatalog(options.logstashVersion);
  const plugins = KINDS.flatMap((kind) =>
    catalog.plugins(kind).map((p) => ({
      kind,
      name: p.name,
      bundled: p.bundled !== false,
      options: p.allOptions.filter((o) => !o.common).map(optionJson),
    })),
  );
  const common = Object.fromEntries(KINDS.map((kind) => [kind, catalog.commonOptions(kind).map(optionJson)]));
  io.out(JSON.stringify({ logstashVersion: catalog.version, plugins, common }, null, 2) + "\n");
  return 0;
}
