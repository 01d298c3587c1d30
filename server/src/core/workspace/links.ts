/**
 * Pipeline-to-pipeline links of one config: `pipeline { address => … }` inputs listen on a virtual
 * address, `pipeline { send_to => … }` outputs send to one or more (logstash-core's pipeline input and
 * output, Logstash 6.3+).
 */
import type { Config, Plugin, Span, Value } from "../ast";
import { forEachPlugin } from "../walk";

export interface AddressRef {
  address: string;
  /** The address string in the source. */
  range: Span;
  plugin: Plugin;
}

export interface PipelineLinks {
  listens: AddressRef[];
  sends: AddressRef[];
}

function strings(value: Value | undefined): { value: string; range: Span }[] {
  if (!value) return [];
  if (value.kind === "string" || value.kind === "bareword") return [{ value: value.value, range: value.range }];
  if (value.kind === "array") return value.elements.flatMap((e) => strings(e));
  return [];
}

export function findPipelineLinks(config: Config): PipelineLinks {
  const links: PipelineLinks = { listens: [], sends: [] };
  forEachPlugin(config, (plugin, ctx) => {
    if (plugin.name !== "pipeline" || ctx.parent) return;
    const key = ctx.section === "input" ? "address" : ctx.section === "output" ? "send_to" : undefined;
    if (!key) return;
    const list = ctx.section === "input" ? links.listens : links.sends;
    for (const attr of plugin.attributes) {
      if (attr.name !== key) continue;
      for (const s of strings(attr.value)) list.push({ address: s.value, range: s.range, plugin });
    }
  });
  return links;
}

/** `${VAR}` addresses are resolved from the environment when Logstash starts; they cannot be linked here. */
export function isDynamicAddress(address: string): boolean {
  return address.includes("${");
}
