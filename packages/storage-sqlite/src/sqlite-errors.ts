import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/storage-sqlite`. Codes are stable API; messages are in zh-CN and en
 * and name the file, so a community office can tell what to fix.
 */
export const sqliteErrors = defineErrors({
  SQLITE_OPTIONS_INVALID: {
    "zh-CN": "SQLite 存储的选项无效：{summary}",
    en: "Invalid SQLite storage options: {summary}",
  },
  SQLITE_FOLDER_MISSING: {
    "zh-CN": "无法打开数据库 {filename}：文件夹 {folder} 不存在",
    en: "Cannot open database {filename}: the folder {folder} does not exist",
  },
  SQLITE_NOT_A_DATABASE: {
    "zh-CN": "文件 {filename} 不是 SQLite 数据库（可能已损坏或是其他类型的文件），未做任何修改",
    en: "The file {filename} is not an SQLite database (it may be damaged or another kind of file); it was left unchanged",
  },
  SQLITE_READ_ONLY: {
    "zh-CN": "数据库 {filename} 是只读的，无法写入；请检查文件权限",
    en: "The database {filename} is read-only and cannot be written; check the file's permissions",
  },
  SQLITE_OPEN_FAILED: {
    "zh-CN": "无法打开数据库 {filename}：{reason}",
    en: "Cannot open database {filename}: {reason}",
  },
  SQLITE_SCHEMA_TOO_NEW: {
    "zh-CN":
      "数据库 {filename} 由更新版本的 linli 写入（结构版本 {found}，本版本最高支持 {supported}）；请升级 @linli/storage-sqlite，数据库未被修改",
    en: "The database {filename} was written by a newer linli (schema version {found}; this version supports up to {supported}); upgrade @linli/storage-sqlite. The database was left unchanged",
  },
  SQLITE_MODEL_CONFLICT: {
    "zh-CN": "模型 {model} 与数据库中已有的表不一致：{reason}",
    en: "Model {model} does not match its existing table: {reason}",
  },
  SQLITE_BUSY: {
    "zh-CN": "数据库 {filename} 被其他进程占用超过 {timeoutMs} 毫秒，请稍后重试",
    en: "The database {filename} was locked by another process for more than {timeoutMs} ms; try again",
  },
  SQLITE_CLOSED: {
    "zh-CN": "数据库 {filename} 已关闭",
    en: "The database {filename} is closed",
  },
  SQLITE_BACKUP_FAILED: {
    "zh-CN": "无法将数据库备份到 {target}：{reason}",
    en: "Cannot back up the database to {target}: {reason}",
  },
});

/** A `@linli/storage-sqlite` error code. */
export type SqliteErrorCode = keyof typeof sqliteErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof sqliteErrors> {}
}
