/**
 * The pipeline map: a directed graph of where events come from, what each pipeline does to them and
 * where they go. Plain data (JSON over the wire to the webview).
 */
import type { Span } from "../ast";

export type MapNodeKind =
  /** A log format and the producer that writes it (from the log-format work). */
  | "logformat"
  /** Where events come from or go outside Logstash: a log file, a Redis key, an index, an address. */
  | "endpoint"
  | "input"
  | "filter"
  /** A conditional: its clauses are the labelled edges leaving it. */
  | "branch"
  | "output";

export interface MapProblems {
  errors: number;
  warnings: number;
}

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  /** The plugin's `id` when it has one, else a short label (plugin name, endpoint). */
  label: string;
  /** Secondary text: the plugin name under an `id`, the endpoint kind. */
  detail?: string;
  /** Pipeline the node belongs to; endpoints are shared and have none. */
  pipeline?: string;
  /** File (absolute path) and range to jump to. */
  path?: string;
  range?: Span;
  problems: MapProblems;
}

export interface MapEdge {
  from: string;
  to: string;
  /** A branch clause's condition (`[type] == "apache"`, `else`). */
  label?: string;
}

export interface MapGroup {
  /** The pipeline id. */
  id: string;
  label: string;
  nodeIds: string[];
}

export interface PipelineMap {
  nodes: MapNode[];
  edges: MapEdge[];
  /** One per pipeline, to frame its nodes. */
  groups: MapGroup[];
}
