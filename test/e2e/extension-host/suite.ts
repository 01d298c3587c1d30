// Integration tests that run inside VS Code's extension host with the real `vscode` API, against
// Logsmith loaded in development mode. Bundled by bundle.ts; `run()` is the extensionTestsPath
// entry for both code-server (extension-host.e2e.ts) and @vscode/test-electron (run-electron.ts).
// The workspace is the one workspace.ts creates.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hostTest, runHostTests } from "./runner";

const EXTENSION_ID = "logsmith.logsmith";

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, "a workspace folder is open");
  return first.uri;
}

function file(path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), path);
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Language of an open document; a language switch closes and reopens it, so look it up by URI. */
function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

function logsmithDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "logsmith");
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === "object" ? String(d.code.value) : String(d.code);
}

hostTest("the extension activates", async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
  assert.equal(extension.isActive, true);
});

hostTest("the logstash language is registered", async () => {
  assert.ok((await vscode.languages.getLanguages()).includes("logstash"));
});

hostTest("every contributed command is registered", async () => {
  const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
  assert.ok(contributed.length > 0);
  const registered = new Set(await vscode.commands.getCommands(true));
  for (const { command } of contributed) assert.ok(registered.has(command), `${command} is registered`);
});

hostTest("a pipeline in a pipeline/ folder opens as logstash", async () => {
  const doc = await vscode.workspace.openTextDocument(file("pipeline/clone.conf"));
  assert.equal(doc.languageId, "logstash");
});

hostTest("a .conf pipeline found only by its content is switched to logstash; nginx and httpd files are not", async () => {
  // Open the look-alikes first: once the pipeline (opened last) has been switched, the
  // detection has seen all three.
  const nginx = await vscode.workspace.openTextDocument(file("nginx/nginx.conf"));
  const httpd = await vscode.workspace.openTextDocument(file("httpd/httpd.conf"));
  const shipper = file("conf/shipper.conf");
  await vscode.workspace.openTextDocument(shipper);
  await until("conf/shipper.conf to become logstash", () => languageOf(shipper) === "logstash");
  assert.notEqual(languageOf(nginx.uri), "logstash");
  assert.notEqual(languageOf(httpd.uri), "logstash");
  // Same language as before the detection looked at them (whatever VS Code gives .conf here).
  assert.equal(languageOf(nginx.uri), nginx.languageId);
  assert.equal(languageOf(httpd.uri), httpd.languageId);
});

hostTest("the Treat File as Logstash Pipeline command switches a text file", async () => {
  const notes = file("notes.txt");
  const doc = await vscode.workspace.openTextDocument(notes);
  await vscode.window.showTextDocument(doc);
  // Prose, so the content sniffing leaves it alone: only the command switches it.
  assert.equal(doc.languageId, "plaintext");
  await vscode.commands.executeCommand("logsmith.setLanguage");
  await until("notes.txt to become logstash", () => languageOf(notes) === "logstash", 10_000);
  await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
});

hostTest("diagnostics of a broken pipeline reach vscode.languages.getDiagnostics", async () => {
  const uri = file("broken/commas-between-options.conf");
  await vscode.workspace.openTextDocument(uri);
  const diagnostics = await until("three logsmith diagnostics", () => {
    const found = logsmithDiagnostics(uri);
    return found.length >= 3 ? found : undefined;
  });
  assert.deepEqual(
    diagnostics.map((d) => [codeOf(d), d.severity, d.range.start.line]).sort(),
    [
      ["syntax-comma-between-options", vscode.DiagnosticSeverity.Error, 4],
      ["syntax-comma-between-options", vscode.DiagnosticSeverity.Error, 5],
      ["syntax-comma-between-options", vscode.DiagnosticSeverity.Error, 6],
    ],
  );
  for (const d of diagnostics) assert.match(d.message, /not commas/);
});

hostTest("logsmith.logstashVersion is honoured: an empty clone is an error on 9.x and clean on 6.5", async () => {
  const uri = file("pipeline/clone.conf");
  await vscode.workspace.openTextDocument(uri);
  const config = vscode.workspace.getConfiguration("logsmith", uri);
  assert.equal(config.get("logstashVersion"), "9.x", "the default is the newest release");
  await until("option-required on 9.x", () => logsmithDiagnostics(uri).some((d) => codeOf(d) === "option-required"));
  try {
    await config.update("logstashVersion", "6.5", vscode.ConfigurationTarget.Workspace);
    await until("no problems on 6.5", () => logsmithDiagnostics(uri).length === 0);
  } finally {
    await config.update("logstashVersion", undefined, vscode.ConfigurationTarget.Workspace);
  }
  await until("option-required again after the setting is removed", () =>
    logsmithDiagnostics(uri).some((d) => codeOf(d) === "option-required"),
  );
});

hostTest("logsmith.format.enable is honoured by the formatter", async () => {
  const uri = file("pipeline/misindented.conf");
  const doc = await vscode.workspace.openTextDocument(uri);
  const options = { tabSize: 2, insertSpaces: true };
  const format = () =>
    vscode.commands.executeCommand<vscode.TextEdit[] | undefined>("vscode.executeFormatDocumentProvider", uri, options);
  const edits = await until("formatting edits", async () => {
    const e = await format();
    return e && e.length > 0 ? e : undefined;
  });
  const formatted = applyEdits(doc, edits);
  assert.equal(formatted, "input {\n  stdin {}\n}\n");

  const config = vscode.workspace.getConfiguration("logsmith", uri);
  try {
    await config.update("format.enable", false, vscode.ConfigurationTarget.Workspace);
    await until("no edits with formatting disabled", async () => ((await format()) ?? []).length === 0, 15_000);
  } finally {
    await config.update("format.enable", undefined, vscode.ConfigurationTarget.Workspace);
  }
});

hostTest("Open Sample Pipeline opens an unsaved logstash document with one problem to fix", async () => {
  await vscode.commands.executeCommand("logsmith.openSample");
  const editor = await until("the sample editor", () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.isUntitled && e.document.languageId === "logstash" ? e : undefined;
  });
  const uri = editor.document.uri;
  const problems = await until("the sample's problem", () => {
    const found = logsmithDiagnostics(uri);
    return found.length > 0 ? found : undefined;
  });
  assert.deepEqual(problems.map(codeOf), ["option-unknown"]);
  await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
});

function applyEdits(doc: vscode.TextDocument, edits: vscode.TextEdit[]): string {
  const text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}

/** extensionTestsPath entry. */
export async function run(): Promise<void> {
  await runHostTests(process.env.LOGSMITH_HOST_RESULTS, {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    language: vscode.env.language,
  });
}
