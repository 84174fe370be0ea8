/** The whole plan: the R1–R11 simulation, R12 recommendations and the upper bound, R13 advice, the R15 digest. */
import { alertDigest } from "./alerts";
import { topUpAdvice } from "./answers/advice";
import { cashRunsOutMessage } from "./answers/cashRunsOut";
import { type SimulationBasis, simulationBasis } from "./basis";
import { rulesOf } from "./creditTypes";
import { simulate } from "./engine";
import type { Model } from "./model";
import type { Plan } from "./plan";
import { Rerunner, recommend } from "./recommend";

export interface BuildOptions {
  /**
   * R12 recommendations, upper bound and their warnings (default true);
   * without them the plan is R1–R11 and R13–R16.
   */
  recommendations?: boolean;
}

/** R1–R16 (R15's digest is read off the plan). */
export function buildPlan(model: Model, options: BuildOptions = {}): Plan {
  // One basis (demand, lookups) and one run of the plan as it is serve the
  // plan, every R12 re-run and the R13 advice.
  const basis = simulationBasis(model);
  if (options.recommendations === false) return withAdvice(model, basis, simulate(model, basis));
  // Only assignable credits are re-assigned (R12).
  const assignable = model.credits.flatMap((c, i) => (rulesOf(c).assignable ? [i] : []));
  const rerunner = new Rerunner(model, basis, assignable, { fullPlan: true });
  const plan = rerunner.plan;
  if (!plan) throw new Error("the rerunner keeps the full plan");
  const r12 = recommend(model, plan, {}, basis, rerunner);
  const planned = withAdvice(model, basis, {
    ...plan,
    recommendations: r12.recommendations,
    creditUpperBound: r12.creditUpperBound,
    warnings: [...plan.warnings, ...r12.warnings],
  });
  // R15 reads the finished plan: its recommendations name the assignment that
  // saves a credit, and its R13 advice the top-up that prevents a stop.
  planned.alerts = alertDigest(model, planned);
  return planned;
}

/** R13: the advice, and the CASH_RUNS_OUT warning that names it. */
function withAdvice(model: Model, basis: SimulationBasis, plan: Plan): Plan {
  const advice = topUpAdvice(model, basis, plan);
  const message = cashRunsOutMessage(
    { model, campaigns: plan.campaigns, account: plan.account, cashByDay: plan.cashByDay },
    advice,
  );
  const warnings = plan.warnings.map((w) =>
    w.code === "CASH_RUNS_OUT" && message !== null ? { ...w, message } : w,
  );
  return { ...plan, advice, warnings };
}
