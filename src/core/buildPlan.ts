/** The whole plan: the R1–R11 simulation plus R12 recommendations and the upper bound. */
import { simulationBasis } from "./basis";
import type { Model } from "./model";
import type { Plan } from "./plan";
import { Rerunner, recommend } from "./recommend";

export function buildPlan(model: Model): Plan {
  // One basis (demand, lookups) and one run of the plan as it is serve the
  // plan and every R12 re-run; only assignable credits are re-assigned (R12).
  const basis = simulationBasis(model);
  const assignable = model.credits.flatMap((c, i) => (c.type === "assignable" ? [i] : []));
  const rerunner = new Rerunner(model, basis, assignable, { fullPlan: true });
  const plan = rerunner.plan;
  if (!plan) throw new Error("the rerunner keeps the full plan");
  const r12 = recommend(model, plan, {}, basis, rerunner);
  return {
    ...plan,
    recommendations: r12.recommendations,
    creditUpperBound: r12.creditUpperBound,
    warnings: [...plan.warnings, ...r12.warnings],
  };
}
