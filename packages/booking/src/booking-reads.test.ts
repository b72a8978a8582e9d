import { describe, expect, test } from "vitest";
import { bookingModel } from "./booking-models";
import { BOOKING_FACT_FIELDS } from "./booking-reads";

describe("booking reads", () => {
  test("the overlap index covers every field the rules and the availability sweep read", () => {
    const overlap = bookingModel.indexes.find((i) => i.fields[0] === "resourceId");
    expect(overlap?.fields).toEqual(["resourceId", "blockEnd", "blockStart"]);
    const covered = new Set([...(overlap?.fields ?? []), ...(overlap?.include ?? [])]);
    expect(BOOKING_FACT_FIELDS.filter((f) => !covered.has(f))).toEqual([]);
  });
});
