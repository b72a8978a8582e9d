import type * as z from "zod";
import { peakLoad } from "./capacity";
import { validate } from "./config-problem";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import type { IdGenerator } from "./ids";
import { IntervalSpans, longestSpanIn } from "./interval-spans";
import { boundedOverlapWhere, declaredInterval, overlapWhere } from "./interval-where";
import { intervalSpanModel } from "./kernel-models";
import type { InputOf, ModelDef, RowOf } from "./model";
import { patchSchema } from "./patch-schema";
import type { AdapterTransaction, StorageCapabilities, StoredRow } from "./storage-adapter";
import type {
  KeysOfType,
  FindManyOptions,
  ModelFindManyOptions,
  ModelWhere,
  StoredValue,
  UntypedWhere,
  WhereClause,
} from "./where";

/** The range of {@link Tx.overlapWhere}: which interval of the model, and `[from, to)`. */
export interface OverlapRange<M extends ModelDef> {
  /** The date field where each row's interval starts. */
  readonly startField: KeysOfType<RowOf<M>, Date>;
  /** The date field where each row's interval ends (exclusive). */
  readonly endField: KeysOfType<RowOf<M>, Date>;
  /** Start of the range (inclusive). */
  readonly from: Date;
  /** End of the range (exclusive). */
  readonly to: Date;
}

/** Options of {@link Tx.reserve}. */
export interface ReserveOptions<M extends ModelDef> {
  /** The lock key that serializes competitors, e.g. `booking:drying-room`. */
  readonly key: string;
  /** Units available at any instant. */
  readonly capacity: number;
  /** Which existing rows compete for the capacity (e.g. same resource, status confirmed). */
  readonly scope: readonly ModelWhere<M>[];
  /**
   * When given, capacity applies per instant of the time range: rows are loads over
   * `[row[startField], row[endField])` and the new row's range is `[start, end)`.
   * When absent, every row in scope counts, whatever its time.
   */
  readonly interval?: {
    /** The date field where each row's range starts. */
    readonly startField: KeysOfType<RowOf<M>, Date>;
    /** The date field where each row's range ends (exclusive). */
    readonly endField: KeysOfType<RowOf<M>, Date>;
    /** Start of the new row's range. */
    readonly start: Date;
    /** End of the new row's range (exclusive). */
    readonly end: Date;
  };
  /** The field holding each row's units. Each row counts as 1 when absent. */
  readonly quantityField?: KeysOfType<RowOf<M>, number>;
  /** Units the new row takes. @default 1 */
  readonly quantity?: number;
  /** The row to insert when capacity allows. */
  readonly data: InputOf<M>;
}

/**
 * A transaction as the kernel and plugins see it: typed by models, scoped to one community,
 * with ids, validation and conversions applied once for every adapter. Where clauses, sort
 * keys and reservation fields are checked against the model's row at compile time
 * ({@link ModelWhere}, {@link ModelFindManyOptions}, {@link ReserveOptions}); a field
 * unknown to the model is still refused at run time (`VALIDATION_FAILED` with
 * `UNKNOWN_FIELD`) for callers without the types.
 *
 * In a read-only transaction (the kernel runs queries in one), every operation that would
 * write (`create`, `update`, `updateById`, `delete`) and `lock` (so also `reserve`) throws
 * `READ_ONLY_TRANSACTION` and writes nothing; reads work as usual. A `Tx` kept after its transaction has finished throws
 * `TRANSACTION_FINISHED` on every operation that reaches the storage.
 */
