/**
 * Pipeline tests: Logstash Filter Verifier test case files run through the simulator.
 */
export { conventionalTestPath, isConventionalTestFile, mappedFolder, pipelineForTestFile, TEST_FILE_PATTERN, type PathKind, type TestFolderMap } from "./discover";
export { decodeLine, DUMMY_INPUT, SUPPORTED_CODECS } from "./codec";
export { differingFields, eventsEqual, lineDiff, normalizeActual } from "./compare";
export { bracketPath, canonicalJson, expandBrackets, removeField } from "./fields";
export { readTestSuite, testFileKind, type TestFileKind } from "./read";
export { compilePipeline, divergenceMessage, locate, runTestSuite, type CompiledPipeline, type PipelineFileText, type RunOptions } from "./run";
export { loadPipeline, runTestFile, type RunFileOptions, type TestHost } from "./runFile";
export type * from "./types";
export { caseDiff, formatJson, formatJUnit, formatText, totals, type Totals } from "./report";
export { saveTestCase, type SaveCaseOptions, type SavedCase } from "./saveCase";
