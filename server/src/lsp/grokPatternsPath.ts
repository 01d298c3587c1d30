/**
 * `logsmith.grok.patternsPath` for diagnostics, completion, hover and pipeline tests: the files are
 * read per request (a handful of small files) so an edit to them counts at the next keystroke. A
 * relative path resolves against the document's workspace folder, as the preview resolves it.
 */
import { realpathSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { readPatternsDirs, readPatternsPath } from "../core/grok/patternFiles";
import { t } from "../core/l10n";
import type { ServerContext } from "./context";
import type { LogsmithSettings } from "./settings";

function filePath(uri: string): string | undefined {
  return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
}

/** The workspace folder holding `uri`, else the first folder, else the document's own folder. */
export function workspaceBase(context: ServerContext, uri: string): string | undefined {
  const path = filePath(uri);
  const roots = context.workspace?.workspaceRoots ?? [];
  return (path && roots.find((r) => path.startsWith(`${r}/`))) ?? roots[0] ?? (path ? dirname(path) : undefined);
}

/** The pattern texts of the setting; an unreadable path contributes nothing (the preview reports it). */
export function patternsPathTexts(context: ServerContext, uri: string, settings: LogsmithSettings): string[] {
  if (!settings.grok.patternsPath) return [];
  try {
    return readPatternsPath(settings.grok.patternsPath, workspaceBase(context, uri)).map((f) => f.text);
  } catch {
    return [];
  }
}

/**
 * How the simulator reads a grok `patterns_dir` here (it hands over absolute directories, relative ones
 * resolved against the pipeline's folder): in an untrusted workspace only directories inside a workspace folder are read
 * (after following links), so a pipeline cannot make the server read elsewhere.
 */
export function patternsDirReader(context: ServerContext): (dirs: string[], glob: string) => string[] {
  return (dirs, glob) => {
    const full = dirs.map((d) => resolve(d));
    if (context.workspace && !context.workspace.isTrusted) {
      const roots = context.workspace.workspaceRoots.map(realOrSame);
      for (const d of full) {
        const real = realOrSame(d);
        if (!roots.some((r) => real === r || real.startsWith(`${r}${sep}`))) throw new Error(t("{0} is outside the workspace and is not read in an untrusted workspace", d));
      }
    }
    return readPatternsDirs(full, glob).map((f) => f.text);
  };
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
