/** The workspace's pipelines, their pipeline-to-pipeline links, and events followed across them. */
export { groupPipelines, looksLikePipeline, type GroupingInput } from "./grouping";
export { findPipelineLinks, isDynamicAddress, type AddressRef, type PipelineLinks } from "./links";
export { PipelineIndex, type IndexedFile, type IndexedPipeline, type LinkAt, type LocatedRef } from "./pipelineIndex";
export { simulateFlow, type FlowOptions, type FlowResult, type FlowStage } from "./simulateFlow";
