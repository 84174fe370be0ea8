/** Public surface of the rules engine. Imports nothing outside src/core. */
export * from "./calendar";
export * from "./model";
export * from "./money";
export * from "./plan";
export * from "./validity";
export { buildPlan } from "./engine";
