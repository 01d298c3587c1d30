/**
 * Everything behind the query and Redis lenses, loaded on first use: it pulls in the Elasticsearch client
 * and the simulator's date formatting, which activation should not pay for (esbuild keeps dynamic imports lazy).
 */
export { QueryPanel } from "./QueryPanel";
export { matchElasticsearchTarget, offerElasticsearchTarget } from "./targetMatch";
export { peekCommand, RedisCounts } from "../redis/peek";
