import { expectTypeOf, test } from "vitest";
import { type Community, createCommunity } from "../src/index";
import { memoryStorage } from "@linli/storage-memory";
import { baseConfig } from "./fixtures";
import { councilPlugin, gatePlugin } from "./plugin-fixtures";

test("a plugin's commands exist on the community only when the plugin is passed", async () => {
  const withCouncil = await createCommunity({
    config: baseConfig(),
    storage: memoryStorage(),
    plugins: [gatePlugin(), councilPlugin()],
  });
  expectTypeOf(withCouncil.council.decide).toBeFunction();
  expectTypeOf(withCouncil.gate.check).toBeFunction();
  expectTypeOf(withCouncil.residents.register).toBeFunction();
  expectTypeOf(withCouncil.council.decide).parameter(0).toHaveProperty("votesFor").toEqualTypeOf<number>();

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
    config: baseConfig(),
    storage: memoryStorage(),
    plugins: [gatePlugin(), councilPlugin()],
  });
  const actor = { kind: "staff", id: "desk" } as const;
  // @ts-expect-error votesFor is a number
  void community.council.decide({ actor, courtyard: "c", title: "t", votesFor: "six", votesAgainst: 0 });
  // @ts-expect-error actor is required
  void community.council.decide({ courtyard: "c", title: "t", votesFor: 6, votesAgainst: 0 });
});
