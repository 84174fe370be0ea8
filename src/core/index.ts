/** Public surface of the rules engine. Imports nothing outside src/core. */

export * from "./alerts";
export { buildPlan } from "./buildPlan";
export * from "./calendar";
export { CREDIT_TYPES, type CreditTypeRules, rulesOf } from "./creditTypes";
export { computeDemand } from "./demand";
export { canBeNewlyAssigned, passesRestrictions, resolveAssignment } from "./eligibility";
export { simulate } from "./engine";
export * from "./model";
export * from "./money";
export * from "./plan";
export * from "./validity";
