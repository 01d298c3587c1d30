/**
 * Logstash Filter Verifier test cases in VS Code's Test Explorer. Discovery finds `<name>.test.json|yaml|yml`
 * beside a pipeline and every JSON/YAML file under the folders mapped in `logsmith.tests.folders`; the
 * language server lists each file's cases (with their ranges) and runs them through its simulator.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ListPipelineTestsRequest, RunPipelineTestsRequest, SETTINGS_SECTION, type PipelineTestCaseRun, type PipelineTestsParams, type TestRange } from "../../../server/src/protocol";
import { exists } from "./saveAsTestCase";

const TEST_GLOB = "**/*.test.{json,yaml,yml}";

function toRange(r: TestRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** `logsmith.tests.folders` of the file's workspace folder, for the server's pipeline lookup. */
export function testSettings(uri: vscode.Uri): Pick<PipelineTestsParams, "folders" | "root"> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const folders = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<Record<string, string>>("tests.folders") ?? {};
  return folder ? { folders, root: folder.uri.fsPath } : {};
}

export class PipelineTestController implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController("logsmith.pipelineTests", vscode.l10n.t("Logstash pipeline tests"));
  private readonly disposables: vscode.Disposable[] = [this.controller];
  /** Continuous runs waiting for the next save, with what they asked to run. */
  private readonly watchers = new Set<{ request: vscode.TestRunRequest; rerun: () => void }>();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discoverAll();
      else if (item.uri) await this.refresh(item.uri);
    };
    this.controller.refreshHandler = () => this.discoverAll();
    this.controller.createRunProfile(vscode.l10n.t("Run"), vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true, undefined, true);

    const watcher = vscode.workspace.createFileSystemWatcher(TEST_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refresh(uri)),
      watcher.onDidChange((uri) => void this.refresh(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.tests.folders`)) void this.discoverAll();
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Mapped folders' files, and conventional files that have a pipeline beside them. */
  async discoverAll(): Promise<void> {
    const found = new Map<string, vscode.Uri>();
    for (const uri of await vscode.workspace.findFiles(TEST_GLOB, "**/node_modules/**")) {
      const stem = uri.path.replace(/\.test\.(json|ya?ml)$/i, "");
      if ((await exists(uri.with({ path: `${stem}.conf` }))) || (await exists(uri.with({ path: stem })))) found.set(uri.toString(), uri);
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const mapped = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<Record<string, string>>("tests.folders") ?? {};
      for (const dir of Object.keys(mapped)) {
        const base = dir.replace(/\/+$/, "");
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${base}/**/*.{json,yaml,yml}`))) found.set(uri.toString(), uri);
      }
    }
    this.controller.items.forEach((item) => {
      if (!found.has(item.id)) this.controller.items.delete(item.id);
    });
    await Promise.all([...found.values()].map((uri) => this.refresh(uri)));
  }

  private openText(uri: vscode.Uri): string | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
  }

  /** (Re)reads one file's cases from the server. */
  async refresh(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    const client = this.client();
    if (!client) return undefined;
    const id = uri.toString();
    let file = this.controller.items.get(id);
    if (!file) {
      file = this.controller.createTestItem(id, uri.path.split("/").pop() ?? id, uri);
      this.controller.items.add(file);
    }
    const list = await client.sendRequest(ListPipelineTestsRequest, { uri: id, text: this.openText(uri), ...testSettings(uri) });
    file.error = list.problems.length ? list.problems.map((p) => p.message).join("\n") : undefined;
    const children = list.cases.map((c) => {
      const item = this.controller.createTestItem(`${id}#${c.index}`, c.name, uri);
      item.range = toRange(c.range);
      return item;
    });
    file.children.replace(children);
    return file;
  }

  private saved(doc: vscode.TextDocument): void {
    if (/\.test\.(json|ya?ml)$/i.test(doc.uri.path) || this.controller.items.get(doc.uri.toString())) void this.refresh(doc.uri);
    // Continuous run: any saved pipeline or test file re-runs what the user asked to watch.
    if (doc.languageId === "logstash" || /\.conf$/i.test(doc.uri.path) || this.controller.items.get(doc.uri.toString())) for (const w of this.watchers) w.rerun();
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (request.continuous) {
      const entry = { request, rerun: () => void this.execute(new vscode.TestRunRequest(request.include, request.exclude, request.profile), token) };
      this.watchers.add(entry);
      token.onCancellationRequested(() => this.watchers.delete(entry));
      return;
    }
    await this.execute(request, token);
  }

  private async execute(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (this.controller.items.size === 0) await this.discoverAll();
    const run = this.controller.createTestRun(request);
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    // File id → case items to run.
    const plan = new Map<string, vscode.TestItem[]>();
    const add = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      const fileId = item.id.split("#")[0];
      if (item.id === fileId) {
        item.children.forEach((c) => add(c));
        if (item.children.size === 0) plan.set(fileId, plan.get(fileId) ?? []);
        return;
      }
      plan.set(fileId, [...(plan.get(fileId) ?? []), item]);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    for (const items of plan.values()) for (const item of items) run.enqueued(item);

    try {
      for (const [fileId, items] of plan) {
        if (token.isCancellationRequested) break;
        const file = this.controller.items.get(fileId);
        if (!file?.uri) continue;
        await this.runFile(run, file, items);
      }
    } finally {
      run.end();
    }
  }

  private async runFile(run: vscode.TestRun, file: vscode.TestItem, items: vscode.TestItem[]): Promise<void> {
    const uri = file.uri!;
    const client = this.client();
    for (const item of items) run.started(item);
    if (!client) {
      for (const item of items) run.errored(item, new vscode.TestMessage(vscode.l10n.t("The Logsmith language server is not running.")));
      return;
    }
    const indices = items.map((i) => Number(i.id.split("#")[1]));
    const result = await client.sendRequest(RunPipelineTestsRequest, { uri: uri.toString(), text: this.openText(uri), cases: indices, ...testSettings(uri) });
    if (result.error && result.cases.length === 0) {
      const message = new vscode.TestMessage(result.error);
      message.location = new vscode.Location(uri, new vscode.Position(0, 0));
      for (const item of items) run.errored(item, message);
      return;
    }
    for (const c of result.cases) {
      const item = file.children.get(`${file.id}#${c.index}`);
      if (!item) continue;
      this.report(run, item, uri, c);
    }
  }

  private report(run: vscode.TestRun, item: vscode.TestItem, uri: vscode.Uri, c: PipelineTestCaseRun): void {
    const at = new vscode.Location(uri, toRange(c.range));
    switch (c.status) {
      case "passed":
        run.passed(item, c.durationMs);
        return;
      case "skipped":
        // Skipped results carry no message in the API: the reason goes to the run's output, tied to the case.
        run.appendOutput(`${vscode.l10n.t("Skipped {0}: {1}", c.name, c.message ?? "")}\r\n`, at, item);
        run.skipped(item);
        return;
      case "error":
        run.errored(item, Object.assign(new vscode.TestMessage(c.message ?? ""), { location: at }), c.durationMs);
        return;
      case "failed": {
        const diff = vscode.TestMessage.diff(c.message ?? vscode.l10n.t("Expected and actual events differ"), c.expectedText, c.actualText);
        diff.location = at;
        const messages = [diff];
        if (c.divergence) {
          const step = new vscode.TestMessage(vscode.l10n.t("Diverged at the `{0}` filter ({1})", c.divergence.filter, c.divergence.field));
          step.location = new vscode.Location(vscode.Uri.parse(c.divergence.uri), toRange(c.divergence.range));
          // The peek opens on the last message: the diff at the test case goes last, the filter's marker before it.
          messages.unshift(step);
        }
        run.failed(item, messages, c.durationMs);
      }
    }
  }
}
