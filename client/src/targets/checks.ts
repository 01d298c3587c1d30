/** "Test connection" for every target kind; each kind's check lives beside its client in server/src/remote/. */
import { checkLogstash, type PluginCache } from "../../../server/src/remote/deploy";
import { checkElasticsearch } from "../../../server/src/remote/elasticsearch";
import { checkRedis } from "../../../server/src/remote/redis";
import type { ConnectionCheck, SecretSource } from "../../../server/src/remote/secrets";
import type { Target } from "../../../server/src/remote/targets";
import { askingHostKeyPolicy } from "../deploy/hostKeys";

export async function checkTarget(target: Target, secrets: SecretSource, plugins: PluginCache): Promise<ConnectionCheck> {
  switch (target.kind) {
    case "logstash":
      // A test is also the way to make the next deploy ask the host for its plugins again.
      plugins.clear(target.name);
      return checkLogstash(target, { secrets, hostKeys: askingHostKeyPolicy });
    case "elasticsearch":
      return checkElasticsearch(target, secrets);
    case "redis":
      return checkRedis(target, secrets);
  }
}
