/** Redis brokers for the editor and the CLI: connection check, list length / subscribers, read-only peek. */
export { findRedisTarget, redisEndpointOf, type RedisEndpoint } from "./pluginTarget";
export { RedisError, brokerStatus, checkRedis, connectRedis, formatPeekItem, peekNewest, type BrokerStatus, type PeekItem, type RedisConnection, type RedisDataType } from "./redis";
