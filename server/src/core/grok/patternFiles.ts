/**
 * Reads `patterns_dir` + `patterns_files_glob` the way the grok filter does: a directory means the
 * glob inside it, a file is taken as is, sub-directories are skipped, matches come in sorted order.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";

/** Ruby `File.fnmatch`-style glob for one path segment: `*`, `?`, `[...]`, `{a,b}`. */
function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += "[" + glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\") + "]";
        i = end;
      }
    } else if (c === "{") {
      const end = glob.indexOf("}", i + 1);
      if (end < 0) re += "\\{";
      else {
        re += "(?:" + glob.slice(i + 1, end).split(",").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") + ")";
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** The texts of every pattern file the options select, in load order. */
export function readPatternsDirs(dirs: readonly string[], glob = "*"): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const matcher = globToRegExp(glob);
  for (const dir of dirs) {
    let files: string[];
    if (statSync(dir).isDirectory()) {
      // Dotfiles are not matched by "*", as in Ruby's glob.
      files = readdirSync(dir)
        .filter((name) => matcher.test(name) && (!name.startsWith(".") || glob.startsWith(".")))
        .sort()
        .map((name) => join(dir, name));
    } else files = [dir];
    for (const path of files) {
      if (statSync(path).isDirectory()) continue;
      out.push({ path, text: readFileSync(path, "utf8") });
    }
  }
  return out;
}

/**
 * The `logsmith.grok.patternsPath` files (`--patterns-path`): a directory's files in name order
 * (dotfiles and sub-directories left out), or one file. A relative path resolves against `base`.
 */
export function readPatternsPath(path: string, base?: string): { file: string; text: string }[] {
  if (!path) return [];
  const full = isAbsolute(path) || !base ? resolve(path) : resolve(base, path);
  const files = statSync(full).isDirectory()
    ? readdirSync(full)
        .filter((name) => !name.startsWith("."))
        .sort()
        .map((name) => join(full, name))
        .filter((p) => statSync(p).isFile())
    : [full];
  return files.map((p) => ({ file: basename(p), text: readFileSync(p, "utf8") }));
}
