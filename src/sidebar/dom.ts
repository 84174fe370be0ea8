/**
 * DOM helpers. Every piece of user data goes in as a text node or an
 * attribute value, never as HTML: a campaign named `<img onerror=…>` or
 * `=IMPORTXML(…)` shows as those characters.
 */

/**
 * A child, or a list of them: lists are passed as one argument, never spread
 * (`h("tbody", null, ...rows)` puts every row on the call stack, and V8
 * overflows at about 100,000; issue 16).
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  className?: string;
  attrs?: Record<string, string>;
  onClick?: (event: Event) => void;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === "object") parent.appendChild(child as Node);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props?.className) element.className = props.className;
  if (props?.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) element.setAttribute(name, value);
  }
  if (props?.onClick) element.addEventListener("click", props.onClick);
  append(element, children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  append(element, children);
  return element;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Sidebar markup lacks #${id}`);
  return element as T;
}
