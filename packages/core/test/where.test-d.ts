import { describe, expectTypeOf, test } from "vitest";
import { z } from "zod";
import {
  type AdapterTransaction,
  defineModel,
  type KeysOfType,
  type ModelDef,
  type ModelOrderBy,
  type ModelWhere,
  type RowOf,
  type Tx,
  type WhereClause,
} from "../src/index";

const slotModel = defineModel("typed_slot", {
  resourceId: z.string(),
  status: z.enum(["held", "confirmed", "cancelled"]),
  start: z.date(),
  end: z.date(),
  releasedAt: z.date().nullable().default(null),
  quantity: z.number().int().default(1),
  note: z.string().nullable().default(null),
  active: z.boolean(),
});
type Slot = RowOf<typeof slotModel>;

declare const tx: Tx;
declare const when: Date;

describe("the typed query shapes", () => {
  test("a model's where clauses name its fields, id and communityId", () => {
    expectTypeOf<ModelWhere<typeof slotModel>["field"]>().toEqualTypeOf<
      | "id"
      | "communityId"
      | "resourceId"
      | "status"
      | "start"
      | "end"
      | "releasedAt"
      | "quantity"
      | "note"
      | "active"
    >();
    expectTypeOf<ModelOrderBy<typeof slotModel>["field"]>().toEqualTypeOf<
      ModelWhere<typeof slotModel>["field"]
    >();
  });

  test("reservation fields: required dates and numbers only", () => {
    expectTypeOf<KeysOfType<Slot, Date>>().toEqualTypeOf<"start" | "end">();
    expectTypeOf<KeysOfType<Slot, number>>().toEqualTypeOf<"quantity">();
  });

  test("adapters keep the stored, untyped form", () => {
    expectTypeOf<Parameters<AdapterTransaction["findOne"]>[1]>().toEqualTypeOf<readonly WhereClause[]>();
    expectTypeOf<WhereClause["field"]>().toEqualTypeOf<string>();
  });
});

describe("valid queries compile and infer", () => {
  test("inline literal arrays need no annotations", () => {
    expectTypeOf(
      tx.findMany(slotModel, {
        where: [
          { field: "resourceId", value: "drying-room" },
          { field: "status", op: "in", value: ["held", "confirmed"] },
          { field: "start", op: "lt", value: when },
          { field: "end", op: "gte", value: when },
          { field: "releasedAt", value: null },
          { field: "note", op: "ne", value: null },
          { field: "note", op: "contains", value: "late" },
          { field: "id", op: "not_in", value: ["s1", "s2"] },
          { field: "communityId", value: "c1" },
          { field: "quantity", op: "gt", value: 1 },
          { field: "active", value: true },
        ],
        orderBy: [{ field: "start", direction: "desc" }, { field: "id" }],
        limit: 10,
      }),
    ).resolves.toEqualTypeOf<Slot[]>();
    expectTypeOf(
      tx.findOne(slotModel, [{ field: "status", value: "held" }]),
    ).resolves.toEqualTypeOf<Slot | null>();
    expectTypeOf(
      tx.count(slotModel, [{ field: "releasedAt", op: "in", value: [when, null] }]),
    ).resolves.toBeNumber();
    expectTypeOf(tx.delete(slotModel, [{ field: "end", op: "lte", value: when }])).resolves.toBeNumber();
    expectTypeOf(
      tx.update(slotModel, [{ field: "id", value: "s1" }], { status: "cancelled" }),
    ).resolves.toBeNumber();
  });

  test("arrays built step by step are typed with ModelWhere", () => {
    const where: ModelWhere<typeof slotModel>[] = [{ field: "resourceId", value: "drying-room" }];
    where.push({ field: "start", op: "gte", value: when });
    expectTypeOf(tx.findMany(slotModel, { where })).resolves.toEqualTypeOf<Slot[]>();
  });

  test("reserve takes date fields for the interval and a numeric quantity field", () => {
    expectTypeOf(
      tx.reserve(slotModel, {
        key: "slot:drying-room",
        capacity: 2,
        scope: [
          { field: "resourceId", value: "drying-room" },
          { field: "status", op: "in", value: ["held", "confirmed"] },
        ],
        interval: { startField: "start", endField: "end", start: when, end: when },
        quantityField: "quantity",
        data: { resourceId: "drying-room", status: "held", start: when, end: when, active: true },
      }),
    ).resolves.toEqualTypeOf<Slot>();
  });

  test("a model of unknown shape takes untyped clauses, checked at run time", () => {
    const untyped: ModelDef = slotModel;
    const stored: WhereClause[] = [{ field: "anything", op: "contains", value: "x" }];
    expectTypeOf(
      tx.findMany(untyped, { where: stored, orderBy: [{ field: "anything" }] }),
    ).resolves.toBeArray();
  });
});

