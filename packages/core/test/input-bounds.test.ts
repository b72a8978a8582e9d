import { describe, expect, it } from "vitest";
import { isLocale } from "../src/config-schema";
import { createCommunity, isLinliError, manualClock, sequentialIds } from "../src/index";
import { memoryStorage } from "@linli/storage-memory";
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

describe("inputs that used to be accepted and fail later", () => {
  it.each(["en_US", "", "zh-CN-x", "not a locale"])(
    "a locale %j is refused when the community is created",
    async (locale) => {
      const config = baseConfig();
      const error = await createCommunity({
        config: { ...config, community: { ...config.community, locale } },
        storage: memoryStorage(),
        plugins: [],
      }).catch((e: unknown) => e);
      expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
      expect(JSON.stringify(error)).toContain("INVALID_LOCALE");
    },
  );

  it("real locales pass", () => {
    expect(["zh-CN", "en", "en-GB", "zh-Hans-CN"].every(isLocale)).toBe(true);
  });

  it("an id with a control character or over 200 characters is refused before anything is written, the same on every adapter", async () => {
    const c = await community();
    for (const id of ["wang\u0000", "li\nzhang", "x".repeat(201)]) {
      const error = await c.residents.register({ actor: desk, id, name: "someone" }).catch((e: unknown) => e);
      expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
      // The message stays short whatever the id's length.
      expect(JSON.stringify(error).length).toBeLessThan(2_000);
    }
    const actorError = await c.residents
      .list({ actor: { kind: "staff", id: "desk\u0000" } })
      .catch((e: unknown) => e);
    expect(isLinliError(actorError, "VALIDATION_FAILED")).toBe(true);
    expect(await c.residents.list({ actor: desk })).toEqual([]);
  });
});
