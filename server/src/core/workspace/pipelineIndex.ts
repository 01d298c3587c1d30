/**
 * The workspace's pipelines and how they link: which pipeline listens on which virtual address and who
 * sends to it. Pure: the caller reads and parses the files and says which files form which pipeline.
 */
import type { Span } from "../ast";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import type { ParseResult } from "../parse";
import { findPipelineLinks, isDynamicAddress, type AddressRef } from "./links";

export interface IndexedFile {
  /** Absolute path (a `config.string` pipeline uses its pipelines.yml's path). */
  path: string;
  parse: ParseResult;
  /** Maps offsets of `parse` into the file at `path` when the config is embedded (`config.string`). */
  toSourceOffset?: (offset: number) => number;
}

export interface IndexedPipeline {
  id: string;
  files: IndexedFile[];
  /** Declared in a pipelines.yml (rather than a lone file taken as its own pipeline). */
  declaredIn?: string;
  /** The pipeline's `pipeline.ecs_compatibility` from pipelines.yml, when set. */
  ecsCompatibility?: "disabled" | "v1" | "v8";
}

export interface LocatedRef {
  pipeline: string;
  path: string;
  address: string;
  /** Range in the file at `path`. */
  range: Span;
  /** The plugin's whole range in that file. */
  pluginRange: Span;
}

export interface LinkAt {
  kind: "listen" | "send";
  ref: LocatedRef;
}

export class PipelineIndex {
  private readonly listens: LocatedRef[] = [];
  private readonly sends: LocatedRef[] = [];

  constructor(readonly pipelines: readonly IndexedPipeline[]) {
    for (const p of pipelines) {
      for (const f of p.files) {
        const links = findPipelineLinks(f.parse.config);
        const locate = (r: AddressRef): LocatedRef => ({ pipeline: p.id, path: f.path, address: r.address, range: mapSpan(f, r.range), pluginRange: mapSpan(f, r.plugin.range) });
        this.listens.push(...links.listens.map(locate));
        this.sends.push(...links.sends.map(locate));
      }
    }
  }

  listenersOf(address: string): LocatedRef[] {
    return this.listens.filter((l) => l.address === address);
  }

  sendersTo(address: string): LocatedRef[] {
    return this.sends.filter((s) => s.address === address);
  }

  /** Pipelines reading a file (usually one; more is reported in pipelines.yml). */
  pipelinesOf(path: string): IndexedPipeline[] {
    return this.pipelines.filter((p) => p.files.some((f) => f.path === path));
  }

  pipeline(id: string): IndexedPipeline | undefined {
    return this.pipelines.find((p) => p.id === id);
  }

  /** The address under `offset` in the file at `path`, an input's `address` or an output's `send_to`. */
  linkAt(path: string, offset: number): LinkAt | undefined {
    const hit = (r: LocatedRef) => r.path === path && r.range.start <= offset && offset <= r.range.end;
    const listen = this.listens.find(hit);
    if (listen) return { kind: "listen", ref: listen };
    const send = this.sends.find(hit);
    return send ? { kind: "send", ref: send } : undefined;
  }

  /** Cross-pipeline problems located in the file at `path`. */
  issuesFor(path: string): Issue[] {
    const out: Issue[] = [];
    const seen = new Set<string>();
    for (const s of this.sends) {
      if (s.path !== path || isDynamicAddress(s.address)) continue;
      const key = `${s.range.start}:${s.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!this.listenersOf(s.address).length) {
        out.push(issue("pipeline-address-unknown", "error", t("No pipeline listens on address \"{0}\": events sent there are blocked (or dropped)", s.address), s.range));
      }
    }
    for (const l of this.listens) {
      if (l.path !== path || isDynamicAddress(l.address)) continue;
      const key = `${l.range.start}:${l.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The same input read by two pipelines is the shared-file problem, reported in pipelines.yml.
      const others = this.listenersOf(l.address).filter((o) => o.path !== l.path || o.range.start !== l.range.start);
      if (others.length) {
        out.push(issue("pipeline-address-duplicate", "error", t("Address \"{0}\" is also claimed by pipeline \"{1}\": an address must be unique in a Logstash process", l.address, others[0].pipeline), l.range));
      }
    }
    return out;
  }
}

function mapSpan(file: IndexedFile, span: Span): Span {
  const map = file.toSourceOffset;
  return map ? { start: map(span.start), end: map(span.end) } : span;
}