export interface Tx {
  /** The community every operation is scoped to. */
  readonly communityId: string;
  /** Validates and inserts a row; generates its id unless given. */
  create<M extends ModelDef>(model: M, data: InputOf<M>): Promise<RowOf<M>>;
  /** The row with this id, or null. */
  findById<M extends ModelDef>(model: M, id: string): Promise<RowOf<M> | null>;
  /** The row with this id; throws `NOT_FOUND`. */
  get<M extends ModelDef>(model: M, id: string): Promise<RowOf<M>>;
  /** The first row matching. */
  findOne<M extends ModelDef>(model: M, where: readonly ModelWhere<M>[]): Promise<RowOf<M> | null>;
  /**
   * Rows matching, ordered and paged, read as a projection: only the fields in `select` are
   * read and decoded, and each row holds exactly them (`id` and `communityId` only when
   * listed), typed `Pick<RowOf<M>, K>`.
   *
   * @example
   * ```ts
   * const spans = await tx.findMany(bookingModel, { where, select: ["blockStart", "blockEnd"] });
   * // spans: { blockStart: Date; blockEnd: Date }[]
   * ```
   */
  findMany<M extends ModelDef, const K extends keyof RowOf<M> & string>(
    model: M,
    options: ModelFindManyOptions<M> & {
      /** The fields to read; every row holds exactly these. */
      readonly select: readonly K[];
    },
  ): Promise<Pick<RowOf<M>, K>[]>;
  /** Rows matching, ordered and paged: whole rows. */
  findMany<M extends ModelDef>(model: M, options?: ModelFindManyOptions<M>): Promise<RowOf<M>[]>;
  /** Updates matching rows with a validated patch; returns how many matched. */
  update<M extends ModelDef>(
    model: M,
    where: readonly ModelWhere<M>[],
    patch: Partial<z.input<M["schema"]>>,
  ): Promise<number>;
  /** Updates one row by id and returns it; throws `NOT_FOUND`. */
  updateById<M extends ModelDef>(
    model: M,
    id: string,
    patch: Partial<z.input<M["schema"]>>,
  ): Promise<RowOf<M>>;
  /** Deletes matching rows; returns how many. */
  delete<M extends ModelDef>(model: M, where: readonly ModelWhere<M>[]): Promise<number>;
  /** Counts matching rows. */
  count<M extends ModelDef>(model: M, where?: readonly ModelWhere<M>[]): Promise<number>;
  /** Takes the adapter's exclusive lock on `key` for the rest of the transaction. */
  lock(key: string): Promise<void>;
  /**
   * The where clauses selecting the rows whose interval overlaps `[from, to)`, as the pure
   * {@link overlapWhere}, with the end field bounded by the longest interval the community's
   * rows actually hold (kept by the kernel on every write) rather than the declared maximum:
   * a room booked in half hours is read over `blockEnd` in `(from, to + 30 min)`, not
   * `(from, to + 366 days)`. Sound in every transaction: the bound only grows, in the
   * transaction that writes the longer row; where the community's longest span is not known
   * yet (rows written before the kernel kept it), the declared maximum is used.
   *
   * @example
   * ```ts
   * const rows = await tx.findMany(bookingModel, {
   *   where: [
   *     { field: "resourceId", value: id },
   *     ...(await tx.overlapWhere(bookingModel, { startField: "blockStart", endField: "blockEnd", from, to })),
   *   ],
   * });
   * ```
   */
  overlapWhere<M extends ModelDef>(model: M, range: OverlapRange<M>): Promise<ModelWhere<M>[]>;
  /**
   * Inserts `data` only if the competing rows leave room: the capacity-safe insert that
   * bookings, loans and reservations use. Takes `lock(key)`, reads the rows in scope, and
   * throws `CAPACITY_EXCEEDED` (nothing written) when the peak load plus `quantity` would
   * exceed `capacity`. Safe under any concurrency the adapter's lock guarantee covers.
   *
   * With an `interval` the model declares (`defineModel`'s `intervals`), the read is
   * bounded on both sides ({@link overlapWhere}): its cost does not grow with the rows
   * that ended before the new range.
   */
  reserve<M extends ModelDef>(model: M, options: ReserveOptions<M>): Promise<RowOf<M>>;
}

/** Decodes one stored value of a field. */
export type FieldDecoder = (value: unknown) => unknown;

/** How to decode a model's rows (or a projection of them): field names and their decoders. */
export interface RowPlan {
  /** The fields decoded, in order. */
  readonly names: readonly string[];
  /** The decoder of each field, by position. */
  readonly decoders: readonly FieldDecoder[];
}

