/** Connection state per target (for the tree view) and the active target (for the status bar). */
import * as vscode from "vscode";
import type { ConnectionCheck } from "../../../server/src/remote/secrets";

export type ConnectionState = { kind: "unknown" } | { kind: "checking" } | ({ kind: "checked" } & ConnectionCheck);

const ACTIVE_KEY = "logsmith.activeTarget";

export class TargetsState {
  private readonly states = new Map<string, ConnectionState>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  connection(name: string): ConnectionState {
    return this.states.get(name) ?? { kind: "unknown" };
  }

  setConnection(name: string, state: ConnectionState): void {
    this.states.set(name, state);
    this.changed.fire();
  }

  forget(name: string): void {
    this.states.delete(name);
    this.changed.fire();
  }

  get active(): string | undefined {
    return this.memento.get<string>(ACTIVE_KEY);
  }

  async setActive(name: string | undefined): Promise<void> {
    await this.memento.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
