/** R12 — placeholder until the recommendations land (issue 6). */
import type { Model, Warning } from "./model";
import type { Plan, Recommendation } from "./plan";

export function recommend(
  _model: Model,
  _plan: Plan,
): { recommendations: Recommendation[]; creditUpperBound: number; warnings: Warning[] } {
  return { recommendations: [], creditUpperBound: 0, warnings: [] };
}
