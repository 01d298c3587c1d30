/**
 * Matching file input `path` globs against the files log producers write.
 *
 * The file input expands its globs with Ruby's `Dir.glob` (filewatch), the same semantics as
 * `path.config`, so the pipelines.yml glob translation is reused. Writers' paths are often relative to a
 * root we cannot see (httpd's ServerRoot when the config does not set it, Tomcat's CATALINA_BASE, a log4j
 * `${catalina.base}`): such a path matches when it is a tail of a file the glob can name.
 */
import { globToRegExp } from "../pipelinesYml";
import type { KnownWriter } from "./types";

/** A concrete file name standing for a writer path's `*` (a rotation date). */
const SAMPLE = "2026-11-24";

/** Resolves a writer's configured path against a root (ServerRoot, Tomcat directory …) when it has one. */
export function resolveWriterPath(written: string, root?: string): { resolved: string; absolute: boolean } {
  // `${catalina.base}/logs/x.log`: the variable is a root we cannot know.
  let path = written.replace(/\$\{[^}]*\}/g, "\u0001").replace(/\\/g, "/");
  if (path.startsWith("\u0001")) path = path.replace(/^\u0001\/*/, "");
  path = path.replace(/\u0001/g, "*");
  if (path.startsWith("/")) return { resolved: normalize(path), absolute: true };
  if (root?.startsWith("/")) return { resolved: normalize(`${root.replace(/\/+$/, "")}/${path}`), absolute: true };
  return { resolved: normalize(path.replace(/^\.\//, "")), absolute: false };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "." || (part === "" && out.length)) continue;
    if (part === ".." && out.length > 1) out.pop();
    else out.push(part);
  }
  return out.join("/");
}

const regexCache = new Map<string, RegExp | null>();

/** Globs compiled once: every input is matched against every writer after each edit. */
function compiled(glob: string): RegExp | undefined {
  let re = regexCache.get(glob);
  if (re === undefined) {
    try {
      re = globToRegExp(glob);
    } catch {
      re = null;
    }
    if (regexCache.size > 2000) regexCache.clear();
    regexCache.set(glob, re);
  }
  return re ?? undefined;
}

/**
 * Whether a file input glob can name a file the writer writes. Both sides may hold wildcards (a rotation
 * date in the writer, `*` in the input), so each is tried as the pattern against a sample of the other.
 */
export function globMatchesWriter(glob: string, writer: Pick<KnownWriter, "resolved" | "absolute">): boolean {
  const sample = (p: string) => p.replace(/\*\*\//g, "").replace(/\*/g, SAMPLE);
  const test = (pattern: string, path: string) => compiled(pattern)?.test(sample(path)) ?? false;
  if (writer.absolute) return test(glob, writer.resolved) || test(writer.resolved, glob);
  // Relative writer: the glob's last segments (after any `**`) must match the writer's last segments.
  const parts = writer.resolved.split("/");
  let segments = glob.split("/");
  const deep = segments.lastIndexOf("**");
  if (deep >= 0) segments = segments.slice(deep + 1);
  else if (segments.length < parts.length) return false;
  const n = Math.min(segments.length, parts.length);
  if (n === 0) return false;
  const a = segments.slice(-n).join("/");
  const b = parts.slice(-n).join("/");
  return test(a, b) || test(b, a);
}

/** Edit distance, capped: enough to tell a typo (`jsonacess_log`) from a different file. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest name within a typo's distance (1 for short names, up to 3 for long ones), if any. */
export function nearest<T>(name: string, candidates: readonly T[], nameOf: (c: T) => string): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), nameOf(c).toLowerCase(), limit);
    if (d > 0 && d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
