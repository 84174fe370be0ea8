/**
 * The pieces every section shows, each a single unbreakable box: money,
 * dates and ids never wrap inside themselves (`white-space: nowrap` in
 * styles.css), long ids are shortened with the full id on hover and copy,
 * and user text (names) is isolated (`<bdi>`) so a right-to-left override in
 * a name cannot reverse what follows; long names are cut to one line with
 * the whole name on hover.
 */
import { h } from "./dom";
import { day, keptName, type MoneyUnit, money, shortId } from "./format";

/**
 * User text inside plain text (an SVG `<title>`, a status line): wrapped in
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so its bidi controls end with it.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

export function moneyText(amount: number, unit: MoneyUnit, className = ""): HTMLElement {
  return h("span", { className: `money ${className}`.trim() }, money(amount, unit));
}

/** A plan day (`Dec 25, 2026`) with the ISO day as its machine value. */
export function dateText(date: string | null | undefined): HTMLElement {
  return h(
    "time",
    date ? { className: "date", attrs: { datetime: date } } : { className: "date" },
    day(date),
  );
}

/** An id, shortened when long; `data-full` is what a copy puts on the clipboard. */
export function idText(id: string): HTMLElement {
  const shown = shortId(id);
  const attrs: Record<string, string> = { dir: "auto" };
  if (shown !== id) {
    attrs.title = id;
    attrs["data-full"] = id;
  }
  return h("bdi", { className: "id", attrs }, shown);
}

/** A user-given name on one line: isolated from its surroundings, full text on hover. */
export function nameText(name: string, className = "name"): HTMLElement {
  return h("bdi", { className, attrs: { title: name, dir: "auto" } }, keptName(name));
}

/** A name first and its id second; just the id when there is no name. */
export function nameAndId(name: string | undefined, id: string): HTMLElement[] {
  if (!name || name.trim() === "") return [idText(id)];
  if (name === id) return [nameText(name)];
  return [nameText(name), idText(id)];
}

/** Inline label: `name (id)` with both parts isolated, for sentences. */
export function inlineName(name: string | undefined, id: string): HTMLElement {
  if (!name || name.trim() === "" || name === id) return idText(id);
  return h(
    "span",
    { className: "inline-name" },
    nameText(name, "name inline"),
    " ",
    h("span", { className: "paren" }, "(", idText(id), ")"),
  );
}

/**
 * Copying a shortened id copies the whole id: the shown `1234…5678` is only
 * for the eye.
 */
export function installIdCopy(root: Document): void {
  root.addEventListener("copy", (event) => {
    const selection = root.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const node = selection.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    const id = element?.closest<HTMLElement>("[data-full]");
    if (!id || !event.clipboardData) return;
    if (!selection.toString() || !id.contains(selection.focusNode)) return;
    event.clipboardData.setData("text/plain", id.dataset.full ?? "");
    event.preventDefault();
  });
}
