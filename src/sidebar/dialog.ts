/** An in-page confirmation dialog (no window.confirm: it is blocked in Apps Script sidebars). */
import { type Child, h } from "./dom";

export function confirmDialog(
  title: string,
  body: Child[],
  confirmLabel: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const previousFocus = document.activeElement as HTMLElement | null;
    const cancel = h("button", { attrs: { type: "button", "data-action": "cancel" } }, "Cancel");
    const confirm = h(
      "button",
      { className: "action", attrs: { type: "button", "data-action": "confirm" } },
      confirmLabel,
    );
    const titleId = `dialog-title-${Date.now()}`;
    const panel = h(
      "div",
      {
        className: "dialog",
        attrs: { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      },
      h("h2", { attrs: { id: titleId } }, title),
      h("div", { className: "dialog-body" }, body),
      h("div", { className: "dialog-buttons" }, cancel, confirm),
    );
    const overlay = h("div", { className: "dialog-overlay" }, panel);
    const close = (answer: boolean) => {
      overlay.remove();
      previousFocus?.focus();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    confirm.addEventListener("click", () => close(true));
    overlay.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close(false);
      } else if (event.key === "Tab") {
        // Keep focus inside the dialog.
        event.preventDefault();
        (document.activeElement === cancel ? confirm : cancel).focus();
      }
    });
    document.body.appendChild(overlay);
    cancel.focus();
  });
}
