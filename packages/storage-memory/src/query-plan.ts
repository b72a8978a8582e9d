import type { FindManyOptions, OrderBy, StoredValue, WhereClause } from "@linli/core";
import { compareRows, matchesWhere } from "@linli/core/adapter";
import { compareValues, comparePrefix, type Entry, keyOf, type Table, type TableIndex } from "./memory-table";
import type { Cursor } from "./sorted-index";

/** Where a read's candidate rows come from. */
type Access =
  | { readonly kind: "scan" }
  | { readonly kind: "keys"; readonly keys: readonly string[] }
  | { readonly kind: "range"; readonly index: TableIndex; readonly from: Cursor; readonly to: Cursor };

/** How a read is answered: the candidates, and what they already guarantee. */
interface Plan {
  readonly access: Access;
  /** How many candidates the access yields (at most). */
  readonly size: number;
  /** Every candidate matches every clause: no filtering needed. */
  readonly exact: boolean;
  /** The candidates come in the requested order (ties by insertion), or undefined. */
  readonly ordered: "asc" | "desc" | undefined;
}

/**
 * Rows changed since a read-only transaction's snapshot, with the entries it must see instead
 * (`undefined`: the row did not exist then).
 */
export type Overlay = ReadonlyMap<string, Entry | undefined>;

const isEq = (c: WhereClause) => (c.op ?? "eq") === "eq";

/** The primary-key access: `communityId` equal and `id` equal or in a list. */
function keysPlan(where: readonly WhereClause[]): Plan | undefined {
  const community = where.find((c) => c.field === "communityId" && isEq(c) && typeof c.value === "string");
  if (!community) return undefined;
  const byId = where.find(
    (c) =>
      c.field === "id" &&
      ((isEq(c) && typeof c.value === "string") ||
        (c.op === "in" && Array.isArray(c.value) && c.value.every((v) => typeof v === "string"))),
  );
  if (!byId) return undefined;
  const ids = Array.isArray(byId.value) ? [...new Set(byId.value)] : [byId.value];
  const keys = ids.map((id) => keyOf(community.value, id));
  const exact = where.every((c) => c === community || c === byId);
  return {
    access: { kind: "keys", keys },
    size: keys.length,
    exact,
    ordered: keys.length <= 1 ? "asc" : undefined,
  };
}

/** The order an index yields after an equality prefix of `p` fields, if it is the one asked. */
function servedOrder(fields: readonly string[], p: number, orderBy: readonly OrderBy[]) {
  const constant = fields.slice(0, p);
  const rest = orderBy.filter((o) => !constant.includes(o.field));
  const remaining = fields.slice(p);
  if (rest.length !== remaining.length || rest.some((o, i) => o.field !== remaining[i])) return undefined;
  const direction = rest[0]?.direction ?? "asc";
  return rest.every((o) => (o.direction ?? "asc") === direction) ? direction : undefined;
}

/**
 * An index's access: equality on a prefix of its fields (`communityId` first), then at most a
 * lower and an upper bound on the next field. Undefined when the index cannot serve.
 */
function rangePlan(
  index: TableIndex,
  where: readonly WhereClause[],
  orderBy: readonly OrderBy[],
  communityOnly: boolean,
): Plan | undefined {
  const { fields, types, sorted } = index;
  const used = new Set<WhereClause>();
  const prefix: StoredValue[] = [];
  const fits = (c: WhereClause, p: number, nullable: boolean) =>
    c.field === fields[p] && (c.value === null ? nullable : typeof c.value === types[p]);
  let p = 0;
  for (; p < fields.length; p++) {
    const clause = where.find((c) => isEq(c) && fits(c, p, true));
    if (!clause) break;
    used.add(clause);
    prefix.push(clause.value as StoredValue);
  }
  if (p === 0) return undefined;
  let lower = { values: prefix, exclusive: false };
  let upper = { values: prefix, inclusive: true };
  if (p < fields.length) {
    const lo = where.find((c) => (c.op === "gt" || c.op === "gte") && fits(c, p, false));
    const hi = where.find((c) => (c.op === "lt" || c.op === "lte") && fits(c, p, false));
    // Range operators are false on null: a range starts after the nulls.
    if (lo) lower = { values: [...prefix, lo.value as StoredValue], exclusive: lo.op === "gt" };
    else if (hi) lower = { values: [...prefix, null], exclusive: true };
    if (hi) upper = { values: [...prefix, hi.value as StoredValue], inclusive: hi.op === "lte" };
    if (lo) used.add(lo);
    if (hi) used.add(hi);
  }
  const ordered = servedOrder(fields, p, orderBy);
  // `communityOnly` asks for the indexes that narrow to the community and nothing more.
  if (communityOnly !== (p === 1 && used.size === 1 && !ordered)) return undefined;
  const from = sorted.seek((e) => {
    const c = comparePrefix(e, fields, lower.values);
    return lower.exclusive ? c <= 0 : c < 0;
  });
  let to = sorted.seek((e) => {
    const c = comparePrefix(e, fields, upper.values);
    return upper.inclusive ? c <= 0 : c < 0;
  });
  if (to.chunk < from.chunk || (to.chunk === from.chunk && to.at < from.at)) to = from;
  const plan: Plan = {
    access: { kind: "range", index, from, to },
    size: sorted.distance(from, to),
    exact: where.every((c) => used.has(c)),
    ordered,
  };
  return plan;
}

