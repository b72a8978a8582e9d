import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: workers run from it so that `--import tsx` resolves. */
const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Starts a TypeScript worker in its own Node process, on the sources (the `@linli/source`
 * export condition) through tsx, with an IPC channel.
 */
export function spawnWorker(script: string, args: readonly string[]): ChildProcess {
  const path = fileURLToPath(new URL(`./workers/${script}`, import.meta.url));
  return fork(path, [...args], {
    cwd: root,
    execArgv: ["--conditions=@linli/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** The next IPC message of `type` from a child; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}) before "${type}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Resolves once a child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
