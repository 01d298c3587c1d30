/** The target a lens's hosts point at, or an offer to create one from the output's hosts. */
import * as vscode from "vscode";
import { hostsMatch, parseHostAddress } from "../../../server/src/remote/elasticsearch/outputTarget";
import type { ElasticsearchTarget } from "../../../server/src/remote/targets";
import { readTargetsSetting, writeTargets } from "../targets/config";

export function matchElasticsearchTarget(hosts: string[]): ElasticsearchTarget | undefined {
  const wanted = hosts.map((h) => parseHostAddress(h)).filter((a) => !!a);
  return readTargetsSetting().targets.find(
    (t): t is ElasticsearchTarget => t.kind === "elasticsearch" && t.nodes.some((n) => {
      const node = parseHostAddress(n);
      return !!node && wanted.some((a) => hostsMatch(a!, node));
    }),
  );
}

/** Asks to add an Elasticsearch target for the output's hosts (no auth; the user sets it in the Targets view). */
export async function offerElasticsearchTarget(hosts: string[], suggestedNodes: string[]): Promise<ElasticsearchTarget | undefined> {
  const create = vscode.l10n.t("Create target");
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t("No Elasticsearch target matches {0}. Create one from these hosts?", hosts.join(", ")),
    create,
  );
  if (answer !== create) return undefined;
  const { targets } = readTargetsSetting();
  const base = (parseHostAddress(hosts[0] ?? "")?.host ?? "elasticsearch").replace(/[^A-Za-z0-9_-]/g, "-");
  let name = base;
  for (let i = 2; targets.some((t) => t.name === name); i++) name = `${base}-${i}`;
  const target: ElasticsearchTarget = { name, kind: "elasticsearch", nodes: suggestedNodes, auth: { type: "none" } };
  await writeTargets([...targets, target]);
  void vscode.window.showInformationMessage(vscode.l10n.t("Added target {0}. Set its authentication and CA certificate in the Logsmith Targets view if the cluster needs them.", name));
  return target;
}
