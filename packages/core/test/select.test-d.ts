import { describe, expectTypeOf, test } from "vitest";
import { z } from "zod";
import { defineModel, type ModelFindManyOptions, overlapWhere, type RowOf, type Tx } from "../src/index";

const slotModel = defineModel(
  "typed_select_slot",
  { resourceId: z.string(), start: z.date(), end: z.date(), quantity: z.number().int() },
  { intervals: [{ start: "start", end: "end", maxSpanMs: 86_400_000 }] },
);
type Slot = RowOf<typeof slotModel>;

declare const tx: Tx;
declare const when: Date;

describe("projections of tx.findMany", () => {
  test("select narrows each row to the selected fields", async () => {
    const rows = await tx.findMany(slotModel, { select: ["start", "quantity"] });
    expectTypeOf(rows).toEqualTypeOf<Pick<Slot, "start" | "quantity">[]>();
    expectTypeOf(rows[0]!.start).toEqualTypeOf<Date>();
  });

  test("without select, whole rows, also from an options value", async () => {
    expectTypeOf(await tx.findMany(slotModel)).toEqualTypeOf<Slot[]>();
    const options: ModelFindManyOptions<typeof slotModel> = { limit: 3 };
    expectTypeOf(await tx.findMany(slotModel, options)).toEqualTypeOf<Slot[]>();
  });

  test("an unknown field cannot be selected", () => {
    // @ts-expect-error: not a field of the row
    void tx.findMany(slotModel, { select: ["nope"] });
  });

  test("overlapWhere takes the model's date fields only", () => {
    void tx.findMany(slotModel, {
      where: overlapWhere(slotModel, { startField: "start", endField: "end", from: when, to: when }),
    });
    // @ts-expect-error: quantity is not a date field
    void overlapWhere(slotModel, { startField: "quantity", endField: "end", from: when, to: when });
  });
});
