/** The pipeline map: a graph of the workspace's log path, built from its pipelines. */
export { buildPipelineMap, pathsOverlap, type LogWriterInfo, type MapInput } from "./build";
export { inputEndpoints, outputEndpoints, type Endpoint } from "./endpoints";
export { layoutPipelineMap, type LaidOutMap, type NodeBox } from "./layout";
export type { MapEdge, MapGroup, MapNode, MapNodeKind, MapProblems, PipelineMap } from "./types";
