import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../src/config/load-config";

/** Loads `main.yaml` from files written into a fresh folder. */
function load(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "linli-merge-"));
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
