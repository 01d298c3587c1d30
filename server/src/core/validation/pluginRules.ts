import type { PluginRule } from "./context";

/** Checks of single plugins that live in their own modules (grok patterns, …) register here. */
export const pluginRules: PluginRule[] = [];
