/**
 * The set of fields an event may carry at one point of a pipeline. "May": the union over every input,
 * writer and conditional branch, so a read is only reported when no path at all can produce the field.
 * A step that can add fields we cannot name (kv without target, ruby, an unknown plugin) opens a subtree;
 * reads under an open subtree are never reported.
 */
import type { FieldFact, OriginStep } from "./types";

export function keyOf(path: readonly string[]): string {
  return path.join("\u0000");
}

export class FieldState {
  readonly fields = new Map<string, FieldFact>();
  /** Open subtrees by key (`""` = the whole event), with the step that opened them. */
  readonly open = new Map<string, OriginStep[]>();
  /** Fields removed on every path since they were added, with the step that removed them. */
  readonly removed = new Map<string, OriginStep>();

  clone(): FieldState {
    const s = new FieldState();
    for (const [k, v] of this.fields) s.fields.set(k, { ...v, chains: [...v.chains] });
    for (const [k, v] of this.open) s.open.set(k, v);
    for (const [k, v] of this.removed) s.removed.set(k, v);
    return s;
  }

  /** Adds a field (or another way to get it), its chain extended by `step` when given. */
  add(path: string[], chain: OriginStep[], formats?: FieldFact["formats"]): void {
    const key = keyOf(path);
    this.removed.delete(key);
    const fact = this.fields.get(key);
    if (!fact) this.fields.set(key, { path, chains: [chain], formats });
    else {
      if (fact.chains.length < 4 && !fact.chains.some((c) => sameChain(c, chain))) fact.chains.push(chain);
      if (formats) fact.formats = [...(fact.formats ?? []), ...formats];
    }
  }

  openSubtree(path: string[], chain: OriginStep[]): void {
    const key = keyOf(path);
    if (!this.open.has(key)) this.open.set(key, chain);
  }

  remove(path: string[], step: OriginStep): void {
    const key = keyOf(path);
    for (const k of [...this.fields.keys()]) {
      if (k === key || k.startsWith(key + "\u0000")) {
        this.fields.delete(k);
        this.removed.set(k, step);
      }
    }
  }

  /** The fact of a field, or of the nearest field under it (reading `[geoip]` when `[geoip][ip]` is set). */
  lookup(path: readonly string[]): FieldFact | undefined {
    const key = keyOf(path);
    const exact = this.fields.get(key);
    if (exact) return exact;
    for (const [k, f] of this.fields) if (k.startsWith(key + "\u0000")) return f;
    // A value set as a whole (a JSON object, a geoip result) may have members we cannot list.
    return undefined;
  }

  /** The open subtree covering `path`, if any. */
  openOver(path: readonly string[]): OriginStep[] | undefined {
    for (let n = 0; n <= path.length; n++) {
      const chain = this.open.get(keyOf(path.slice(0, n)));
      if (chain) return chain;
    }
    return undefined;
  }

  /** Merge of the states at the end of alternative branches. */
  static union(states: FieldState[]): FieldState {
    const out = new FieldState();
    for (const s of states) {
      for (const f of s.fields.values()) for (const c of f.chains) out.add(f.path, c, f.formats);
      for (const [k, v] of s.open) if (!out.open.has(k)) out.open.set(k, v);
    }
    for (const s of states) for (const [k, v] of s.removed) if (!out.fields.has(k)) out.removed.set(k, v);
    return out;
  }

  /** Field names worth suggesting (top level and nested), as Logstash writes them. */
  names(): string[] {
    return [...this.fields.values()].map((f) => formatPath(f.path));
  }
}

export function formatPath(path: readonly string[]): string {
  return path.length === 1 ? path[0] : path.map((p) => `[${p}]`).join("");
}

function sameChain(a: OriginStep[], b: OriginStep[]): boolean {
  return a.length === b.length && a.every((s, i) => s.label === b[i].label && s.path === b[i].path && s.range?.start === b[i].range?.start);
}
