import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineModel } from "../src/index";

describe("covering indexes", () => {
  test("an index includes declared fields (or id); an unknown included field is refused", () => {
    const model = defineModel(
      "include_ok",
      { slot: z.string(), at: z.date(), note: z.string() },
      { indexes: [{ fields: ["slot", "at"], include: ["note", "id"] }] },
    );
    expect(model.indexes[0]?.include).toEqual(["note", "id"]);
    expect(() =>
      defineModel(
        "include_bad",
        { slot: z.string() },
        { indexes: [{ fields: ["slot"], include: ["nope"] }] },
      ),
    ).toThrow(/index includes unknown field nope/);
  });
});

describe("partial indexes", () => {
  test("an index may hold only rows whose field is null or not null; an unknown field, another condition or a unique partial index is refused", () => {
    const shape = { seriesId: z.string().nullable().default(null), at: z.date() };
    const model = defineModel("partial_ok", shape, {
      indexes: [{ fields: ["seriesId"], where: { field: "seriesId", is: "not-null" } }],
    });
    expect(model.indexes[0]?.where).toEqual({ field: "seriesId", is: "not-null" });
    expect(() =>
      defineModel("partial_unknown", shape, {
        indexes: [{ fields: ["at"], where: { field: "nope", is: "null" } }],
      }),
    ).toThrow(/index condition on unknown field nope/);
    expect(() =>
      defineModel("partial_bad", shape, {
        indexes: [{ fields: ["at"], where: { field: "seriesId", is: "empty" as "null" } }],
      }),
    ).toThrow(/must be "null" or "not-null"/);
    expect(() =>
      defineModel("partial_unique", shape, {
        indexes: [{ fields: ["at"], unique: true, where: { field: "seriesId", is: "null" } }],
      }),
    ).toThrow(/a unique index cannot be partial/);
  });
});
