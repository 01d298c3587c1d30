/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** How far a name may be from a known one to count as a typo of it. */
export function typoBudget(name: string): number {
  return name.length <= 3 ? 1 : name.length <= 7 ? 2 : 3;
}

/** Known names close enough to `name` to be what the user meant, best first. */
export function suggestions(name: string, known: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const scored: [string, number][] = [];
  for (const k of known) {
    const kl = k.toLowerCase();
    let d = editDistance(lower, kl);
    // `ssl_verify` for `ssl_verification_mode`, `host` for `hosts`: a prefix is a strong hint too.
    if (d > typoBudget(name) && lower.length >= 4 && (kl.startsWith(lower) || lower.startsWith(kl))) d = typoBudget(name);
    if (d <= typoBudget(name)) scored.push([k, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([k]) => k);
}
