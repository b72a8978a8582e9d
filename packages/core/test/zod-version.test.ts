import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineModel, isLinliError, type LinliError } from "../src/index";

/** What a zod 3 schema looks like to linli: `_def.typeName`, parse methods, no `_zod`. */
function zod3Like(typeName: string) {
  return {
    _def: { typeName },
    parse: (value: unknown) => value,
    safeParse: (value: unknown) => ({ success: true, data: value }),
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("defineModel and the zod version", () => {
  it("refuses a zod 3 schema with ZOD_VERSION_UNSUPPORTED, naming the model, field and what was found", () => {
    const error = thrown(() =>
      defineModel("lending_loan", { itemId: z.string(), dueAt: zod3Like("ZodDate") } as never),
    );
    expect(isLinliError(error, "ZOD_VERSION_UNSUPPORTED")).toBe(true);
    const { details, messages } = error as LinliError;
    expect(details).toMatchObject({ model: "lending_loan", field: "dueAt", found: "zod 3 (ZodDate)" });
    expect(messages.en).toBe(
      "linli needs zod 4 (peer dependency zod ^4), but field dueAt of model lending_loan is a zod 3 (ZodDate) schema; install zod 4: npm install zod@^4",
    );
    expect(messages["zh-CN"]).toContain("linli 需要 zod 4");
    expect(messages["zh-CN"]).toContain("zod 3 (ZodDate)");
  });

  it("still reports a pre-4 schema without a typeName", () => {
    const error = thrown(() => defineModel("lending_item", { name: { _def: {} } } as never));
    expect(isLinliError(error, "ZOD_VERSION_UNSUPPORTED")).toBe(true);
    expect((error as LinliError).details.found).toBe("pre-4 zod");
  });

  it("refuses a value that is no zod schema at all with a TypeError", () => {
    expect(() => defineModel("lending_item", { name: "string" } as never)).toThrow(
      new TypeError("model lending_item: field name is not a zod schema (got string)"),
    );
    expect(() => defineModel("lending_item", { name: {} } as never)).toThrow(
      new TypeError("model lending_item: field name is not a zod schema"),
    );
  });

  it("accepts zod 4 schemas, wrapped or not", () => {
    const model = defineModel("lending_item", {
      name: z.string(),
      count: z.number().int().default(1),
      note: z.string().nullable().optional(),
    });
    expect(model.fields).toEqual({
      name: { kind: "string", required: true },
      count: { kind: "integer", required: false },
      note: { kind: "string", required: false },
    });
  });
});
