import type { IntervalDef, ModelDef, RowOf } from "./model";
import type { KeysOfType, ModelWhere } from "./where";

/** The latest instant a `Date` can hold. */
const MAX_TIME = 8_640_000_000_000_000;

/** The interval a model declares on these two fields, if any. */
export function declaredInterval(
  model: ModelDef,
  startField: string,
  endField: string,
): IntervalDef | undefined {
  return model.intervals?.find((i) => i.start === startField && i.end === endField);
}

/**
 * The where clauses selecting a model's rows whose interval `[row[startField],
 * row[endField])` overlaps `[from, to)`: `end > from`, `start < to`, and, when the model
 * declares the interval with a maximum length ({@link IntervalDef}), `end < to + maxSpanMs`,
 * which every overlapping row satisfies. So the read is a range bounded on both sides of an
 * index led by the end field (`[..., endField, startField]`): rows that ended before `from`
 * (the whole history of a resource) are never visited, and neither are rows ending more
 * than `maxSpanMs` after `to`.
 *
 * Why the end field: histories grow in the past, and the past is exactly what `end > from`
 * cuts off on the index; an index on the start field would have to scan back `maxSpanMs`
 * before `from` through the history, so its cost would grow with the density of the past.
 *
 * @example
 * ```ts
 * await tx.findMany(bookingModel, {
 *   where: [
 *     { field: "resourceId", value: id },
 *     ...overlapWhere(bookingModel, { startField: "blockStart", endField: "blockEnd", from, to }),
 *   ],
 * });
 * ```
 */
export function overlapWhere<M extends ModelDef>(
  model: M,
  range: {
    /** The date field where each row's interval starts. */
    readonly startField: KeysOfType<RowOf<M>, Date>;
    /** The date field where each row's interval ends (exclusive). */
    readonly endField: KeysOfType<RowOf<M>, Date>;
    /** Start of the range (inclusive). */
    readonly from: Date;
    /** End of the range (exclusive). */
    readonly to: Date;
  },
): ModelWhere<M>[] {
  const declared = declaredInterval(model, range.startField, range.endField);
  return boundedOverlapWhere<M>(range, declared?.maxSpanMs);
}

/**
 * {@link overlapWhere} with the end field bounded by `spanMs` (none when undefined). Sound
 * only when no row of the model holds a longer interval on these fields: the kernel's
 * `Tx.overlapWhere` passes the longest span it keeps, never more than the declared one.
 * Internal to the kernel.
 */
export function boundedOverlapWhere<M extends ModelDef>(
  range: {
    readonly startField: string;
    readonly endField: string;
    readonly from: Date;
    readonly to: Date;
  },
  spanMs: number | undefined,
): ModelWhere<M>[] {
  const where: { field: string; op: "lt" | "gt"; value: Date }[] = [
    { field: range.endField, op: "gt", value: range.from },
  ];
  if (spanMs !== undefined) {
    // `end - start <= spanMs` and `start < to` give `end < to + spanMs`, and `end <= start`
    // (an empty interval) gives `end < to`: so the bound is strict in both cases.
    const bound = Math.min(range.to.getTime() + spanMs, MAX_TIME);
    where.push({ field: range.endField, op: "lt", value: new Date(bound) });
  }
  where.push({ field: range.startField, op: "lt", value: range.to });
  return where as ModelWhere<M>[];
}