describe("invalid queries are compile errors", () => {
  test("a where clause on an unknown field", () => {
    // @ts-expect-error `strat` is not a field of the slot model
    void tx.findMany(slotModel, { where: [{ field: "strat", op: "lt", value: when }] });
    // @ts-expect-error `resource` is not a field of the slot model
    void tx.findOne(slotModel, [{ field: "resource", value: "drying-room" }]);
    // @ts-expect-error `slotId` is not a field of the slot model
    void tx.count(slotModel, [{ field: "slotId", value: "s1" }]);
  });

  test("a value of the wrong type for its field", () => {
    // @ts-expect-error `start` is a Date: an ISO string is not accepted
    void tx.findMany(slotModel, { where: [{ field: "start", op: "lt", value: "2026-06-01T00:00:00Z" }] });
    // @ts-expect-error `quantity` is a number
    void tx.count(slotModel, [{ field: "quantity", value: "2" }]);
    // @ts-expect-error `status` is one of its enum's values
    void tx.findOne(slotModel, [{ field: "status", value: "confirmd" }]);
    // @ts-expect-error `in` takes an array
    void tx.count(slotModel, [{ field: "status", op: "in", value: "held" }]);
    // @ts-expect-error the array's values must fit the field
    void tx.count(slotModel, [{ field: "status", op: "in", value: ["held", "gone"] }]);
    // @ts-expect-error ordering comparisons never match null
    void tx.count(slotModel, [{ field: "start", op: "gt", value: null }]);
    // @ts-expect-error substring tests only exist on string fields
    void tx.count(slotModel, [{ field: "quantity", op: "contains", value: "1" }]);
    // @ts-expect-error a substring is a string
    void tx.count(slotModel, [{ field: "note", op: "starts_with", value: 1 }]);
    // @ts-expect-error not an operator
    void tx.count(slotModel, [{ field: "note", op: "like", value: "x" }]);
  });

  test("a step-by-step array checks each pushed clause", () => {
    const where: ModelWhere<typeof slotModel>[] = [];
    // @ts-expect-error `end` is a Date
    where.push({ field: "end", op: "gt", value: 1 });
    // @ts-expect-error `ends` is not a field
    where.push({ field: "ends", op: "gt", value: when });
  });

  test("orderBy on an unknown field", () => {
    // @ts-expect-error `strat` is not a field of the slot model
    void tx.findMany(slotModel, { orderBy: [{ field: "strat" }] });
  });

  test("reserve with non-date interval fields, a non-numeric quantity field or a bad scope", () => {
    const base = {
      key: "slot:drying-room",
      capacity: 1,
      data: { resourceId: "drying-room", status: "held", start: when, end: when, active: true },
    } as const;
    void tx.reserve(slotModel, {
      ...base,
      scope: [],
      // @ts-expect-error `resourceId` is a string, not a date
      interval: { startField: "resourceId", endField: "end", start: when, end: when },
    });
    void tx.reserve(slotModel, {
      ...base,
      scope: [],
      // @ts-expect-error `releasedAt` can be null, so it cannot bound a reservation
      interval: { startField: "start", endField: "releasedAt", start: when, end: when },
    });
    // @ts-expect-error `note` is not numeric
    void tx.reserve(slotModel, { ...base, scope: [], quantityField: "note" });
    // @ts-expect-error the scope is typed like any where list
    void tx.reserve(slotModel, { ...base, scope: [{ field: "resource", value: "drying-room" }] });
  });
});
