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
import { peekCommand, RedisCounts } from "../redis/peek";
import { QueryPanel } from "./QueryPanel";
import { matchElasticsearchTarget, offerElasticsearchTarget } from "./targetMatch";

export function registerRemoteQueries(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  const secrets = secretStorageSource(context.secrets);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.queryIndex, async (args: QueryLensArgs) => {
      if (!requireTrust() || !args) return;
      const target = matchElasticsearchTarget(args.hosts) ?? (await offerElasticsearchTarget(args.hosts, args.suggestedNodes));
      if (target) QueryPanel.show(context, secrets, log, target, args);
    }),
    vscode.commands.registerCommand(Commands.redisPeek, (args: RedisLensArgs) => peekCommand(secrets, log, args)),
  );
  const counts = new RedisCounts(secrets);
  const middleware = client.middleware;
  const previous = middleware.provideCodeLenses;
  middleware.provideCodeLenses = async (document, token, next) => {
    const lenses = await (previous ? previous(document, token, next) : next(document, token));
    if (!lenses || !vscode.workspace.isTrusted) return lenses;
    await Promise.all(
      lenses.map(async (lens) => {
        if (lens.command?.command !== Commands.redisPeek) return;
        const title = await counts.title(lens.command.arguments?.[0] as RedisLensArgs);
        if (title) lens.command.title = title;
      }),
    );
    return lenses;
  };
}
