/**
 * `path.config` resolution with Logstash's semantics, over a list of known files instead of a disk.
 *
 * Logstash (config/source/local.rb, ConfigPathLoader) appends `/*` to a path that names a directory,
 * expands the rest with Ruby's `Dir.glob` (so `*` and `?` stay inside one path segment and skip names
 * starting with a dot, `**` crosses directories, `[…]` and `{a,b}` work), keeps regular files only,
 * drops editor backups ending in `~` and sorts by path.
 */
import { orderPipelineFiles } from "../pipeline";

/** Turns a Ruby `Dir.glob` pattern (posix separators) into an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  let i = 0;
  let braceDepth = 0;
  const segmentStart = (at: number) => at === 0 || pattern[at - 1] === "/";
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*" && segmentStart(i) && (pattern[i + 2] === "/" || i + 2 === pattern.length)) {
        // `**/` is zero or more directories, none of them hidden.
        re += "(?:[^/.][^/]*/)*";
        if (i + 2 === pattern.length) re += "(?:[^/.][^/]*)?";
        i += 3;
        continue;
      }
      re += segmentStart(i) ? "(?:[^/.][^/]*)?" : "[^/]*";
      i++;
    } else if (c === "?") {
      re += segmentStart(i) ? "[^/.]" : "[^/]";
      i++;
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        re += "\\[";
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      re += `[${negate ? "^/" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = close + 1;
    } else if (c === "{") {
      braceDepth++;
      re += "(?:";
      i++;
    } else if (c === "}" && braceDepth > 0) {
      braceDepth--;
      re += ")";
      i++;
    } else if (c === "," && braceDepth > 0) {
      re += "|";
      i++;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[i + 1]);
      i += 2;
    } else {
      re += escapeRegExp(c);
      i++;
    }
  }
  while (braceDepth-- > 0) re += ")";
  return new RegExp(`^${re}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function hasGlobMagic(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** Posix form of a path, without a `file://` prefix, a trailing slash or `.` segments. */
export function normalizePath(path: string): string {
  let p = path.replace(/^file:\/\//, "").replace(/\\/g, "/");
  const absolute = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  p = out.join("/");
  return absolute ? `/${p}` : p;
}

/**
 * Files an absolute pattern matches among `files` (absolute posix paths), in Logstash's load order.
 * A pattern naming a directory (a prefix of some file) reads the files directly in it.
 */
export function matchPathConfig(absolutePattern: string, files: readonly string[]): string[] {
  const sorted = sortedPaths(files);
  let pattern = normalizePath(absolutePattern);
  if (!hasGlobMagic(pattern) && withPrefix(sorted, pattern)[0] !== pattern && withPrefix(sorted, `${pattern}/`).length) pattern = `${pattern}/*`;
  const re = globToRegExp(pattern);
  // Only files under the pattern's literal folder can match: a binary search finds them, so a large
  // workspace costs little per pattern.
  const magic = pattern.search(/[*?[{\\]/);
  const prefix = magic < 0 ? pattern : pattern.slice(0, pattern.lastIndexOf("/", magic) + 1);
  return orderPipelineFiles(withPrefix(sorted, prefix).filter((f) => re.test(f)));
}

/** `files` in code-unit order (the input itself when it already is). */
export function sortedPaths(files: readonly string[]): readonly string[] {
  for (let i = 1; i < files.length; i++) if (files[i - 1] > files[i]) return [...files].sort();
  return files;
}

/** The run of a sorted list starting with `prefix`. */
function withPrefix(sorted: readonly string[], prefix: string): readonly string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end].startsWith(prefix)) end++;
  return sorted.slice(lo, end);
}

export function joinPath(base: string, relative: string): string {
  return normalizePath(`${base}/${relative}`);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/**
 * Where a `path.config` may point inside the workspace. Logstash resolves a relative path against its
 * working directory (usually LOGSTASH_HOME, the parent of the `config/` folder holding pipelines.yml);
 * an absolute path such as `/etc/logstash/conf.d/*.conf` names the server's disk, which a workspace
 * mirrors, so its tail is tried below the pipelines.yml folder, its parent and the workspace roots.
 * The first base where the pattern matches something wins.
 */
export function resolvePathConfig(pathConfig: string, ymlPath: string, roots: readonly string[], files: readonly string[]): { files: string[]; pattern: string } {
  files = sortedPaths(files);
  const value = normalizePath(pathConfig);
  const ymlDir = dirname(normalizePath(ymlPath));
  const bases = [...new Set([ymlDir, dirname(ymlDir), ...roots.map(normalizePath)])];
  const candidates: string[] = [];
  if (value.startsWith("/")) {
    candidates.push(value);
    const segments = value.slice(1).split("/");
    // Longest tail first: `/etc/logstash/conf.d/*.conf` tries `logstash/conf.d/*.conf`, then `conf.d/*.conf`.
    for (let i = 1; i < segments.length; i++) {
      const tail = segments.slice(i);
      // A bare `*.conf` below the workspace would catch unrelated files; keep its folder.
      if (tail.length < 2 && hasGlobMagic(tail[0])) continue;
      for (const base of bases) candidates.push(joinPath(base, tail.join("/")));
    }
  } else {
    for (const base of bases) candidates.push(joinPath(base, value));
  }
  for (const candidate of candidates) {
    const matched = matchPathConfig(candidate, files);
    if (matched.length) return { files: matched, pattern: candidate };
  }
  return { files: [], pattern: candidates[0] };
}
