import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { fixtures } from "./run-cli";

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url));

describe("the linli command as a real process", () => {
  test("validate prints the problems at their lines, in the files they come from, and exits 1", () => {
    const node = (file: string) =>
      spawnSync(process.execPath, ["--conditions=@linli/source", "--import", "tsx", bin, "validate", file], {
        cwd: fixtures,
        encoding: "utf8",
      });
    const bad = node("child.yaml");
    expect(bad.status).toBe(1);
    expect(bad.stdout.split("\n").filter((l) => /^\S/.test(l))).toEqual([
      "child.yaml:6:15  resources[1].capacity  TOO_SMALL",
      "base.yaml:4:13  community.timeZone  INVALID_TIME_ZONE",
      "✖ child.yaml: 2 problems",
    ]);
  }, 60_000);
});
