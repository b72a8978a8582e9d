import { bookingPlugin } from "@linli/booking";
import { createCommunity, parseCommunityConfig } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, test } from "vitest";
import { presetCopy, presetNames } from "./index";

const plugins = () => [bookingPlugin(), pricingPlugin(), volunteersPlugin(), lendingPlugin()] as const;

describe("every preset is valid configuration for the kernel, booking, pricing, volunteers and lending", () => {
  test.each(presetNames)("%s: the one-pass config check finds no problem", (name) => {
    const result = parseCommunityConfig(presetCopy(name), plugins());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test.each(presetNames)("%s: createCommunity accepts it and serves its catalog", async (name) => {
    const config = presetCopy(name);
    const community = await createCommunity({ config, storage: memoryStorage(), plugins: plugins() });
    expect(community.id).toBe(config.community.id);
    expect(community.config.resources.length).toBe(config.resources?.length);
    await community.close();
  });
});
