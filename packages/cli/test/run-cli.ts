import { fileURLToPath } from "node:url";
import { runCli } from "../src/program";

/** The fixtures folder: tests run with it as the working directory, so file names are short. */
export const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Runs `linli` in process with buffered output. */
export async function run(args: readonly string[], cwd = fixtures) {
  let out = "";
  let err = "";
  const io = {
    out: (s: string) => {
      out += s;
    },
    err: (s: string) => {
      err += s;
    },
    cwd,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}
