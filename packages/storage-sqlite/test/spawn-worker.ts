import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: workers run from it so that `--import tsx` resolves. */
const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Starts a TypeScript worker in its own Node process, on the sources (the `@linli/source`
 * export condition) through tsx, with an IPC channel.
 */
export function spawnWorker(
  script: string,
  args: readonly string[],
  options: { pipe?: boolean } = {},
): ChildProcess {
  const path = fileURLToPath(new URL(`./workers/${script}`, import.meta.url));
  return fork(path, [...args], {
    cwd: root,
    execArgv: ["--conditions=@linli/source", "--import", "tsx"],
    stdio: options.pipe ? ["ignore", "pipe", "inherit", "ipc"] : ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** Resolves with the exit code or signal of a child once it has exited. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
