// Every example is a workspace of its own (issue: "each a workspace, each run by `npm test`,
// each with its own README and run command"): a new folder under examples/ that is not listed in
// the root workspaces, has no tests or no README naming its run command fails here.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const here = import.meta.dirname;
const workspaces: string[] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).workspaces;
const examples = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory());

it("finds the examples", () => {
  expect(examples).toEqual(expect.arrayContaining(["quickstart", "http-api", "browser", "drying-room-desk"]));
});

it.each(examples)(
  "examples/%s is a workspace with tests, a run command and a README that names it",
  (name) => {
    const dir = join(here, name);
    expect(workspaces).toContain(`examples/${name}`);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.private).toBe(true);
    expect(pkg.scripts?.test).toBe(`cd ../.. && vitest run examples/${name}`);
    const run = pkg.scripts.start ? "start" : "dev";
    expect(pkg.scripts?.[run], `examples/${name} has a start (or dev) script`).toBeTypeOf("string");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (f) => !f.includes("node_modules"),
    );
    expect(files.some((f) => f.endsWith(".test.ts"))).toBe(true);
    expect(existsSync(join(dir, "README.md"))).toBe(true);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toContain(`-w examples/${name}`);
  },
);
