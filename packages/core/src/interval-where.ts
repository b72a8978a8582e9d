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
  const where: { field: string; op: "lt" | "gt"; value: Date }[] = [
    { field: range.endField, op: "gt", value: range.from },
  ];
  const declared = declaredInterval(model, range.startField, range.endField);
  if (declared) {
    const bound = Math.min(range.to.getTime() + declared.maxSpanMs, MAX_TIME);
    where.push({ field: range.endField, op: "lt", value: new Date(bound) });
  }
  where.push({ field: range.startField, op: "lt", value: range.to });
  return where as ModelWhere<M>[];
}
