import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

const slot = (hour: number) => ({
  resourceId: "library",
  start: cst(`2026-07-02T${String(hour).padStart(2, "0")}:00`),
  end: cst(`2026-07-02T${String(hour + 1).padStart(2, "0")}:00`),
});

describe("idempotency keys belong to who acts and for whom", () => {
  test("another resident's key neither blocks nor replays mine", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    // Zhang guesses the key Wang's app will use, and uses it first.
    const squat = await community.booking.book({
      actor: resident("zhang"),
      ...slot(9),
      idempotencyKey: "msg-1",
    });
    expect(squat.ok).toBe(true);
    const mine = await community.booking.book({
      actor: resident("wang"),
      ...slot(10),
      idempotencyKey: "msg-1",
    });
    expect(mine.ok && mine.booking.residentId).toBe("wang");
    // A retry of Wang's own request replays Wang's booking.
    const retry = await community.booking.book({
      actor: resident("wang"),
      ...slot(10),
      idempotencyKey: "msg-1",
    });
    expect(retry.ok && mine.ok && retry.booking.id).toBe(mine.ok ? mine.booking.id : "");
    // Reusing one's own key for something else is refused, and names only one's own command.
    const reused = await community.booking
      .book({ actor: resident("wang"), ...slot(11), idempotencyKey: "msg-1" })
      .catch((e: unknown) => e);
    expect(isLinliError(reused, "IDEMPOTENCY_KEY_REUSED")).toBe(true);
    expect(JSON.stringify(reused)).not.toContain("zhang");
    expect(await community.booking.list({ actor: desk })).toHaveLength(2);
  });

  test("after a delegation is revoked, a retry with the old key is refused, not answered with the other resident's booking", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const delegation = await community.delegations.grant({ actor: resident("wang"), delegateId: "li" });
    const forWang = await community.booking.book({
      actor: resident("li"),
      forResident: "wang",
      ...slot(9),
      idempotencyKey: "call-7",
    });
    expect(forWang.ok).toBe(true);
    await community.delegations.revoke({ actor: resident("wang"), delegationId: delegation.id });
    const replay = await community.booking
      .book({ actor: resident("li"), forResident: "wang", ...slot(9), idempotencyKey: "call-7" })
      .catch((e: unknown) => e);
    expect(isLinliError(replay, "ACCESS_DENIED")).toBe(true);
  });
});
