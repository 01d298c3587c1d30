/** "Test connection" for every target kind; each kind's check lives beside its client in server/src/remote/. */
import type { PluginCache } from "../../../server/src/remote/deploy";
import type { ConnectionCheck, SecretSource } from "../../../server/src/remote/secrets";
import type { Target } from "../../../server/src/remote/targets";
import { askingHostKeyPolicy } from "../deploy/hostKeys";
import { loadDeploy, loadElasticsearch, loadRedis } from "../deploy/lazy";

export async function checkTarget(target: Target, secrets: SecretSource, plugins: () => Promise<PluginCache>): Promise<ConnectionCheck> {
  switch (target.kind) {
    case "logstash":
      // A test is also the way to make the next deploy ask the host for its plugins again.
      (await plugins()).clear(target.name);
      return (await loadDeploy()).checkLogstash(target, { secrets, hostKeys: askingHostKeyPolicy });
    case "elasticsearch":
      return (await loadElasticsearch()).checkElasticsearch(target, secrets);
    case "redis":
      return (await loadRedis()).checkRedis(target, secrets);
  }
}
