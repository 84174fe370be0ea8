/** Public surface of the rules engine. Imports nothing outside src/core. */
export * from "./calendar";
export { buildPlan } from "./engine";
export * from "./model";
export * from "./money";
export * from "./plan";
export * from "./validity";
