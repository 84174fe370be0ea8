/**
 * A sortable table with a row limit: headers are buttons (keyboard
 * reachable), long tables show the first rows and a "Show more" button. At
 * 300 px each row is laid out as a small card (styles.css): the first cell
 * on its own line, then labelled values that wrap as whole pieces.
 */
import { type Child, h, replaceChildren } from "./dom";
import { type SortState, type SortValue, sortRows } from "./sorting";

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  sortValue: (row: T) => SortValue;
  cell: (row: T) => Child | Child[];
}

export interface TableView {
  sort: SortState;
  limit: number;
}

export interface TableOptions<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  /** Order used while no header has been clicked. */
  defaultOrder: (rows: readonly T[]) => T[];
  /** Kept by the caller so a re-plan keeps the user's sort and page. */
  view: TableView;
  pageSize: number;
  emptyText: string;
  rowClass?: (row: T) => string;
}

export function sortableTable<T>(options: TableOptions<T>): HTMLElement {
  const { columns, view } = options;
  const box = h("div", { className: "table-box" });

  const draw = () => {
    const sortColumn = columns.find((c) => c.key === view.sort.key);
    const ordered = sortColumn
      ? sortRows(options.rows, sortColumn.sortValue, view.sort.direction)
      : options.defaultOrder(options.rows);
    const visible = ordered.slice(0, view.limit);

    const headers = columns.map((column) => {
      const active = column.key === view.sort.key;
      const ariaSort = active
        ? view.sort.direction === "asc"
          ? "ascending"
          : "descending"
        : "none";
      const arrow = active ? (view.sort.direction === "asc" ? " ▲" : " ▼") : "";
      const button = h(
        "button",
        {
          className: "sort",
          attrs: { type: "button", title: `Sort by ${column.label}` },
          onClick: () => {
            if (active) view.sort.direction = view.sort.direction === "asc" ? "desc" : "asc";
            else view.sort = { key: column.key, direction: column.numeric ? "desc" : "asc" };
            draw();
            box.querySelector<HTMLButtonElement>(`th[data-key="${column.key}"] button`)?.focus();
          },
        },
        column.label,
        arrow,
      );
      return h(
        "th",
        {
          className: column.numeric ? "num" : "",
          attrs: { scope: "col", "aria-sort": ariaSort, "data-key": column.key },
        },
        button,
      );
    });
    const body = visible.map((row) =>
      h(
        "tr",
        { className: options.rowClass ? options.rowClass(row) : "" },
        columns.map((column) => {
          const content = column.cell(row);
          return h(
            "td",
            {
              className: column.numeric ? "num" : "",
              attrs: { "data-label": column.label, "data-key": column.key },
            },
            Array.isArray(content) ? content : [content],
          );
        }),
      ),
    );
    const hidden = ordered.length - visible.length;
    replaceChildren(
      box,
      ordered.length === 0
        ? h("p", { className: "empty" }, options.emptyText)
        : h(
            "table",
            null,
            h("caption", { className: "sr-only" }, options.caption),
            h("thead", null, h("tr", null, headers)),
            h("tbody", null, body),
          ),
      hidden > 0 &&
        h(
          "button",
          {
            className: "more",
            attrs: { type: "button" },
            onClick: () => {
              view.limit += options.pageSize;
              draw();
            },
          },
          `Show ${Math.min(hidden, options.pageSize)} more (${hidden} not shown)`,
        ),
    );
  };
  draw();
  return box;
}
