/**
 * R12: recommended assignments for assignable credits (`recommend.ts`), the
 * candidate sets it tries (`recommendCandidates.ts`), the re-runs that measure
 * them (`rerunner.ts`), the upper bound on what credits could pay
 * (`upperBound.ts` over `maxflow.ts`), the reason text and the spend-match
 * readiness warning.
 */
export {
  defaultRerunBudget,
  type R12Result,
  type RecommendOptions,
  recommend,
  withAssignment,
} from "./recommend";
export { moneyText, nameList } from "./recommendReason";
export { Rerunner, withAssignments } from "./rerunner";
export { type IdleSpendMatch, idleSpendMatches } from "./spendMatchReadiness";
export { boundCredits, creditUpperBound, maxCreditFlow } from "./upperBound";
