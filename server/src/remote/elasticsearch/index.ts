/** Elasticsearch for the editor and the CLI: connection checks, index queries, centralized pipeline management. */
export { EsError, checkElasticsearch, clusterInfo, connectElasticsearch, describeEsError, displayUrl, type ClusterInfo, type EsConnection } from "./client";
