import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadConfig } from "../src/config/load-config";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Loads `main.yaml` from files written into a fresh folder. */
function load(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "linli-merge-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadConfig("main.yaml", { cwd: dir });
}

describe("extends and the merge semantics", () => {
  test("maps merge key by key; null removes a key; scalars and lists without ids are replaced", () => {
    const { value, problems } = load({
      "base.yaml": "a: { x: 1, y: 2, z: 3 }\nlist: [1, 2, 3]\n",
      "main.yaml": "extends: ./base.yaml\na: { y: 20, z: null }\nlist: [4]\n",
    });
    expect(problems).toEqual([]);
    expect(value).toEqual({ a: { x: 1, y: 20 }, list: [4] });
  });

  test("lists of entries with ids merge by id: merged in place, new ones appended, $delete removes", () => {
    const { value } = load({
      "base.yaml":
        "resources:\n  - { id: a, capacity: 1, tags: [x] }\n  - { id: b, capacity: 2 }\n  - { id: c }\n",
      "main.yaml":
        "extends: ./base.yaml\nresources:\n  - { id: d }\n  - { id: a, capacity: 5 }\n  - { id: c, $delete: true }\n",
    });
    expect(value).toEqual({
      resources: [{ id: "a", capacity: 5, tags: ["x"] }, { id: "b", capacity: 2 }, { id: "d" }],
    });
  });

  test("several extends apply in order, the file itself last; $include splices a file in", () => {
    const { value } = load({
      "one.yaml": "a: 1\nb: 1\n",
      "two.yaml": "b: 2\nc: 2\n",
      "part.yaml": "- { id: x }\n",
      "main.yaml": "extends: [./one.yaml, ./two.yaml]\nc: 3\nitems: { $include: ./part.yaml }\n",
    });
    expect(value).toEqual({ a: 1, b: 2, c: 3, items: [{ id: "x" }] });
  });

  test("a cycle of extends is a problem at the extends that closes it, not a hang", () => {
    const { problems } = load({
      "main.yaml": "extends: ./other.yaml\n",
      "other.yaml": "extends: ./main.yaml\n",
    });
    expect(problems.map((p) => [p.code, p.file, p.message.en])).toEqual([
      ["EXTENDS_CYCLE", "other.yaml", "Cycle: main.yaml extends or includes itself"],
    ]);
  });

  test("an unknown preset name lists the presets", () => {
    const { problems } = load({ "main.yaml": "extends: wangjialog\n" });
    expect(problems.map((p) => p.message.en)).toEqual([
      'Unknown preset "wangjialog": the presets are wangjialong, library-of-things; write a file as a relative path (./base.yaml)',
    ]);
  });
});

describe("mergeConfig (the same semantics on values in memory)", () => {
  test("a what-if change over a preset: the gym at 20 yuan, one rule changed, the preset untouched", async () => {
    const { presetCopy } = await import("@linli/presets");
    const { mergeConfig } = await import("../src/config/merge");
    const base = presetCopy("wangjialong");
    const before = JSON.stringify(base);
    const changed = mergeConfig(base, {
      pricing: { memberships: [{ id: "gym-monthly", price: 2000 }] },
      booking: { rules: [{ id: "drying-room-daily-quota", period: "week", max: 3 }] },
    }) as typeof base;
    expect(changed.pricing?.memberships?.[0]).toMatchObject({
      id: "gym-monthly",
      price: 2000,
      uses: "unlimited",
    });
    expect(changed.booking?.rules?.find((r) => r.id === "drying-room-daily-quota")).toMatchObject({
      kind: "quota",
      period: "week",
      max: 3,
    });
    expect(changed.resources).toEqual(base.resources);
    expect(JSON.stringify(base)).toBe(before);
  });
});
