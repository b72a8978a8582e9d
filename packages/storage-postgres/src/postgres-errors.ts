import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/storage-postgres`. Codes are stable API; messages are in zh-CN and
 * en and name the server and schema (never the password), so an operator can tell what to fix.
 */
export const postgresErrors = defineErrors({
  POSTGRES_OPTIONS_INVALID: {
    "zh-CN": "PostgreSQL 存储的选项无效：{summary}",
    en: "Invalid PostgreSQL storage options: {summary}",
  },
  POSTGRES_CONNECTION_FAILED: {
    "zh-CN": "无法连接 PostgreSQL 服务器 {target}：{reason}",
    en: "Cannot connect to the PostgreSQL server {target}: {reason}",
  },
  POSTGRES_CONNECTION_LOST: {
    "zh-CN": "与 PostgreSQL 服务器 {target} 的连接中断：{reason}；事务未提交",
    en: "The connection to the PostgreSQL server {target} was lost: {reason}; the transaction did not commit",
  },
  POSTGRES_COMMIT_UNCERTAIN: {
    "zh-CN":
      "提交时与 PostgreSQL 服务器 {target} 的连接中断：{reason}；无法确定事务是否已提交，请核对后再重试",
    en: "The connection to the PostgreSQL server {target} was lost during COMMIT: {reason}; the transaction may or may not have committed, so check before retrying",
  },
  POSTGRES_SCHEMA_TOO_NEW: {
    "zh-CN":
      "模式 {schema} 由更新版本的 linli 写入（结构版本 {found}，本版本最高支持 {supported}）；请升级 @linli/storage-postgres，数据库未被修改",
    en: "The schema {schema} was written by a newer linli (schema version {found}; this version supports up to {supported}); upgrade @linli/storage-postgres. The database was left unchanged",
  },
  POSTGRES_MODEL_CONFLICT: {
    "zh-CN": "模型 {model} 与模式 {schema} 中已有的表不一致：{reason}",
    en: "Model {model} does not match its existing table in schema {schema}: {reason}",
  },
  POSTGRES_DEADLOCK: {
    "zh-CN": "事务因死锁被 PostgreSQL 中止（已尝试 {attempts} 次），未写入任何数据；请重试",
    en: "PostgreSQL aborted the transaction to break a deadlock ({attempts} attempt(s)); nothing was written; try again",
  },
  POSTGRES_SERIALIZATION_FAILURE: {
    "zh-CN": "事务与并发事务冲突，被 PostgreSQL 中止（已尝试 {attempts} 次），未写入任何数据；请重试",
    en: "PostgreSQL aborted the transaction because of a conflict with a concurrent one ({attempts} attempt(s)); nothing was written; try again",
  },
  POSTGRES_LOCK_TIMEOUT: {
    "zh-CN": "等待锁超过 {timeoutMs} 毫秒，事务已中止，未写入任何数据；请稍后重试",
    en: "Waited more than {timeoutMs} ms for a lock; the transaction was aborted and nothing was written; try again",
  },
  POSTGRES_PERMISSION_DENIED: {
    "zh-CN": "数据库用户无权执行此操作：{reason}",
    en: "The database user lacks a permission: {reason}",
  },
  POSTGRES_CLOSED: {
    "zh-CN": "PostgreSQL 存储 {schema} 已关闭",
    en: "The PostgreSQL storage {schema} is closed",
  },
  POSTGRES_NOT_SET_UP: {
    "zh-CN": "模型 {model} 尚未在模式 {schema} 中建立（先调用 setup）",
    en: "Model {model} is not set up in schema {schema} (call setup first)",
  },
});

/** A `@linli/storage-postgres` error code. */
export type PostgresErrorCode = keyof typeof postgresErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof postgresErrors> {}
}
