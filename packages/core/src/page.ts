import * as z from "zod";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import type { ModelDef, RowOf } from "./model";
import type { Tx } from "./tx";
import type { ModelFindManyOptions, ModelWhere } from "./where";

/**
 * Reading lists a page at a time: the one convention of every list query of linli (and the
 * one a plugin's list queries should follow).
 *
 * - Input: `limit` (default {@link DEFAULT_PAGE_SIZE}, at most {@link MAX_PAGE_SIZE}) and
 *   `after`, the opaque cursor of the previous page (absent for the first page). Spread
 *   {@link pageInput} into the query's schema.
 * - Output: a {@link Page}: a plain array of at most `limit` rows, in a stable order (a sort
 *   field, then the id), carrying `next`, the cursor of the following page, or `undefined`
 *   on the last page. `next` is not an array element, so it does not survive
 *   `JSON.stringify(page)`: a server sends {@link pageJson}`(page)`.
 * - Keyset, not offset: a page costs the same at the start and at the end of a long list,
 *   and rows written between two calls neither repeat nor shift the following pages.
 */
export type Page<T> = T[] & {
  /** The cursor of the next page (give it as `after`), or `undefined` on the last page. */
  readonly next: string | undefined;
};

/** The page size when a query is called without `limit`. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page a query returns, whatever `limit` asks. */
export const MAX_PAGE_SIZE = 1000;
/** The longest cursor accepted, in characters. */
export const MAX_CURSOR_LENGTH = 512;

/** The schema of a page cursor (`after`): an opaque string of at most {@link MAX_CURSOR_LENGTH} characters. */
export const cursorSchema = z.string().min(1).max(MAX_CURSOR_LENGTH);

/** The page fields every list query takes (`limit`, `after`); spread into a `z.object({...})`. */
export const pageInput = {
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  after: cursorSchema.optional(),
};

/** The JSON form of a {@link Page}: `{ items, next }` (`next` is null on the last page). */
export function pageJson<T>(page: Page<T>): { items: T[]; next: string | null } {
  return { items: [...page], next: page.next ?? null };
}

/** Makes a {@link Page} of `items` with the cursor `next`. */
export function toPage<T>(items: T[], next: string | undefined): Page<T> {
  Object.defineProperty(items, "next", { value: next, enumerable: false });
  return items as Page<T>;
}

/** The order of a paginated read: a non-null field, then the id as the tie-breaker. */
export interface PageOrder {
  /** The sort field (never null in stored rows); `id` alone when absent. */
  readonly field?: string;
  /** @default "asc" */
  readonly direction?: "asc" | "desc";
}

/** What {@link readPage} reads. */
export interface ReadPageOptions<M extends ModelDef> {
  /** Conditions all rows of every page satisfy. */
  readonly where?: readonly ModelWhere<M>[];
  /** The stable order. */
  readonly order?: PageOrder;
  /** Page size (already bounded by the schema). */
  readonly limit: number;
  /** The cursor of the previous page. */
  readonly after?: string;
}

type KeyValue = string | number | { d: string };

function encodeCursor(value: unknown, id: string): string {
  const key: KeyValue | null =
    value instanceof Date
      ? { d: value.toISOString() }
      : typeof value === "number" || typeof value === "string"
        ? value
        : null;
  return toBase64Url(new TextEncoder().encode(JSON.stringify([key, id])));
}

// Base64url with the platform's btoa/atob (Node 20 and browsers alike; no Buffer).
function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function badCursor(): LinliError {
  return LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary: "after: not a cursor of this list" },
    { details: { problems: [{ path: "after", code: "INVALID_CURSOR" }] } },
  );
}

function decodeCursor(cursor: string): { value: unknown; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string") throw badCursor();
  const [key, id] = parsed as [unknown, string];
  if (typeof key === "string" || (typeof key === "number" && Number.isFinite(key)) || key === null) {
    return { value: key, id };
  }
  if (typeof key === "object" && typeof (key as { d?: unknown }).d === "string") {
    const date = new Date((key as { d: string }).d);
    if (!Number.isNaN(date.getTime())) return { value: date, id };
  }
  throw badCursor();
}

/** Whether a cursor's key can be the value of `field` (a forged cursor could name anything). */
function fits(model: ModelDef, field: string, value: unknown): boolean {
  const kind = field === "id" ? "string" : model.fields[field]?.kind;
  if (kind === "date") return value instanceof Date;
  if (kind === "integer") return Number.isSafeInteger(value);
  if (kind === "number") return typeof value === "number";
  return kind === "string" && typeof value === "string";
}

/**
 * Reads one page of `model` in the order (`field`, `id`), after the cursor `after`: the
 * keyset read behind every list query. At most two indexed reads of `limit + 1` rows; the
 * returned page's `next` continues exactly after its last row.
 */
export async function readPage<M extends ModelDef>(
  tx: Tx,
  model: M,
  options: ReadPageOptions<M>,
): Promise<Page<RowOf<M>>> {
  const { limit } = options;
  const where = [...(options.where ?? [])] as ModelWhere<M>[];
  const direction = options.order?.direction ?? "asc";
  const field = options.order?.field;
  const past = direction === "asc" ? "gt" : "lt";
  const orderBy = (field === undefined ? ["id"] : [field, "id"]).map((f) => ({ field: f, direction }));
  const read = (extra: ModelWhere<M>[], count: number) =>
    tx.findMany(model, { where: [...where, ...extra], orderBy, limit: count } as ModelFindManyOptions<M>);
  const clause = (f: string, op: string, value: unknown) => ({ field: f, op, value }) as ModelWhere<M>;
  let rows: RowOf<M>[];
  if (options.after === undefined) {
    rows = await read([], limit + 1);
  } else {
    const cursor = decodeCursor(options.after);
    if (field === undefined) {
      rows = await read([clause("id", past, cursor.id)], limit + 1);
    } else {
      if (!fits(model, field, cursor.value)) throw badCursor();
      // (field = v and id past the last) then (field past v): two AND-only keyset reads.
      rows = await read([clause(field, "eq", cursor.value), clause("id", past, cursor.id)], limit + 1);
      if (rows.length <= limit) {
        rows = rows.concat(await read([clause(field, past, cursor.value)], limit + 1 - rows.length));
      }
    }
  }
  if (rows.length <= limit) return toPage(rows, undefined);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as Record<string, unknown>;
  return toPage(items, encodeCursor(field === undefined ? null : last[field], String(last.id)));
}
