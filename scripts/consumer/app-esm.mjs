// An ESM app on the installed tarballs: every entry point imports, and a booking is priced.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, isLinliError } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { config, entries, run } from "./app-scenario.cjs";

// JSON entries (a preset's data) need the import attribute in ESM.
for (const entry of entries)
  await (entry.endsWith(".json") ? import(entry, { with: { type: "json" } }) : import(entry));
const result = await run({
  createCommunity,
  isLinliError,
  bookingPlugin,
  pricingPlugin,
  memoryStorage,
  config,
});
console.log(JSON.stringify({ esm: result }));
