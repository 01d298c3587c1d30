/**
 * Language server entry (bundled to dist/server.cjs). The transport (`--stdio`, `--node-ipc`, …) is
 * chosen from the command line by `createConnection`.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./lsp/startServer";

startServer(createConnection(ProposedFeatures.all));
