// The code in the READMEs and the guides is what users copy first. Every ```ts block of every
// README.md (root, packages/*, examples/*) and of every page in docs/ is compiled under
// `tsc --strict` (each document's blocks in order, as one module), and every document is run
// (imported), so no snippet can rot.
//
// Opting out takes an explicit marker with a reason, on the line just before the block:
//   <!-- snippet: skip (why this block cannot compile: a fragment of a file shown above, …) -->
// and, for a whole document that compiles but must not run (it needs a PostgreSQL server, writes
// to /srv, declares vitest tests), anywhere in it:
//   <!-- snippets: compile-only (why) -->
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "examples", ".snippets");

const SKIP = /<!--\s*snippet:\s*skip\s*\((.*)\)\s*-->\s*$/;
const COMPILE_ONLY = /<!--\s*snippets:\s*compile-only\s*\((.+)\)\s*-->/;

/** One document's ```ts blocks: those compiled (joined in order) and those skipped, with their reasons. */
function snippetsOf(markdown: string): { code: string; skipped: string[]; blocks: number } {
  const compiled: string[] = [];
  const skipped: string[] = [];
  let blocks = 0;
  for (const m of markdown.matchAll(/```ts\n([\s\S]*?)```/g)) {
    blocks++;
    const before = markdown.slice(0, m.index).trimEnd();
    const marker = SKIP.exec(before.slice(before.lastIndexOf("\n") + 1));
    if (marker) skipped.push(marker[1]?.trim() ?? "");
    else compiled.push(m[1] ?? "");
  }
  return { code: compiled.join("\n"), skipped, blocks };
}

/** Every README.md and docs page, as repository-relative paths. */
function documents(): string[] {
  const readmesIn = (dir: string) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => existsSync(join(root, dir, name, "README.md")))
          .map((name) => `${dir}/${name}/README.md`)
      : [];
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`);
  return ["README.md", ...readmesIn("packages"), ...readmesIn("examples"), ...docs].sort();
}

/** The module file a document compiles to. */
const moduleName = (path: string) => `${path.replace(/\.md$/, "").replace(/[^A-Za-z0-9]+/g, "-")}.ts`;

const all = documents().map((path) => {
  const markdown = readFileSync(join(root, path), "utf8");
  return { path, ...snippetsOf(markdown), compileOnly: COMPILE_ONLY.exec(markdown)?.[1]?.trim() };
});
const withCode = all.filter((d) => d.code.trim() !== "");

describe("documentation snippets", () => {
  mkdirSync(outDir, { recursive: true });
  for (const d of withCode) writeFileSync(join(outDir, moduleName(d.path)), `${d.code}\nexport {};\n`);
  writeFileSync(
    join(outDir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: {
        noEmit: true,
        strict: true,
        customConditions: ["@linli/source"],
        // Reruns check only what changed (the packages' sources are most of the work).
        incremental: true,
        tsBuildInfoFile: "../../node_modules/.cache/linli-doc-snippets.tsbuildinfo",
      },
      include: ["*.ts"],
    }),
  );
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("covers every README and docs page, and the main ones have code", () => {
    const paths = all.map((d) => d.path);
    for (const expected of [
      "README.md",
      "docs/getting-started.md",
      "docs/plugins.md",
      "packages/core/README.md",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(withCode.length).toBeGreaterThanOrEqual(15);
  });

  it("skips a block only with a reason", () => {
    for (const d of all) for (const reason of d.skipped) expect(reason, d.path).not.toBe("");
  });

  it("compile under tsc --strict without a cast", { timeout: 120_000 }, () => {
    for (const d of withCode) expect(d.code, d.path).not.toMatch(/\bas (never|unknown|any)\b/);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(outDir, "tsconfig.json")], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  });

  for (const d of withCode.filter((doc) => doc.compileOnly === undefined)) {
    it(`${d.path} runs`, { timeout: 60_000 }, async () => {
      await import(join(outDir, moduleName(d.path)));
    });
  }

  it("the plugin guide's community runs: a report taken from the board, a hall under repair refused", async () => {
    const guide = await import(join(outDir, moduleName("docs/plugins.md")));
    const result = await guide.repairDemo();
    expect(result.first).toMatchObject({ text: "楼道灯坏了", status: "open" });
    expect(result.refused).toEqual(["UNDER_REPAIR"]);
  });
});
