/**
 * "Query index" over every `elasticsearch` output and "Redis" over every `redis` input and output. The
 * server resolves what the config says (index pattern, hosts, key, data type, the fields the pipeline
 * writes); the client matches hosts to targets and connects, since only it holds the secrets.
 */
import type { CodeLens } from "vscode-languageserver";
import type { Plugin } from "../core/ast";
import { t } from "../core/l10n";
import { forEachPlugin } from "../core/walk";
import { Commands, type QueryLensArgs, type RedisLensArgs } from "../protocol";
import { planOutputQuery } from "../remote/elasticsearch/outputTarget";
import { staticFieldsOf } from "../remote/elasticsearch/pipelineFields";
import { redisEndpointOf } from "../remote/redis/pluginTarget";
import { toRange } from "./convert";
import type { ParsedDocument } from "./parseCache";

export function remoteCodeLenses(document: ParsedDocument): CodeLens[] {
  const config = document.parse.config;
  const lenses: CodeLens[] = [];
  let fields: QueryLensArgs["fields"] | undefined;
  forEachPlugin(config, (plugin: Plugin, ctx) => {
    if (ctx.parent) return;
    const range = toRange(document.lines, plugin.nameRange);
    if (ctx.section === "output" && plugin.name === "elasticsearch") {
      // Targets are matched in the client; an empty list here only resolves the index and suggestions.
      const plan = planOutputQuery(plugin, []);
      fields ??= staticFieldsOf(config);
      const args: QueryLensArgs = { uri: document.uri, hosts: plan.hosts, suggestedNodes: plan.suggestedNodes, pattern: plan.index.pattern, kind: plan.index.kind, notes: plan.index.notes, fields };
      lenses.push({ range, command: { title: t("Query index {0}", plan.index.pattern), command: Commands.queryIndex, arguments: [args] } });
    } else if ((ctx.section === "input" || ctx.section === "output") && plugin.name === "redis") {
      const endpoint = redisEndpointOf(plugin, ctx.section);
      const args: RedisLensArgs = { uri: document.uri, role: endpoint.role, dataType: endpoint.dataType, key: endpoint.key, host: endpoint.host, port: endpoint.port, db: endpoint.db };
      const title = endpoint.dataType === "list" || !endpoint.dataType ? t("Redis: peek list {0}", endpoint.key ?? "?") : t("Redis: subscribers of {0}", endpoint.key ?? "?");
      lenses.push({ range, command: { title, command: Commands.redisPeek, arguments: [args] } });
    }
  });
  return lenses;
}
