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
