/**
 * The SSH, Elasticsearch and Redis clients load on first use: evaluating ssh2 alone takes ~150 ms,
 * which every activation would pay otherwise (esbuild keeps dynamically imported modules lazy).
 */
export const loadDeploy = () => import("../../../server/src/remote/deploy");
export const loadElasticsearch = () => import("../../../server/src/remote/elasticsearch");
export const loadRedis = () => import("../../../server/src/remote/redis");
