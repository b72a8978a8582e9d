// A CommonJS app on the installed tarballs: every entry point requires, and a booking is priced.
const { bookingPlugin } = require("@linli/booking");
const { createCommunity, isLinliError } = require("@linli/core");
const { pricingPlugin } = require("@linli/pricing");
const { memoryStorage } = require("@linli/storage-memory");
const { config, entries, run } = require("./app-scenario.cjs");

for (const entry of entries) require(entry);
run({ createCommunity, isLinliError, bookingPlugin, pricingPlugin, memoryStorage, config }).then(
  (result) => console.log(JSON.stringify({ cjs: result })),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
