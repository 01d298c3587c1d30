import type { PluginRule } from "./context";
import { checkGrokPatterns } from "./grok";

/** Checks of single plugins that live in their own modules. */
export const pluginRules: PluginRule[] = [checkGrokPatterns];
