// The scenario every consumer app runs (shared by the ESM and CJS apps): a drying room with a
// per-use price; a booking, its price, and a bad input refused with a LinliError.
const text = (zh, en) => ({ "zh-CN": zh, en });

/** Every entry point of the installed packages, filled in by check-tarballs.mjs. */
const entries = require("./entries.json");

const config = {
  members: [{ id: "desk-1", kind: "staff" }],
  community: { id: "c", name: text("社区", "Community"), timeZone: "Asia/Shanghai", currency: "CNY" },
  resources: [{ id: "dryer-1", kind: "pool", name: text("干衣机", "Dryer") }],
};

async function run({ createCommunity, isLinliError, bookingPlugin, pricingPlugin, memoryStorage }) {
  const community = await createCommunity({
    config: {
      ...config,
      pricing: {
        plans: [
          {
            id: "per-use",
            name: text("按次", "Per use"),
            appliesTo: { resources: ["dryer-1"] },
            charge: { kind: "per-use", amount: 100 },
          },
        ],
      },
    },
    storage: memoryStorage(),
    plugins: [bookingPlugin(), pricingPlugin()],
  });
  const desk = community.as({ kind: "staff", id: "desk-1" });
  const resident = await desk.residents.register({ name: "王奶奶" });
  const start = new Date(Date.now() + 86_400_000);
  const end = new Date(start.getTime() + 3_600_000);
  const booked = await desk.for(resident.id).booking.book({ resourceId: "dryer-1", start, end });
  const quote = await desk.for(resident.id).pricing.quote({ resourceId: "dryer-1", start, end });
  const refused = await desk.residents.register({ name: "" }).catch((e) => e);
  await community.close();
  return {
    entries: entries.length,
    booked: booked.ok,
    total: quote.total.amount,
    refused: isLinliError(refused, "VALIDATION_FAILED"),
  };
}

module.exports = { config, entries, run };
