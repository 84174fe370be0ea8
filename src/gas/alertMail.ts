/**
 * The daily alert mail (R15, CONTRACT §5): the digest as plain text and as
 * HTML, with the spreadsheet's name and a link to it. Pure: it formats the
 * plan's digest and decides nothing. Every piece of user text (credit and
 * campaign names, the spreadsheet's name, the actions that quote them) is
 * HTML-escaped, so a credit named `<img src=x onerror=…>` arrives as text.
 */
import { type AlertDigest, formatMoney, isoDate } from "../core";
import { ALERT_KIND_LABELS } from "../sheets/labels";

export interface AlertMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailSpreadsheet {
  name: string;
  url: string;
}

export interface MailMoney {
  currency: string;
  minorUnits: number;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** What an item is about: the credit (id and name) or the campaigns. */
function subjectOf(item: AlertDigest["items"][number]): string {
  if (item.credit) {
    const { id, name } = item.credit;
    return name && name !== id ? `${id} (${name})` : id;
  }
  const names = item.campaigns.map((c) => c.name || c.id);
  return names.length <= 3
    ? names.join(", ")
    : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
}

/** The digest mail; only sent when the digest has items. */
export function alertMail(
  digest: AlertDigest,
  money: MailMoney,
  spreadsheet: MailSpreadsheet,
): AlertMail {
  const amount = (value: number) => formatMoney(value, money.currency, money.minorUnits);
  const count = digest.items.length;
  const window = `${isoDate(digest.from)} to ${isoDate(digest.to)}`;
  const subject = `Credit Planner: ${count} item${count === 1 ? "" : "s"} need${count === 1 ? "s" : ""} action in ${spreadsheet.name}`;
  const intro = `In the next ${digest.withinDays} day${digest.withinDays === 1 ? "" : "s"} (${window}), ${count === 1 ? "this needs" : "these need"} action in "${spreadsheet.name}":`;
  const text = [
    intro,
    "",
    ...digest.items.flatMap((item) => [
      `${isoDate(item.day)}  ${ALERT_KIND_LABELS[item.kind]}  ${amount(item.amount)}  ${subjectOf(item)}`,
      `  ${item.action}`,
      "",
    ]),
    `Open the spreadsheet: ${spreadsheet.url}`,
    "",
    FOOTER,
  ].join("\n");
  const rows = digest.items
    .map(
      (item) =>
        `<tr><td style="white-space:nowrap;vertical-align:top">${isoDate(item.day)}</td>` +
        `<td style="vertical-align:top">${escapeHtml(ALERT_KIND_LABELS[item.kind])}</td>` +
        `<td style="text-align:right;white-space:nowrap;vertical-align:top">${escapeHtml(amount(item.amount))}</td>` +
        `<td style="vertical-align:top"><b>${escapeHtml(subjectOf(item))}</b><br>${escapeHtml(item.action)}</td></tr>`,
    )
    .join("");
  const html =
    `<p>${escapeHtml(intro)}</p>` +
    `<table cellpadding="4" style="border-collapse:collapse">` +
    `<tr><th align="left">Act by</th><th align="left">What</th><th align="right">At risk</th><th align="left">Credit or campaigns</th></tr>` +
    `${rows}</table>` +
    `<p><a href="${escapeHtml(spreadsheet.url)}">Open ${escapeHtml(spreadsheet.name)}</a></p>` +
    `<p style="color:#666">${escapeHtml(FOOTER)}</p>`;
  return { subject, text, html };
}

const FOOTER =
  "You get this mail because you turned on daily alerts (Extensions → Credit Planner → Email me daily alerts). Stop daily alerts turns it off.";

/** The one mail sent when the sheets cannot be planned; not sent again until they change. */
export function failureMail(reason: string, spreadsheet: MailSpreadsheet): AlertMail {
  const subject = `Credit Planner: cannot plan ${spreadsheet.name}`;
  const lead = `Daily alerts could not plan "${spreadsheet.name}": ${reason}`;
  const next =
    "No alerts are sent until the sheets are fixed; this message is not repeated while they stay as they are.";
  return {
    subject,
    text: [lead, "", next, "", `Open the spreadsheet: ${spreadsheet.url}`, "", FOOTER].join("\n"),
    html:
      `<p>${escapeHtml(lead)}</p><p>${escapeHtml(next)}</p>` +
      `<p><a href="${escapeHtml(spreadsheet.url)}">Open ${escapeHtml(spreadsheet.name)}</a></p>` +
      `<p style="color:#666">${escapeHtml(FOOTER)}</p>`,
  };
}
