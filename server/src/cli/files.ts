/**
 * Expands the CLI's file arguments the way Logstash reads `path.config`.
 */
import { readdirSync, statSync } from "node:fs";
import { sep } from "node:path";

export interface InputFile {
  /** As given on the command line, or `<dir as given>/<name>` for files found in a directory. */
  display: string;
  path: string;
  /** Index of the command-line argument it came from: a directory's files form one pipeline. */
  group: number;
}

export class UsageError extends Error {}

/**
 * A directory stands for its `*.conf` files, sorted by name as Logstash sorts a `path.config`
 * directory (Ruby's `Dir.glob(...).sort`: byte order, so `10-x.conf` before `2-x.conf`).
 */
export function expandInputs(args: string[]): { files: InputFile[]; unreadable: string[] } {
  const files: InputFile[] = [];
  const unreadable: string[] = [];
  args.forEach((arg, group) => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      unreadable.push(arg);
      return;
    }
    if (!isDirectory) {
      files.push({ display: arg, path: arg, group });
      return;
    }
    const prefix = arg.endsWith("/") || arg.endsWith(sep) ? arg : arg + sep;
    const names = readdirSync(arg, { withFileTypes: true })
      .filter((d) => !d.isDirectory() && d.name.endsWith(".conf"))
      .map((d) => d.name)
      .sort(byteOrder);
    for (const name of names) files.push({ display: prefix + name, path: prefix + name, group });
  });
  return { files, unreadable };
}

function byteOrder(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
