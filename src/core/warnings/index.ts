/**
 * R6–R11 warnings: the builders every rule uses (`warning.ts`), and the
 * warnings of a simulated plan by concept — credits (`credit.ts`), their
 * assignments (`assignment.ts`) and the account's money (`cash.ts`).
 */
export { cashWarnings } from "./cash";
export { creditWarnings } from "./credit";
export { accountWarning, campaignWarning, creditWarning, severityOf } from "./warning";
