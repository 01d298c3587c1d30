/**
 * Which pipeline a test file tests. By convention `<name>.test.json|yaml|yml` sits beside
 * `<name>.conf` (or a `<name>/` directory of .conf files, a conf.d pipeline); any LFV file can also
 * live in a folder mapped to a pipeline by the `logsmith.tests.folders` setting.
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

export const TEST_FILE_PATTERN = /\.test\.(json|ya?ml)$/i;

/** `{ "tests/": "pipelines/main.conf" }`: test folder → pipeline file or directory, both relative to `root`. */
export type TestFolderMap = Record<string, string>;

export type PathKind = "file" | "directory" | undefined;

export function isConventionalTestFile(path: string): boolean {
  return TEST_FILE_PATTERN.test(path);
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** The mapped folder (absolute) holding `testPath`, the deepest when folders nest. */
export function mappedFolder(testPath: string, folders: TestFolderMap, root: string): { folder: string; pipeline: string } | undefined {
  let best: { folder: string; pipeline: string } | undefined;
  for (const [folder, pipeline] of Object.entries(folders)) {
    const abs = resolve(root, folder);
    if (inside(abs, testPath) && (!best || abs.length > best.folder.length)) best = { folder: abs, pipeline: resolve(root, pipeline) };
  }
  return best;
}

/**
 * The pipeline (a file or a directory) for a test file, or undefined. A mapped folder wins over the
 * naming convention, so a folder of LFV suites named `*.test.json` still goes to the mapped pipeline.
 */
export function pipelineForTestFile(testPath: string, options: { folders?: TestFolderMap; root?: string }, kind: (path: string) => PathKind): string | undefined {
  const abs = resolve(testPath);
  if (options.folders && options.root) {
    const mapped = mappedFolder(abs, options.folders, options.root);
    if (mapped) return kind(mapped.pipeline) ? mapped.pipeline : undefined;
  }
  const m = TEST_FILE_PATTERN.exec(abs);
  if (!m) return undefined;
  const stem = abs.slice(0, m.index);
  for (const candidate of [`${stem}.conf`, stem]) if (kind(candidate)) return candidate;
  return undefined;
}

/** Where a new test file for `pipelinePath` goes by convention (`main.conf` → `main.test.yaml`). */
export function conventionalTestPath(pipelinePath: string, ext: "yaml" | "json" = "yaml"): string {
  const dir = dirname(pipelinePath);
  const name = pipelinePath.slice(dir.length + 1).replace(/\.conf$/i, "");
  return join(dir, `${name}.test.${ext}`);
}
