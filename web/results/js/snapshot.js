// Reads a snapshot (format 1: ../../../shared/core/src/main/resources/snapshot/snapshot.schema.json) into what the
// views draw: the questions in order, each with its tables (a grid has one per row), and the figures of a segment.

export const FORMAT_VERSION = 1;

/** Whether `json` is a snapshot this page can show. */
export function isSnapshot(json) {
  return json !== null && typeof json === 'object' && json.formatVersion === FORMAT_VERSION
    && Array.isArray(json.segments) && Array.isArray(json.tables) && Array.isArray(json.responseRates);
}

/**
 * The questions in questionnaire order: { key, text, grid, tables }. A grid's rows are tables of their own in the
 * snapshot and one question here; participation is not a question (it is the response rates).
 */
export function questions(snapshot) {
  const grouped = [];
  for (const table of snapshot.tables) {
    if (table.question === null) continue;
    const last = grouped.at(-1);
    if (table.row !== null && last?.grid && last.key === table.question) {
      last.tables.push(table);
    } else {
      grouped.push({ key: table.question, text: table.row === null ? table.text : null, grid: table.row !== null, tables: [table] });
    }
  }
  return grouped;
}

/** The figures of `table` for `segment`: { disclosure, reason, from, base, figures }. */
export function figuresOf(table, segment) {
  return table.segments.find((entry) => entry.segment === segment);
}

/** The figure of each category for a segment's entry, in the table's order; null where none is shown. */
export function categoryFigures(table, entry) {
  return table.categories.map((category) => ({
    category,
    figure: entry.disclosure === 'suppressed' ? null : entry.figures.find((f) => f.category === category.code) ?? null,
  }));
}

export function segmentLabel(snapshot, code) {
  return snapshot.segments.find((segment) => segment.code === code)?.label ?? code;
}

/** The participation table, whose disclosure the response rates share. */
export function participation(snapshot) {
  return snapshot.tables.find((table) => table.question === null);
}
