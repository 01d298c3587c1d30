/**
 * Wires "Query index" and the Redis lenses: the two lens commands, and a code-lens middleware that puts
 * the broker's live list length into the Redis lens titles (the server cannot: only the client holds
 * the secrets). Every connection is refused in untrusted workspaces.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Commands, type QueryLensArgs, type RedisLensArgs } from "../../../server/src/protocol";
import { secretStorageSource } from "../targets/config";
import { requireTrust } from "../targets/trust";
import { centralDeployCommand } from "./centralDeploy";

const load = () => import("./lazy");

export function registerRemoteQueries(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  const secrets = secretStorageSource(context.secrets);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.queryIndex, async (args: QueryLensArgs) => {
      if (!requireTrust() || !args) return;
      const { QueryPanel, matchElasticsearchTarget, offerElasticsearchTarget } = await load();
      const target = matchElasticsearchTarget(args.hosts) ?? (await offerElasticsearchTarget(args.hosts, args.suggestedNodes));
      if (target) QueryPanel.show(context, client, secrets, log, target, args);
    }),
    vscode.commands.registerCommand(Commands.redisPeek, async (args: RedisLensArgs) => (await load()).peekCommand(secrets, log, args)),
    vscode.commands.registerCommand(Commands.centralDeploy, () => centralDeployCommand(secrets, log)),
  );
  let counts: Promise<import("../redis/peek").RedisCounts> | undefined;
  const middleware = client.middleware;
  const previous = middleware.provideCodeLenses;
  middleware.provideCodeLenses = async (document, token, next) => {
    const lenses = await (previous ? previous(document, token, next) : next(document, token));
    if (!lenses || !vscode.workspace.isTrusted) return lenses;
    const redisLenses = lenses.filter((lens) => lens.command?.command === Commands.redisPeek);
    if (!redisLenses.length) return lenses;
    counts ??= load().then(({ RedisCounts }) => new RedisCounts(secrets));
    const source = await counts;
    await Promise.all(
      redisLenses.map(async (lens) => {
        const title = await source.title(lens.command!.arguments?.[0] as RedisLensArgs);
        if (title) lens.command!.title = title;
      }),
    );
    return lenses;
  };
}
