/**
 * Drives the real built server (`dist/server.cjs --stdio`) over a JSON-RPC connection, as an editor would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  type TextEdit,
  type InitializeResult,
} from "vscode-languageserver-protocol/node";

export const SERVER = fileURLToPath(new URL("../../dist/server.cjs", import.meta.url));

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Settings answered to `workspace/configuration` (the `logsmith` section). */
  settings: Record<string, unknown>;
  /** Resolves with the first diagnostics for `uri` satisfying `accept`, published after this call or before. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult;
  /** Every diagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  stop(): Promise<void>;
}

export async function startTestServer(options: { configuration?: boolean; initializationOptions?: unknown; workspaceFolders?: string[] } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const server: TestServer = {
    connection,
    process: child,
    settings: {},
    initializeResult: { capabilities: {} },
    published,
    diagnostics(uri, accept = () => true, timeoutMs = 5000) {
      const seen = [...published].reverse().find((p) => p.uri === uri && accept(p));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri,
          accept,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    open(uri, text, version = 1) {
      void connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "logstash", version, text } });
    },
    change(uri, text, version) {
      void connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async stop() {
      try {
        await withTimeout(connection.sendRequest("shutdown"), 2000);
        await connection.sendNotification("exit");
      } catch {
        // Killed below anyway.
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill();
            resolve();
          }, 2000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
  connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].uri === p.uri && waiters[i].accept(p)) waiters.splice(i, 1)[0].resolve(p);
    }
  });
  connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === "logsmith" ? server.settings : null)),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();

  server.initializeResult = await connection.sendRequest<InitializeResult>("initialize", {
    processId: process.pid,
    rootUri: options.workspaceFolders?.[0] ?? null,
    workspaceFolders: options.workspaceFolders?.map((uri) => ({ uri, name: uri.split("/").pop() ?? uri })) ?? null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
  });
  await connection.sendNotification("initialized", {});
  return server;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
}

/** Applies LSP edits to a text (used to check that formatting edits reproduce the formatter's output). */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < lineStarts.length ? lineStarts[p.line] + p.character : text.length);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export type { Diagnostic };
