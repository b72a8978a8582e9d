import { fileURLToPath } from "node:url";
import { runCli } from "../src/program";

/** The fixtures folder: tests run with it as the working directory, so file names are short. */
export const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Runs `linli` in process with buffered output. */
export async function run(args: readonly string[], cwd = fixtures) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s), cwd });
  return { code, out, err };
}
