/** What the reader and CLI bench times phase by phase, in one bundle. */
export { loadWorkbook } from "../src/cli/loadWorkbook";
export { buildPlan, simulate } from "../src/core";
export { planToJson, readWorkbook } from "../src/sheets";
export { writeSyntheticWorkbook } from "./syntheticWorkbook";