const asIs: FieldDecoder = (value) => (value === undefined ? null : value);
const asString: FieldDecoder = asIs;

/**
 * The decoder of each field kind. A value the adapter made for this read alone (`fresh`: a
 * driver parsing its result) is handed out as is; otherwise Dates and JSON are copied, so a
 * caller mutating what it got cannot change what the adapter holds.
 */
function decoders(caps: StorageCapabilities, fresh: boolean): Record<string, FieldDecoder> {
  const date: FieldDecoder =
    caps.dates === "native"
      ? fresh
        ? (v) => (v === undefined || v === null ? null : v instanceof Date ? v : new Date(v as string))
        : (v) =>
            v === undefined || v === null
              ? null
              : new Date(v instanceof Date ? v.getTime() : (v as string | number))
      : (v) => (v === undefined || v === null ? null : new Date(v as string | number));
  const json: FieldDecoder =
    caps.json && fresh
      ? asIs
      : (v) =>
          v === undefined || v === null
            ? null
            : !caps.json && typeof v === "string"
              ? JSON.parse(v)
              : typeof v === "object"
                ? structuredClone(v)
                : v;
  const boolean: FieldDecoder = (v) =>
    v === undefined || v === null ? null : v === true || v === 1 || v === "1";
  const numeric: FieldDecoder = (v) =>
    v === undefined || v === null ? null : typeof v === "bigint" ? Number(v) : v;
  return { date, json, boolean, integer: numeric, number: numeric, string: asString };
}
/** Most distinct projections of one model whose plans are kept. */
const MAX_PLANS_PER_MODEL = 64;

/**
 * Converts between the kernel's values and what an adapter stores. Decoding is planned once
 * per model (and per projection): each field gets a decoder chosen for its kind and the
 * adapter's capabilities, so reading a row is one loop without a switch or an allocation
 * beyond the row and its values.
 */
export class ValueCodec {
  private readonly plans = new WeakMap<ModelDef, Map<string, RowPlan>>();
  private readonly byKind: Readonly<Record<string, FieldDecoder>>;
  /** Decoders that copy Dates and JSON whatever the adapter: for rows it did not make. */
  private readonly copying: Readonly<Record<string, FieldDecoder>>;

  constructor(private readonly caps: StorageCapabilities) {
    this.byKind = decoders(caps, caps.freshValues === true);
    this.copying = caps.freshValues === true ? decoders(caps, false) : this.byKind;
  }

  /** A value on its way into storage. */
  encode(kind: string | undefined, value: unknown): StoredValue {
    if (value === undefined || value === null) return null;
    switch (kind) {
      case "date": {
        const d = value instanceof Date ? value : new Date(value as string);
        if (this.caps.dates === "native") return d;
        return this.caps.dates === "epoch-ms" ? d.getTime() : d.toISOString();
      }
      case "json":
        return this.caps.json ? (value as StoredValue) : JSON.stringify(value);
      case "boolean":
        return this.caps.booleans ? Boolean(value) : value ? 1 : 0;
      default:
        return value as StoredValue;
    }
  }

  /** A value on its way out of storage. */
  decode(kind: string | undefined, value: unknown): unknown {
    return (this.byKind[kind ?? "string"] ?? asIs)(value);
  }

