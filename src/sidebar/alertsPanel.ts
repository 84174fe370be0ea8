/**
 * Daily alerts in the sidebar (R15): whether the daily mail is on, and the
 * digest the next mail would carry (the sheets as they are, what-if edits
 * left out, as the trigger plans them). Asked of the server only when the
 * section is opened: the digest re-plans the sheets.
 */
import type { AlertsStatus } from "../sheets/service";
import { h, replaceChildren } from "./dom";
import { type MoneyUnit, money } from "./format";
import { callServer, errorMessage } from "./rpc";

/** The section's body for one answer of `getAlerts`. */
export function renderAlerts(status: AlertsStatus, unit: MoneyUnit): HTMLElement {
  const state = status.on
    ? `On: when something needs action, a mail goes to ${status.email} at about ${status.hour}:00 (${status.timeZone}).`
    : "Off. Extensions → Credit Planner → Email me daily alerts turns it on.";
  const box = h(
    "div",
    { attrs: { "data-testid": "alerts" } },
    h("p", { className: "alerts-state" }, state),
  );
  if (status.error) {
    box.append(
      h(
        "p",
        { className: "bad" },
        `The sheets cannot be planned, so the mail would say: ${status.error}`,
      ),
    );
    return box;
  }
  const digest = status.digest;
  if (!digest) return box;
  const window = `${digest.from} – ${digest.to}`;
  if (digest.items.length === 0) {
    box.append(
      h("p", { className: "empty" }, `Nothing needs action (${window}): no mail would be sent.`),
    );
    return box;
  }
  box.append(
    h("p", null, `The next mail (${window}, ${digest.withinDays} days):`),
    h(
      "ul",
      { className: "alerts" },
      digest.items.map((item) =>
        h(
          "li",
          null,
          h("strong", null, `${item.date} · ${item.label} · ${money(item.amount, unit)}`),
          " ",
          item.credit ? item.credit.id : item.campaigns.map((c) => c.name || c.id).join(", "),
          h("br", null),
          item.action,
        ),
      ),
    ),
  );
  return box;
}

/** A closed "Daily alerts" section that asks the server when opened; kept across re-draws. */
export function createAlertsPanel(unit: () => MoneyUnit): HTMLElement {
  const body = h(
    "div",
    { attrs: { id: "alerts" } },
    h("p", { className: "empty" }, "Open to see the next mail."),
  );
  const panel = h(
    "details",
    { attrs: { id: "alerts-section" } },
    h("summary", null, "Daily alerts"),
    body,
  );
  panel.addEventListener("toggle", () => {
    if (!(panel as HTMLDetailsElement).open) return;
    replaceChildren(body, h("p", { className: "empty" }, "Loading…"));
    callServer("getAlerts").then(
      (status) => replaceChildren(body, renderAlerts(status, unit())),
      (error) =>
        replaceChildren(
          body,
          h("p", { className: "bad" }, `Could not read the alerts: ${errorMessage(error)}`),
        ),
    );
  });
  return panel;
}
