/** Elasticsearch for the editor and the CLI: connection checks, index queries, centralized pipeline management. */
export { EsError, checkElasticsearch, clusterInfo, connectElasticsearch, describeEsError, displayUrl, type ClusterInfo, type EsConnection } from "./client";
export { centralPipelineBody, deployCentralPipeline, validPipelineId, type CentralPipeline } from "./centralManagement";
export { compareFieldsWithMapping, type FieldFinding } from "./fieldCheck";
export { listOption, resolveOutputIndex, scalarOption, sprintfToPattern, type IndexResolution, type IndexResolveOptions } from "./indexPattern";
export { hostsMatch, parseHostAddress, planOutputQuery, type OutputQueryPlan } from "./outputTarget";
export { simulatedFieldsOf, staticFieldsOf, type WrittenField, type WrittenType } from "./pipelineFields";
export { chooseInterval, fetchMapping, parseDsl, queryIndex, type FlatMapping, type Hit, type HistogramBucket, type QueryMode, type QueryRequest, type QueryResult } from "./query";
