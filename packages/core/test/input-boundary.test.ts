import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, it } from "vitest";
import { createCommunity, isLinliError, LinliError, manualClock, sequentialIds } from "../src/index";
import { MAX_REPORTED_PROBLEMS } from "../src/input-boundary";
import { baseConfig, staff as desk } from "./fixtures";

async function community() {
  return createCommunity({
    config: baseConfig(),
    storage: memoryStorage(),
    plugins: [],
    clock: manualClock("2026-07-01T00:00:00Z"),
    ids: sequentialIds(),
  });
}

async function refusal(promise: Promise<unknown>): Promise<LinliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinliError);
  return error as LinliError;
}

describe("the kernel's validation boundary", () => {
  it("an input whose getter throws, or a Proxy, is VALIDATION_FAILED, never the raw error", async () => {
    const c = await community();
    const getter = Object.defineProperty({ actor: desk }, "name", {
      enumerable: true,
      get() {
        throw new RangeError("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new TypeError("boom");
        },
        ownKeys() {
          throw new TypeError("boom");
        },
      },
    );
    const coerced = {
      actor: desk,
      at: {
        [Symbol.toPrimitive]() {
          throw new TypeError("boom");
        },
      },
      forResident: "r1",
    };
    for (const input of [getter, proxy, coerced]) {
      const error = await refusal(c.residents.register(input as never));
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(error.toJSON())).not.toContain("boom");
    }
    const groups = await refusal(c.eligibility.groupsOf(coerced as never));
    expect(groups.code).toBe("VALIDATION_FAILED");
    expect(await c.residents.list({ actor: desk })).toEqual([]);
  });

  it("40,000 bad items make one small error with at most 20 problems", async () => {
    const c = await community();
    const error = await refusal(
      c.events.ack({ actor: desk, eventIds: Array.from({ length: 40_000 }, () => "\u0000") }),
    );
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    const problems = (error.details as { problems: unknown[] }).problems;
    expect(problems.length).toBeLessThanOrEqual(MAX_REPORTED_PROBLEMS);
    expect(JSON.stringify(error.toJSON()).length).toBeLessThan(4096);
    expect(error.message.length).toBeLessThan(4096);
  });

  it("residents are listed a page at a time, by id, the cursor continuing exactly after the last", async () => {
    const c = await community();
    for (const id of ["c", "a", "e", "b", "d"]) await c.residents.register({ actor: desk, id, name: id });
    const first = await c.residents.list({ actor: desk, limit: 2 });
    expect(first.map((r) => r.id)).toEqual(["a", "b"]);
    const second = await c.residents.list({ actor: desk, limit: 2, after: first.next! });
    expect(second.map((r) => r.id)).toEqual(["c", "d"]);
    const last = await c.residents.list({ actor: desk, limit: 2, after: second.next! });
    expect(last.map((r) => r.id)).toEqual(["e"]);
    expect(last.next).toBeUndefined();
    expect(JSON.parse(JSON.stringify(first))).toEqual(first.map((r) => JSON.parse(JSON.stringify(r))));
  });
});

describe("page cursors", () => {
  it("a cursor forged with a key of the wrong type is VALIDATION_FAILED, never a storage error", async () => {
    const c = await community();
    const forge = (key: unknown) =>
      btoa(JSON.stringify([key, "x"]))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    for (const key of ["abc", { d: "2026-01-01T00:00:00Z" }, 1.5, null]) {
      const error = await refusal(c.events.list({ actor: desk, after: forge(key) }));
      expect(error.code).toBe("VALIDATION_FAILED");
    }
    expect(await c.events.list({ actor: desk, after: forge(3) })).toEqual([]);
  });
});
