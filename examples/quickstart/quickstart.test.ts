// The root README's quickstart block is examples/quickstart/quickstart.ts, verbatim, and it runs
// with the command its README gives (`npm start`: Node with the `@linli/source` condition, no build).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

/** The first ```ts block after the README's `## Quickstart` heading. */
function readmeQuickstart(): string {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const section = readme.slice(readme.indexOf("## Quickstart"));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error("README.md has no ```ts block under ## Quickstart");
  return block;
}

describe("examples/quickstart", () => {
  it("starts with the README's quickstart block, character for character", () => {
    const source = readFileSync(`${here}quickstart.ts`, "utf8");
    expect(source.slice(0, readmeQuickstart().length)).toBe(readmeQuickstart());
  });

  it("runs with its start script and does what the README says", { timeout: 60_000 }, () => {
    const pkg = JSON.parse(readFileSync(`${here}package.json`, "utf8"));
    expect(pkg.scripts.start).toBe("node --conditions=@linli/source --import tsx quickstart.ts");
    const out = execFileSync(
      process.execPath,
      ["--conditions=@linli/source", "--import", "tsx", "quickstart.ts"],
      { cwd: here, encoding: "utf8" },
    );
    const result = JSON.parse(out.trim().split("\n").at(-1) ?? "");
    expect(result.groups).toEqual(["elderly-living-alone"]);
    expect(result.events).toEqual(["ResidentRegistered", "EligibilityGranted", "NoticePosted"]);
    expect(typeof result.resident).toBe("string");
  });
});
