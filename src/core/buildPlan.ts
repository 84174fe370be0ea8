/** The whole plan: the R1–R11 simulation plus R12 recommendations and the upper bound. */
import { simulate, simulationBasis } from "./engine";
import type { Model } from "./model";
import type { Plan } from "./plan";
import { recommend } from "./recommend";

export function buildPlan(model: Model): Plan {
  // One basis (demand, lookups) for the plan and every R12 re-run.
  const basis = simulationBasis(model);
  const plan = simulate(model, basis);
  const r12 = recommend(model, plan, {}, basis);
  return {
    ...plan,
    recommendations: r12.recommendations,
    creditUpperBound: r12.creditUpperBound,
    warnings: [...plan.warnings, ...r12.warnings],
  };
}