  /**
   * The decoding plan of a model's rows, or of the projection `select` (field names the
   * caller checked), computed once and kept. With `copy`, Dates and JSON are copied even
   * from an adapter with `freshValues` (for a row the adapter echoes from its input).
   */
  plan(model: ModelDef, select?: readonly string[], copy = false): RowPlan {
    let plans = this.plans.get(model);
    if (plans === undefined) {
      plans = new Map();
      this.plans.set(model, plans);
    }
    const byKind = copy ? this.copying : this.byKind;
    const key = `${copy ? "c" : ""}${select === undefined ? "*" : select.join(",")}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      const names = select ?? ["id", "communityId", ...Object.keys(model.fields)];
      const decoders = names.map((name) =>
        name === "id" || name === "communityId"
          ? asString
          : (byKind[model.fields[name]?.kind ?? "string"] ?? asIs),
      );
      plan = { names, decoders };
      if (plans.size >= MAX_PLANS_PER_MODEL) plans.clear();
      plans.set(key, plan);
    }
    return plan;
  }
}

/** Decodes one stored row by a plan. */
function decodeWith(plan: RowPlan, row: StoredRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { names, decoders } = plan;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    out[name] = decoders[i]!(row[name]);
  }
  return out;
}

/** What {@link KernelTx.findMany} reads: {@link FindManyOptions} before encoding. */
interface UntypedFindManyOptions extends Omit<FindManyOptions, "where"> {
  readonly where?: readonly UntypedWhere[];
}

function kindOf(model: ModelDef, field: string): string | undefined {
  if (field === "id" || field === "communityId") return "string";
  return model.fields[field]?.kind;
}

function invalid(
  model: ModelDef,
  problems: { path: string; code: string; message: { en: string } }[],
): LinliError {
  const summary = problems.map((p) => `${model.name}.${p.path}: ${p.message.en}`).join("; ");
  return LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary },
    { details: { model: model.name, problems } },
  );
}

const unknownField = (model: ModelDef, field: string) =>
  invalid(model, [{ path: field, code: "UNKNOWN_FIELD", message: { en: "unknown field" } }]);

/**
 * Refuses a row whose declared interval ({@link ModelDef.intervals}) is longer than its
 * bound: overlap reads rely on it.
 */
function checkIntervals(model: ModelDef, row: Readonly<Record<string, unknown>>): void {
  for (const interval of model.intervals ?? []) {
    const start = row[interval.start];
    const end = row[interval.end];
    if (!(start instanceof Date) || !(end instanceof Date)) continue;
    if (end.getTime() - start.getTime() > interval.maxSpanMs)
      throw invalid(model, [
        {
          path: interval.end,
          code: "INTERVAL_TOO_LONG",
          message: {
            en: `${interval.start} to ${interval.end} spans more than ${interval.maxSpanMs} ms`,
          },
        },
      ]);
  }
}

/** Parses with zod's fast path first; builds localized problems only when the input is invalid. */
function parseRow(model: ModelDef, schema: z.ZodType, data: unknown): Record<string, unknown> {
  const fast = schema.safeParse(data);
  if (fast.success) return fast.data as Record<string, unknown>;
  const result = validate(schema, data);
  throw invalid(model, result.ok ? [] : result.problems);
}

/**
 * The kernel's {@link Tx} over one adapter transaction. A class rather than closures: one
 * is made per transaction, and reservations are a hot path.
 */
class KernelTx implements Tx {
  constructor(
    private readonly inner: AdapterTransaction,
    readonly communityId: string,
    private readonly ids: IdGenerator,
    private readonly codec: ValueCodec,
  ) {}

  /** The intervals' longest spans read or kept in this transaction (made on first use). */
  private spanBook: IntervalSpans | undefined;
  /** The lock keys this transaction holds. */
  private held: Set<string> | undefined;

  private spans(): IntervalSpans {
    if (this.spanBook === undefined) {
      const tx = this;
      this.spanBook = new IntervalSpans({
        async read(id) {
          const row = await tx.findById(intervalSpanModel, id);
          return row ? row.longestMs : null;
        },
        async write(id, longestMs, exists) {
          if (exists) await tx.update(intervalSpanModel, [{ field: "id", value: id }], { longestMs });
          else await tx.create(intervalSpanModel, { id, longestMs });
        },
        lock: (key) => tx.lock(key),
        async scan(model, interval) {
          const rows = await tx.findMany(model, { select: [interval.start, interval.end] });
          return longestSpanIn(interval, rows);
        },
      });
    }
    return this.spanBook;
  }

  /** Keeps the longest span of each interval the model declares, for rows being written. */
  private async noteSpans(model: ModelDef, rows: readonly Readonly<Record<string, unknown>>[]) {
    for (const interval of model.intervals ?? [])
      await this.spans().note(model, interval, longestSpanIn(interval, rows));
  }

  private scoped(model: ModelDef, where: readonly UntypedWhere[] = []): WhereClause[] {
    const out: WhereClause[] = [{ field: "communityId", op: "eq", value: this.communityId }];
    for (const clause of where) {
      const kind = kindOf(model, clause.field);
      if (kind === undefined) throw unknownField(model, clause.field);
      const value = Array.isArray(clause.value)
        ? (clause.value as unknown[]).map((v) => this.codec.encode(kind, v))
        : this.codec.encode(kind, clause.value);
      out.push({ field: clause.field, op: clause.op ?? "eq", value });
    }
    return out;
  }

  private encodeRow(model: ModelDef, row: Record<string, unknown>): StoredRow {
    const out: StoredRow = {};
    for (const key in row) out[key] = this.codec.encode(kindOf(model, key), row[key]);
    return out;
  }

  private decodeRow<M extends ModelDef>(model: M, row: StoredRow): RowOf<M> {
    return decodeWith(this.codec.plan(model), row) as RowOf<M>;
  }

  private parsePatch(model: ModelDef, patch: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(patch).filter((k) => patch[k] !== undefined);
    for (const k of keys) if (!(k in model.fields)) throw unknownField(model, k);
    return parseRow(model, patchSchema(model, keys), patch);
  }

  /**
   * A new row of `model`: `data` parsed by the model's schema (unless `checked`: the caller
   * vouches that it is complete and of the model's types), its intervals checked, its id
   * (given or generated) and community set.
   */
  private newRow(
    model: ModelDef,
    data: Readonly<Record<string, unknown>>,
    checked: boolean,
  ): Record<string, unknown> {
    const { id, ...fields } = data as { id?: string } & Record<string, unknown>;
    const row = checked ? fields : parseRow(model, model.schema, fields);
    if (model.intervals) checkIntervals(model, row);
    row.id = id ?? this.ids.next(model.name);
    row.communityId = this.communityId;
    return row;
  }

  /** {@link newRow}, its intervals' spans kept ({@link noteSpans}), encoded for the adapter. */
  private async newStoredRow(
    model: ModelDef,
    data: Readonly<Record<string, unknown>>,
    checked: boolean,
  ): Promise<StoredRow> {
    const row = this.newRow(model, data, checked);
    if (model.intervals) await this.noteSpans(model, [row]);
    return this.encodeRow(model, row);
  }

  async create<M extends ModelDef>(model: M, data: InputOf<M>): Promise<RowOf<M>> {
    const stored = await this.inner.create(model.name, await this.newStoredRow(model, data, false));
    // The adapter may echo the values it was given (the caller's own Dates): copy them.
    return decodeWith(this.codec.plan(model, undefined, true), stored) as RowOf<M>;
  }

  async findById<M extends ModelDef>(model: M, id: string): Promise<RowOf<M> | null> {
    const row = await this.inner.findOne(model.name, this.scoped(model, [{ field: "id", value: id }]));
    return row ? this.decodeRow(model, row) : null;
  }

  async get<M extends ModelDef>(model: M, id: string): Promise<RowOf<M>> {
    const row = await this.findById(model, id);
    if (!row) throw LinliError.from(coreErrors, "NOT_FOUND", { model: model.name, id });
    return row;
  }

  // The methods take untyped clauses: `Tx` narrows them to the model's row for callers, and
  // the kernel checks fields at run time for callers that bypass the types.
  async findOne<M extends ModelDef>(model: M, where: readonly UntypedWhere[]): Promise<RowOf<M> | null> {
    const row = await this.inner.findOne(model.name, this.scoped(model, where));
    return row ? this.decodeRow(model, row) : null;
  }

  async findMany<M extends ModelDef>(model: M, options: UntypedFindManyOptions = {}): Promise<RowOf<M>[]> {
    for (const o of options.orderBy ?? [])
      if (kindOf(model, o.field) === undefined) throw unknownField(model, o.field);
    const select = options.select;
    if (select) for (const f of select) if (kindOf(model, f) === undefined) throw unknownField(model, f);
    const rows = await this.inner.findMany(model.name, {
      ...options,
      where: this.scoped(model, options.where),
    });
    const plan = this.codec.plan(model, select);
    const out = new Array<RowOf<M>>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = decodeWith(plan, rows[i]!) as RowOf<M>;
    return out;
  }

  async update<M extends ModelDef>(
    model: M,
    where: readonly UntypedWhere[],
    patch: Partial<z.input<M["schema"]>>,
  ): Promise<number> {
    const parsed = this.parsePatch(model, patch as Record<string, unknown>);
    if (Object.keys(parsed).length === 0) return this.inner.count(model.name, this.scoped(model, where));
    if (model.intervals) await this.checkPatchedIntervals(model, where, parsed);
    return this.inner.update(model.name, this.scoped(model, where), this.encodeRow(model, parsed));
  }

  async updateById<M extends ModelDef>(
    model: M,
    id: string,
    patch: Partial<z.input<M["schema"]>>,
  ): Promise<RowOf<M>> {
    const n = await this.update(model, [{ field: "id", value: id }], patch);
    if (n === 0) throw LinliError.from(coreErrors, "NOT_FOUND", { model: model.name, id });
    return this.get(model, id);
  }

  /** Checks the intervals a patch changes, on every row it would change, and keeps their spans. */
  private async checkPatchedIntervals(
    model: ModelDef,
    where: readonly UntypedWhere[],
    parsed: Record<string, unknown>,
  ): Promise<void> {
    for (const interval of model.intervals ?? []) {
      const hasStart = interval.start in parsed;
      const hasEnd = interval.end in parsed;
      if (!hasStart && !hasEnd) continue;
      if (hasStart && hasEnd) {
        checkIntervals(model, parsed);
        await this.spans().note(model, interval, longestSpanIn(interval, [parsed]));
        continue;
      }
      const rows = await this.findMany(model, { where, select: [interval.start, interval.end] });
      const patched = rows.map((row) => ({ ...row, ...parsed }));
      for (const row of patched) checkIntervals(model, row);
      await this.spans().note(model, interval, longestSpanIn(interval, patched));
    }
  }

  delete<M extends ModelDef>(model: M, where: readonly UntypedWhere[]): Promise<number> {
    return this.inner.delete(model.name, this.scoped(model, where));
  }

  count<M extends ModelDef>(model: M, where: readonly UntypedWhere[] = []): Promise<number> {
    return this.inner.count(model.name, this.scoped(model, where));
  }

  lock(key: string): Promise<void> {
    const scopedKey = `${this.communityId}:${key}`;
    // A new lock may reveal rows committed since the spans were read (a transaction reading
    // committed data): read them again. A lock held already reveals nothing new.
    this.held ??= new Set();
    if (!this.held.has(scopedKey)) {
      this.held.add(scopedKey);
      this.spanBook?.forget();
    }
    return this.inner.lock(scopedKey);
  }

  async overlapWhere<M extends ModelDef>(model: M, range: OverlapRange<M>): Promise<ModelWhere<M>[]> {
    const declared = declaredInterval(model, range.startField, range.endField);
    if (!declared) return overlapWhere(model, range);
    return boundedOverlapWhere<M>(range, await this.spans().bound(model, declared));
  }

  /** See {@link appendSequenced}. */
  async appendSequenced<M extends ModelDef>(
    model: M,
    field: string,
    rows: readonly InputOf<M>[],
    checked = false,
  ): Promise<number> {
    const append = this.inner.appendSequenced;
    if (append === undefined || rows.length === 0) {
      if (kindOf(model, field) !== "integer") throw unknownField(model, field);
      const [last] = await this.inner.findMany(model.name, {
        where: this.scoped(model),
        orderBy: [{ field, direction: "desc" }],
        limit: 1,
        select: [field],
      });
      const base = Number(last?.[field] ?? 0);
      for (const [i, data] of rows.entries()) {
        const row = { ...data, [field]: base + i + 1 };
        // A checked row (see below) is inserted as it is, and not decoded back: nobody reads it.
        if (checked) await this.inner.create(model.name, await this.newStoredRow(model, row, true));
        else await this.create(model, row);
      }
      return base;
    }
    // `checked` rows were built by the kernel and checked field by field by the caller
    // (the outbox: see `appendEvents`); every other row goes through the model's schema.
    const built = rows.map((data, i) => this.newRow(model, { ...data, [field]: i + 1 }, checked));
    if (model.intervals) await this.noteSpans(model, built);
    const encoded = built.map((row) => this.encodeRow(model, row));
    return append.call(this.inner, model.name, field, encoded);
  }

  async reserve<M extends ModelDef>(model: M, options: ReserveOptions<M>): Promise<RowOf<M>> {
    const quantity = options.quantity ?? 1;
    if (!Number.isSafeInteger(quantity) || quantity <= 0)
      throw new RangeError("quantity must be a positive integer");
    await this.lock(options.key);
    const where: UntypedWhere[] = [...options.scope];
    const range = options.interval;
    const select: string[] = [];
    if (range) {
      // Only rows overlapping the new range can compete: end > start' and start < end'; and,
      // when the model declares the interval, end < end' + the longest stored span, so the
      // read is a range bounded on both sides of an index led by the end field.
      where.push(
        ...((await this.overlapWhere(model, {
          startField: range.startField,
          endField: range.endField,
          from: range.start,
          to: range.end,
        })) as UntypedWhere[]),
      );
      select.push(range.startField, range.endField);
    }
    if (options.quantityField) select.push(options.quantityField);
    // Only the fields the arithmetic needs are read.
    const rows = (await this.findMany(model, {
      where,
      select: select.length > 0 ? select : ["id"],
    })) as Record<string, unknown>[];
    const qty = (row: Record<string, unknown>) =>
      options.quantityField ? Number(row[options.quantityField] ?? 0) : 1;
    let used = 0;
    if (range) {
      const loads = rows.map((row) => ({
        start: (row[range.startField] as Date).getTime(),
        end: (row[range.endField] as Date).getTime(),
        quantity: qty(row),
      }));
      used = peakLoad(loads, range.start.getTime(), range.end.getTime());
    } else {
      for (const row of rows) used += qty(row);
    }
    if (used + quantity > options.capacity) {
      throw LinliError.from(coreErrors, "CAPACITY_EXCEEDED", {
        key: options.key,
        capacity: options.capacity,
        used,
        requested: quantity,
      });
    }
    return this.create(model, options.data);
  }
}

/** Creates the kernel's {@link Tx} over an adapter transaction. */
export function createTx(
  inner: AdapterTransaction,
  options: { communityId: string; ids: IdGenerator; codec: ValueCodec },
): Tx {
  return new KernelTx(inner, options.communityId, options.ids, options.codec);
}

/**
 * Inserts `rows` of `model` numbered in `field` after the greatest value the community's rows
 * have (the caller holds the lock that serializes the numbering); returns that greatest value
 * (0 when none), so row `i` got `base + i + 1`. One round trip on adapters that implement
 * `AdapterTransaction.appendSequenced`; otherwise a read and one `create` per row. Internal
 * to the kernel (the outbox). With `checked`, the caller vouches that every row is complete
 * (defaults included) and of the model's types, and the schema parse is skipped on the
 * one-round-trip path.
 */
export function appendSequenced<M extends ModelDef>(
  tx: Tx,
  model: M,
  field: string,
  rows: readonly InputOf<M>[],
  checked = false,
): Promise<number> {
  if (tx instanceof KernelTx) return tx.appendSequenced(model, field, rows, checked);
  throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: "appendSequenced needs the kernel's Tx" });
}
