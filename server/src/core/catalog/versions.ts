/** The newest Logstash release the catalog describes; `logsmith.logstashVersion` defaults to it. */
export const NEWEST = "9.5";

/** Accepts "6.5", "6.5.4", "v8.19", "9.x", "latest" or nothing (newest). */
export function normalizeVersion(version: string | undefined): string {
  if (!version) return NEWEST;
  const v = version.trim().replace(/^v/i, "");
  if (v === "" || v === "latest" || v === "newest") return NEWEST;
  const m = /^(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?/.exec(v);
  if (!m) return NEWEST;
  const major = m[1];
  const minor = m[2] === undefined || m[2] === "x" ? (major === NEWEST.split(".")[0] ? NEWEST.split(".")[1] : "99") : m[2];
  return m[3] !== undefined && m[3] !== "x" ? `${major}.${minor}.${m[3]}` : `${major}.${minor}`;
}

/** Numeric comparison of dotted versions; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((x) => parseInt(x, 10) || 0);
  const pb = b.split(".").map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
