import type { Model } from "./model";
import type { Plan } from "./plan";

/** Placeholder until the engine lands (issue 2). */
export function simulate(_model: Model): Plan {
  throw new Error("engine not written yet");
}

export function buildPlan(model: Model): Plan {
  return simulate(model);
}
