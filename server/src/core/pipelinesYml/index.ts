/** `pipelines.yml`: Logstash's list of pipelines, checked and resolved against the workspace's files. */
export { completePipelinesYml, describeSetting, hoverPipelinesYml, type YmlCompletion, type YmlHover } from "./assist";
export { parsePipelinesYml, pipelineIdOf, settingOf, stringOffsetMapper, type PipelineEntry, type PipelinesYml, type SettingEntry } from "./document";
export { globToRegExp, matchPathConfig, normalizePath, resolvePathConfig } from "./glob";
export { PIPELINE_SETTINGS, checkValue, pipelineSetting, type PipelineSetting, type SettingType } from "./settings";
export { analyzePipelinesYml, type PipelinesYmlAnalysis, type PipelinesYmlContext, type ResolvedPipeline } from "./validate";
