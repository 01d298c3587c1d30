/** The log4j 2 dialect: PatternLayout (log4j-core 2.24 parser rules), JsonLayout and JsonTemplateLayout. */
import { makeLog4jDialect, type Log4jFlavorSpec } from "../log4j/dialect";
import { LOG4J2_BY_NAME } from "./converters";

const PATTERN_LAYOUT: Log4jFlavorSpec = {
  flavor: "log4j2",
  layout: "PatternLayout",
  specs: LOG4J2_BY_NAME,
  // alwaysWriteExceptions (default true) appends %xEx when no converter writes the throwable.
  implicitTrace: { key: "%xEx", name: "xEx" },
};

/** `alwaysWriteExceptions="false"`: nothing is appended. */
export const LOG4J2_PATTERN_NO_EXCEPTIONS: Log4jFlavorSpec = { ...PATTERN_LAYOUT, implicitTrace: undefined };

export const log4j2Dialect = makeLog4jDialect("log4j2", () => PATTERN_LAYOUT);
export { PATTERN_LAYOUT as LOG4J2_PATTERN_LAYOUT };