/**
 * Chooses the cheapest access: the primary key, else the index with the fewest candidates
 * (an index that yields the requested order counts only the rows a `limit` needs), else a scan.
 */
function choose(table: Table, o: FindManyOptions): Plan {
  const where = o.where ?? [];
  const orderBy = o.orderBy ?? [];
  const keys = keysPlan(where);
  if (keys) return keys;
  const wanted = o.limit === undefined ? Number.POSITIVE_INFINITY : (o.offset ?? 0) + o.limit;
  const cost = (p: Plan) => (p.ordered && p.exact ? Math.min(p.size, wanted) : p.size);
  let best: Plan = {
    access: { kind: "scan" },
    size: table.rows.size,
    exact: where.length === 0,
    ordered: orderBy.length === 0 ? "asc" : undefined,
  };
  const consider = (plan: Plan | undefined) => {
    if (!plan) return;
    const c = cost(plan);
    if (c < cost(best) || (c === cost(best) && plan.ordered && !best.ordered)) best = plan;
  };
  for (const index of table.indexes) consider(rangePlan(index, where, orderBy, false));
  // An index that only narrows to the community is searched only when no other index serves.
  if (best.access.kind === "scan")
    for (const index of table.indexes) consider(rangePlan(index, where, orderBy, true));
  return best;
}

/** Entries with equal index fields (ties), which keep insertion order in either direction. */
function sameKey(index: TableIndex, a: Entry, b: Entry): boolean {
  return index.fields.every((f) => compareValues(a.row[f], b.row[f]) === 0);
}

function* candidates(table: Table, plan: Plan): Generator<Entry> {
  const access = plan.access;
  if (access.kind === "scan") {
    for (const entry of table.rows.values()) {
      table.visit();
      yield entry;
    }
  } else if (access.kind === "keys") {
    for (const key of access.keys) {
      table.visit();
      const entry = table.rows.get(key);
      if (entry) yield entry;
    }
  } else if (plan.ordered !== "desc") {
    yield* access.index.sorted.range(access.from, access.to);
  } else {
    let ties: Entry[] = [];
    for (const entry of access.index.sorted.range(access.from, access.to, true)) {
      if (ties.length > 0 && !sameKey(access.index, ties[0]!, entry)) {
        yield* ties.reverse();
        ties = [];
      }
      ties.push(entry);
    }
    yield* ties.reverse();
  }
}

/**
 * The entries a read returns, in order, paged. With an `overlay` (a read-only transaction
 * after commits), the changed rows are replaced by the snapshot's.
 */
export function read(table: Table, o: FindManyOptions, overlay?: Overlay): Entry[] {
  const where = o.where ?? [];
  const offset = o.offset ?? 0;
  const limit = o.limit;
  const plan = choose(table, o);
  const hidden = overlay && overlay.size > 0 ? overlay : undefined;
  if (plan.ordered && !hidden) {
    const out: Entry[] = [];
    if (limit === 0) return out;
    let skip = offset;
    for (const entry of candidates(table, plan)) {
      if (!plan.exact && !matchesWhere(entry.row, where)) continue;
      if (skip > 0) skip--;
      else if (out.push(entry) === limit) break;
    }
    return out;
  }
  const found: Entry[] = [];
  for (const entry of candidates(table, plan)) {
    if (hidden?.has(entry.key)) continue;
    if (plan.exact || matchesWhere(entry.row, where)) found.push(entry);
  }
  for (const entry of hidden?.values() ?? []) {
    table.visit();
    if (entry && matchesWhere(entry.row, where)) found.push(entry);
  }
  if (o.orderBy?.length) {
    const compare = compareRows(o.orderBy);
    found.sort((a, b) => compare(a.row, b.row) || a.ord - b.ord);
  } else if (plan.access.kind !== "scan" || hidden) {
    found.sort((a, b) => a.ord - b.ord);
  }
  return offset === 0 && limit === undefined
    ? found
    : found.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** How many rows match; an index that answers every clause counts without reading rows. */
export function count(table: Table, where: readonly WhereClause[], overlay?: Overlay): number {
  const plan = choose(table, { where });
  const hidden = overlay && overlay.size > 0 ? overlay : undefined;
  if (plan.exact && !hidden && plan.access.kind !== "keys") return plan.size;
  let n = 0;
  for (const entry of candidates(table, plan)) {
    if (hidden?.has(entry.key)) continue;
    if (plan.exact || matchesWhere(entry.row, where)) n++;
  }
  for (const entry of hidden?.values() ?? []) {
    table.visit();
    if (entry && matchesWhere(entry.row, where)) n++;
  }
  return n;
}
