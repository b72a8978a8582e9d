import { execFileSync } from "node:child_process";
import {
  chmodSync,
  constants,
  accessSync,
  readFileSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from "node:fs";
import { isLinliError, type LinliError } from "@linli/core";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { tempDir } from "../test/temp-dir";
import { SCHEMA_VERSION } from "./schema-migrations";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

function failure(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (error) {
    if (isLinliError(error)) return error;
    throw new Error(`expected a LinliError, got ${String(error)}`);
  }
  throw new Error("expected a LinliError, nothing was thrown");
}

/**
 * Makes a file read-only for this process: `chmod 444`, or, for root (who ignores file
 * modes), the immutable attribute. Returns an undo function, or undefined when neither works.
 */
function makeReadOnly(file: string): (() => void) | undefined {
  const writable = () => {
    try {
      accessSync(file, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  chmodSync(file, 0o444);
  if (!writable()) return () => chmodSync(file, 0o644);
  try {
    execFileSync("chattr", ["+i", file], { stdio: "ignore" });
  } catch {
    chmodSync(file, 0o644);
    return undefined;
  }
  return () => {
    execFileSync("chattr", ["-i", file], { stdio: "ignore" });
    chmodSync(file, 0o644);
  };
}

describe("bad input gives a LinliError with a clear message, and no crash", () => {
  test("a file name in a missing folder: SQLITE_FOLDER_MISSING, nothing created", () => {
    const filename = dir.file("no-such-folder/linli.db");
    const error = failure(() => sqliteStorage({ filename }));
    expect(error.code).toBe("SQLITE_FOLDER_MISSING");
    expect(error.messages.en).toContain("no-such-folder");
    expect(error.messages["zh-CN"]).toContain("文件夹");
    expect(existsSync(dir.file("no-such-folder"))).toBe(false);
  });

  test("a file that is not SQLite: SQLITE_NOT_A_DATABASE, the file unchanged", () => {
    const filename = dir.file("notes.db");
    const content = "居民名单\nWang Nainai, 3号楼\n".repeat(50);
    writeFileSync(filename, content);
    const error = failure(() => sqliteStorage({ filename }));
    expect(error.code).toBe("SQLITE_NOT_A_DATABASE");
    expect(error.messages.en).toContain("notes.db");
    expect(error.messages["zh-CN"]).toContain("不是 SQLite 数据库");
    expect(readFileSync(filename, "utf8")).toBe(content);
    expect(readdirSync(dir.path).filter((f) => f.startsWith("notes.db"))).toEqual(["notes.db"]);
  });

  test("a damaged SQLite file whose header is fine but pages are not: a LinliError, not a crash", async () => {
    const filename = dir.file("damaged.db");
    const good = dir.file("good.db");
    await sqliteStorage({ filename: good }).close();
    const bytes = readFileSync(good);
    // Keep the 16-byte magic, scramble the rest of the header.
    for (let i = 16; i < 100; i++) bytes[i] = 0xff;
    writeFileSync(filename, bytes);
    const error = failure(() => sqliteStorage({ filename }));
    expect(error.code).toBe("SQLITE_NOT_A_DATABASE");
  });

  test("a read-only file: SQLITE_READ_ONLY, the file unchanged", async (context) => {
    const filename = dir.file("readonly.db");
    const storage = sqliteStorage({ filename });
    await storage.close();
    const before = readFileSync(filename);
    const undo = makeReadOnly(filename);
    if (!undo) return context.skip("cannot make a file read-only here (root without chattr)");
    try {
      const error = failure(() => sqliteStorage({ filename }));
      expect(error.code).toBe("SQLITE_READ_ONLY");
      expect(error.messages.en).toContain("read-only");
      expect(error.messages["zh-CN"]).toContain("只读");
      // The file's path is for the logs; what a client is sent names nothing on the server.
      expect(error.internal.filename).toBe(filename);
      expect(JSON.stringify(error)).not.toContain(dir.path);
    } finally {
      undo();
    }
    expect(readFileSync(filename).equals(before)).toBe(true);
  });

  test("a folder given as the file: SQLITE_OPEN_FAILED", () => {
    const error = failure(() => sqliteStorage({ filename: dir.path }));
    expect(error.code).toBe("SQLITE_OPEN_FAILED");
    expect(error.messages.en).toContain("folder");
  });

  test("invalid options: SQLITE_OPTIONS_INVALID listing every problem, nothing created", () => {
    const filename = dir.file("options.db");
    const error = failure(() =>
      sqliteStorage({ filename, synchronous: "OFF", busyTimeoutMs: -1 } as unknown as Parameters<
        typeof sqliteStorage
      >[0]),
    );
    expect(error.code).toBe("SQLITE_OPTIONS_INVALID");
    expect(error.messages.en).toContain("synchronous");
    expect(error.messages.en).toContain("busyTimeoutMs");
    expect(existsSync(filename)).toBe(false);
    expect(failure(() => sqliteStorage({ filename: "" })).code).toBe("SQLITE_OPTIONS_INVALID");
    expect(
      failure(() =>
        sqliteStorage({ filename, extra: true } as unknown as Parameters<typeof sqliteStorage>[0]),
      ).code,
    ).toBe("SQLITE_OPTIONS_INVALID");
  });
});

describe("opening", () => {
  test("a new file is in WAL mode and records the current schema version", async () => {
    for (const synchronous of ["NORMAL", "FULL"] as const) {
      const filename = dir.file(`sync-${synchronous}.db`);
      const storage = sqliteStorage({ filename, synchronous });
      expect(storage.migratedFrom).toBe(0);
      await storage.close();
      const db = new Database(filename, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.prepare("SELECT value FROM linli_meta WHERE key = 'schema_version'").pluck().get()).toBe(
        String(SCHEMA_VERSION),
      );
      db.close();
    }
  });

  test("a closed storage refuses transactions with SQLITE_CLOSED", async () => {
    const storage = sqliteStorage({ filename: dir.file("closed.db") });
    await storage.close();
    await expect(storage.transaction(async () => 1)).rejects.toMatchObject({ code: "SQLITE_CLOSED" });
  });
});
