/** Most rows a CSV file may have (a community's resident list fits many times over). */
export const MAX_CSV_ROWS = 100_000;

/** A CSV row with the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Parses RFC 4180 CSV (commas, double quotes, `""` for a quote inside quotes, CRLF or LF; a
 * leading BOM is dropped). Throws a RangeError past {@link MAX_CSV_ROWS} rows or on an
 * unclosed quote.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    if (rows.length > MAX_CSV_ROWS) throw new RangeError(`more than ${MAX_CSV_ROWS} rows`);
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) throw new RangeError(`unclosed quote in the row of line ${rowLine}`);
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** One CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (what spreadsheets expect). */
export function formatCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
