/**
 * The log4j 1.2 dialect: PatternLayout, EnhancedPatternLayout and the JSON layout of the field notes
 * (`net.logstash.log4j.JSONEventLayoutV1`).
 */
import { makeLog4jDialect, type Log4jFlavorSpec } from "../log4j/dialect";
import { byName, LOG4J1_CLASSIC, LOG4J1_ENHANCED } from "./converters";

// Both layouts ignore the throwable unless the pattern has %throwable, and then the appender writes the
// stack trace on the lines after the event.
export const LOG4J1_PATTERN_LAYOUT: Log4jFlavorSpec = { flavor: "classic", layout: "PatternLayout", specs: byName(LOG4J1_CLASSIC), implicitTrace: { key: "%throwable", name: "throwable" } };
export const LOG4J1_ENHANCED_LAYOUT: Log4jFlavorSpec = { flavor: "enhanced", layout: "EnhancedPatternLayout", specs: byName(LOG4J1_ENHANCED), implicitTrace: { key: "%throwable", name: "throwable" } };

/**
 * Without the host's layout class (the CLI): PatternLayout, unless the pattern uses what only
 * EnhancedPatternLayout reads (word converters such as %logger or %throwable, a second date option).
 */
export function log4j1LayoutFor(text: string): Log4jFlavorSpec {
  const enhancedOnly = /%[-.\d]*(?:logger|class|date|file|line|message|method|level|relative|thread|ndc|properties|sn|sequenceNumber|throwable)\b|%[-.\d]*d\{[^}]*\}\{/;
  return enhancedOnly.test(text) ? LOG4J1_ENHANCED_LAYOUT : LOG4J1_PATTERN_LAYOUT;
}

export const log4j1Dialect = makeLog4jDialect("log4j1", log4j1LayoutFor);
