import { memoryStorage } from "@linli/storage-memory";
import { describe, expectTypeOf, test } from "vitest";
import { z } from "zod";
import {
  type Community,
  type CommandContext,
  createCommunity,
  defineCommand,
  defineCommunityConfig,
  defineEvents,
  definePlugin,
  defineQuery,
  isLinliError,
  type LinliError,
  subscribe,
} from "../src/index";
import { baseConfig } from "./fixtures";
import { councilEvents, councilPlugin, gatePlugin } from "./plugin-fixtures";

const withCouncil = () => ({ ...baseConfig(), council: { quorum: 3 } });

test("a plugin's commands exist on the community only when the plugin is passed", async () => {
  const community = await createCommunity({
    config: withCouncil(),
    storage: memoryStorage(),
    plugins: [gatePlugin(), councilPlugin()],
  });
  expectTypeOf(community.council.decide).toBeFunction();
  expectTypeOf(community.gate.check).toBeFunction();
  expectTypeOf(community.residents.register).toBeFunction();
  expectTypeOf(community.council.decide).parameter(0).toHaveProperty("votesFor").toEqualTypeOf<number>();

  const gateOnly = await createCommunity({
    config: baseConfig(),
    storage: memoryStorage(),
    plugins: [gatePlugin()],
  });
  // @ts-expect-error the council plugin was not passed, so it has no API here
  gateOnly.council.decide;
  expectTypeOf(gateOnly).not.toHaveProperty("council");

  const bare: Community = await createCommunity({ config: baseConfig(), storage: memoryStorage() });
  // @ts-expect-error no plugins: no gate API
  bare.gate;
});

test("command inputs are typed: a wrong field type is a compile error", async () => {
  const community = await createCommunity({
    config: withCouncil(),
    storage: memoryStorage(),
    plugins: [gatePlugin(), councilPlugin()],
  });
  const actor = { kind: "staff", id: "desk" } as const;
  // @ts-expect-error votesFor is a number
  void community.council.decide({ actor, courtyard: "c", title: "t", votesFor: "six", votesAgainst: 0 });
  // @ts-expect-error actor is required
  void community.council.decide({ courtyard: "c", title: "t", votesFor: 6, votesAgainst: 0 });
  // subject "none": the command takes no forResident
  expectTypeOf(community.council.decide).parameter(0).not.toHaveProperty("forResident");
  // Bound once: the same command without `actor`.
  const desk = community.as(actor);
  expectTypeOf(desk.council.decide).parameter(0).not.toHaveProperty("actor");
  void desk.council.decide({ courtyard: "c", title: "t", votesFor: 6, votesAgainst: 0 });
  void desk.for("r1").gate.check();
});

describe("plugin options are inferred from the config schema", () => {
  test("ctx.options and cx.options, with no annotation and no `as const`", () => {
    definePlugin({
      id: "notices",
      config: z.object({ maxLength: z.number().int().default(140) }).prefault({}),
      api: (ctx) => {
        expectTypeOf(ctx.options).toEqualTypeOf<{ maxLength: number }>();
        return ctx.commands({
          post: defineCommand({
            input: z.object({ text: z.string() }),
            run: async (cx, input) => {
              expectTypeOf(cx.options).toEqualTypeOf<{ maxLength: number }>();
              return input.text.slice(0, cx.options.maxLength);
            },
          }),
        });
      },
    });
    const plugin = definePlugin({ id: "bare", api: () => ({}) });
    expectTypeOf(plugin.id).toEqualTypeOf<"bare">();
  });

  test("the subject's type follows the command's subject mode", () => {
    defineCommand({
      subject: "required",
      input: z.object({}),
      run: async (cx) => expectTypeOf(cx.subject).toEqualTypeOf<string>(),
    });
    defineQuery({
      input: z.object({}),
      run: async (cx) => expectTypeOf(cx.subject).toEqualTypeOf<string | undefined>(),
    });
    defineCommand({
      subject: "none",
      input: z.object({}),
      run: async (cx) => expectTypeOf(cx.subject).toEqualTypeOf<undefined>(),
    });
  });
});

describe("events are typed by the plugin that owns them", () => {
  test("emit checks the payload; subscribers get it typed", () => {
    const run = async (cx: CommandContext) => {
      await cx.emit(councilEvents.CouncilDecided, { decisionId: "d1", courtyard: "c1" });
      // @ts-expect-error decisionId is a string
      await cx.emit(councilEvents.CouncilDecided, { decisionId: 1, courtyard: "c1" });
      // @ts-expect-error courtyard is missing
      await cx.emit(councilEvents.CouncilDecided, { decisionId: "d1" });
      // @ts-expect-error events are definitions, never strings
      await cx.emit("CouncilDecided", { decisionId: "d1", courtyard: "c1" });
    };
    void run;
    subscribe(councilEvents.CouncilDecided, (_cx, event) => {
      expectTypeOf(event.payload).toEqualTypeOf<{ decisionId: string; courtyard: string }>();
      expectTypeOf(event.type).toEqualTypeOf<"CouncilDecided">();
    });
    // @ts-expect-error an `on` key for an unknown event: no such event definition exists
    subscribe(councilEvents.CouncilDecidd, () => undefined);
    definePlugin({
      id: "listener",
      // @ts-expect-error subscriptions are made with subscribe(eventDef, fn), not keyed by strings
      on: { CouncilDecided: () => undefined },
      api: () => ({}),
    });
    const own = defineEvents("x", { Happened: z.object({ at: z.iso.datetime() }) });
    expectTypeOf(own.Happened.name).toEqualTypeOf<"Happened">();
  });
});

describe("the community config is typed by the kernel and the plugins passed", () => {
  test("a wrong resource kind or a missing required section is a compile error", async () => {
    defineCommunityConfig([gatePlugin(), councilPlugin()], {
      ...baseConfig(),
      council: { quorum: 3 },
      resources: [{ id: "dryer-1", kind: "space", name: { "zh-CN": "烘干机", en: "Dryer" } }],
    });
    defineCommunityConfig([gatePlugin(), councilPlugin()], {
      ...baseConfig(),
      council: { quorum: 3 },
      // @ts-expect-error "spaec" is no resource kind
      resources: [{ id: "dryer-1", kind: "spaec", name: { "zh-CN": "烘干机", en: "Dryer" } }],
    });
    // @ts-expect-error the council section is required (quorum has no default)
    defineCommunityConfig([gatePlugin(), councilPlugin()], { ...baseConfig() });
    await createCommunity({
      // @ts-expect-error quorum is a number
      config: { ...baseConfig(), council: { quorum: "three" } },
      storage: memoryStorage(),
      plugins: [gatePlugin(), councilPlugin()],
    });
  });
});

test("error codes are typed by the registered catalogs", () => {
  expectTypeOf<"CAPACITY_EXCEEDED">().toExtend<LinliError["code"]>();
  expectTypeOf<"QUORUM_NOT_MET">().toExtend<LinliError["code"]>(); // registered by the test fixtures
  const error: unknown = new Error("x");
  if (isLinliError(error, "ACCESS_DENIED")) expectTypeOf(error.code).toEqualTypeOf<"ACCESS_DENIED">();
  // @ts-expect-error a misspelt code is a compile error
  isLinliError(error, "ACCES_DENIED");
});
