/**
 * Fields "like" a missing one: a typo (edit distance) or the same idea under another name. The field
 * notes' `remoteIP` vs `clientip` share no spelling, only a word (`ip`) and a meaning (remote = client),
 * so names are compared as words too, with the synonyms log formats use for the same value.
 */
import { editDistance } from "./paths";

const SYNONYMS: string[][] = [
  ["remote", "client", "source", "src", "peer", "origin"],
  ["ip", "addr", "address"],
  ["agent", "ua", "useragent"],
  ["status", "response", "code"],
  ["time", "timestamp", "date", "datetime"],
  ["referer", "referrer"],
  ["bytes", "size", "length"],
  ["method", "verb"],
  ["url", "uri", "request", "path"],
  ["level", "severity", "loglevel"],
  ["logger", "category", "class"],
  ["msg", "message", "text"],
];

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .flatMap((w) => splitKnown(w))
    .filter(Boolean);
}

/** `clientip` → `client`, `ip`: lower-case compounds of known words. */
function splitKnown(word: string): string[] {
  for (const group of SYNONYMS) {
    for (const w of group) {
      if (word.length > w.length && word.endsWith(w) && word.length - w.length >= 2) return [...splitKnown(word.slice(0, -w.length)), w];
    }
  }
  return [word];
}

function canonical(word: string): string {
  return SYNONYMS.find((g) => g.includes(word))?.[0] ?? word;
}

/** Up to `max` of `candidates` most like `name`, best first; none when nothing is close. */
export function similarFields(name: string, candidates: readonly string[], max = 3): string[] {
  const leaf = (n: string) => n.replace(/^.*\[([^\]]*)\]$/, "$1");
  const want = words(leaf(name));
  const wantCanon = new Set(want.map(canonical));
  const scored: { c: string; score: number }[] = [];
  for (const c of new Set(candidates)) {
    const l = leaf(c);
    const d = editDistance(leaf(name).toLowerCase(), l.toLowerCase(), 6);
    const cw = words(l);
    const shared = cw.filter((w) => want.includes(w)).length;
    const sameIdea = cw.filter((w) => wantCanon.has(canonical(w))).length;
    let score = 0;
    if (d <= (l.length >= 5 ? Math.max(2, Math.floor(l.length / 4)) : 1)) score += 10 - d;
    score += shared * 2 + sameIdea * 2;
    // Every word of one has a counterpart in the other: the same value under another name.
    if (cw.length && cw.every((w) => wantCanon.has(canonical(w)))) score += 3;
    if (score >= 4) scored.push({ c, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}
