/**
 * Previews of grok, geoip and the whole filter section over sample lines, for the preview panel.
 */
export { computePreview, type PreviewEnvironment, type PreviewHooks } from "./computePreview";
export { splitElements } from "./elements";
export { grokOptionsOf, previewGrok, type GrokPatternEnv } from "./grokPreview";
export { previewGeoip, type GeoipEnv } from "./geoipPreview";
export { listGrokPatterns, type PatternEntry, type PatternSources } from "./patternBrowser";
export { previewPipeline, type PipelineEnv } from "./pipelinePreview";
export { findPreviewTargets, targetAt, targetPlugin, type PreviewableBlock } from "./targets";
export type * from "./types";
