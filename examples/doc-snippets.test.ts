// The code in the README and the plugin guide is what users copy first: compile it under
// `tsc --strict` (each document's ```ts blocks in order, as one module) and run the guide's demo.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "examples", ".snippets");

/** The ```ts blocks of a markdown file, joined in order. */
function snippetsOf(markdown: string): string {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
}

const documents = { readme: "README.md", plugins: "docs/plugins.md" } as const;

describe("documentation snippets", () => {
  mkdirSync(outDir, { recursive: true });
  for (const [name, path] of Object.entries(documents)) {
    writeFileSync(
      join(outDir, `${name}.ts`),
      `${snippetsOf(readFileSync(join(root, path), "utf8"))}\nexport {};\n`,
    );
  }
  writeFileSync(
    join(outDir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: { noEmit: true, strict: true, customConditions: ["@linli/source"] },
      include: ["*.ts"],
    }),
  );
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("compile under tsc --strict without a cast", { timeout: 120_000 }, () => {
    const sources = Object.keys(documents).map((n) => readFileSync(join(outDir, `${n}.ts`), "utf8"));
    for (const source of sources) expect(source).not.toMatch(/\bas (never|unknown|any)\b/);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(outDir, "tsconfig.json")], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  });

  it("the plugin guide's community runs: a report taken from the board, a hall under repair refused", async () => {
    const guide = await import(join(outDir, "plugins.ts"));
    const result = await guide.repairDemo();
    expect(result.first).toMatchObject({ text: "楼道灯坏了", status: "open" });
    expect(result.refused).toEqual(["UNDER_REPAIR"]);
  });
});
