import { execFile, execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster for tests and benches, run as the `postgres` OS user. */
export interface PgTestServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth). */
  readonly url: string;
  /** The TCP port on 127.0.0.1. */
  readonly port: number;
  /** The cluster's data folder (also the Unix socket folder); deleted by `stop`. */
  readonly dataDir: string;
  /** A connection string to a database of this cluster. */
  urlOf(database: string): string;
  /** Kills the server as a crash would (`pg_ctl stop -m immediate`: no checkpoint, no flush). */
  crash(): Promise<void>;
  /** Starts the server again on the same data folder and port (after `crash` or `shutdown`). */
  restart(): Promise<void>;
  /** Stops the server cleanly (`pg_ctl stop -m fast`: sessions terminated, checkpoint), keeping its data. */
  shutdown(): Promise<void>;
  /**
   * A fast shutdown and a start again, run synchronously: this process's event loop stays
   * blocked throughout, so its pooled connections see the server close them only afterwards
   * (as when a restart happens while the app is busy).
   */
  bounceBlocking(): void;
  /** Stops the server (`pg_ctl stop -m fast`) and deletes its data folder (unless it was given as `dataDir`). */
  stop(): Promise<void>;
}

/** Options of {@link startPgServer}. */
export interface PgTestServerOptions {
  /**
   * Keep PostgreSQL's durable defaults (fsync on). When false, fsync and synchronous_commit
   * are off: faster DDL and commits, but a crash of the machine could lose commits. Only the
   * durability tests need true.
   */
  readonly durable?: boolean;
  /** More server settings, e.g. `{ deadlock_timeout: "50ms" }`. */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * A cluster folder kept between runs (benches' cached data): created with `initdb` if it
   * holds no cluster yet, never deleted by `stop`. @default a new temporary folder, deleted by `stop`
   */
  readonly dataDir?: string;
}

/** The folder of PostgreSQL's binaries (the newest installed major version). */
export function pgBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (no initdb). " +
        "Install them with `apt-get update && apt-get install -y postgresql` (the project's .ci/run does this).",
    );
  return join(root, versions[0]!, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function asPostgres(bin: string, args: readonly string[], cwd: string): Promise<void> {
  try {
    await run("runuser", ["-u", "postgres", "--", bin, ...args], { cwd });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.stderr || e.message}`);
  }
}

/**
 * Starts a throwaway cluster: `initdb` in a fresh temporary folder (owned by `postgres`,
 * trust auth), then `pg_ctl start` listening on 127.0.0.1 at a free port with its socket
 * in the data folder. Must run as root (it uses `runuser -u postgres`).
 */
export async function startPgServer(options: PgTestServerOptions = {}): Promise<PgTestServer> {
  const bin = pgBinDir();
  if (process.getuid?.() !== 0)
    throw new Error(
      "the PostgreSQL test server is started as root (it runs initdb and pg_ctl through `runuser -u postgres`); " +
        "run the tests as root, as .ci/run does",
    );
  const kept = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "linli-pg-"));
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, ...postgresIds());
  chmodSync(dataDir, 0o700);
  if (!existsSync(join(dataDir, "PG_VERSION")))
    await asPostgres(
      join(bin, "initdb"),
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
      dataDir,
    );
  const port = await freePort();
  const settings = [
    "-c listen_addresses=127.0.0.1",
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c max_connections=200",
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    ...Object.entries(options.settings ?? {}).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
  const pgCtl = join(bin, "pg_ctl");
  const start = () =>
    asPostgres(
      pgCtl,
      ["-D", dataDir, "-l", join(dataDir, "server.log"), "-w", "-o", settings, "start"],
      dataDir,
    );
  await start();
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  // A safety net if the process ends without `stop` (a crashed test worker): an immediate
  // shutdown of the postmaster (SIGQUIT) and the data folder removed, so no cluster is left.
  const onExit = () => {
    try {
      const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, kept ? "SIGINT" : "SIGQUIT");
    } catch {
      // Not running.
    }
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  return {
    url: urlOf("postgres"),
    port,
    dataDir,
    urlOf,
    async crash() {
      await asPostgres(pgCtl, ["-D", dataDir, "-w", "-m", "immediate", "stop"], dataDir);
      running = false;
    },
    async restart() {
      await start();
      running = true;
    },
    async shutdown() {
      await asPostgres(pgCtl, ["-D", dataDir, "-w", "-m", "fast", "stop"], dataDir);
      running = false;
    },
    bounceBlocking() {
      const asUser = (args: readonly string[]) =>
        execFileSync("runuser", ["-u", "postgres", "--", pgCtl, ...args], { cwd: dataDir, stdio: "pipe" });
      asUser(["-D", dataDir, "-w", "-m", "fast", "stop"]);
      asUser(["-D", dataDir, "-l", join(dataDir, "server.log"), "-w", "-o", settings, "start"]);
    },
    async stop() {
      process.off("exit", onExit);
      try {
        if (running) await asPostgres(pgCtl, ["-D", dataDir, "-w", "-m", "fast", "stop"], dataDir);
        running = false;
      } finally {
        if (!kept) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds(): [number, number] {
  // The uid and gid of the `postgres` user, from /etc/passwd (it exists with the package).
  const line = requirePasswdLine("postgres");
  const [, , uid, gid] = line.split(":");
  return [Number(uid), Number(gid)];
}

function requirePasswdLine(user: string): string {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${user}:`));
  if (!line)
    throw new Error(
      `no "${user}" user: install PostgreSQL with \`apt-get update && apt-get install -y postgresql\``,
    );
  return line;
}
