/** Deploying pipelines to Logstash hosts over SSH; used by the CLI and by the extension (no vscode here). */
export { deployPipelines, type DeployOptions, type DeployStep, type FileError, type HostPlan, type HostResult, type LocalPipeline, type PlannedFile } from "./deploy";
export { rollbackPipeline, type RollbackOptions } from "./rollback";
export { checkLogstash } from "./check";
export { PluginCache } from "./plugins";
export { RemoteError, type ConnectOptions, type HostKeyPolicy, type UnknownHostKey } from "./session";
