import { defineErrors } from "./errors";

/** Error codes of the kernel (`@linli/core`). */
export const coreErrors = defineErrors({
  VALIDATION_FAILED: {
    "zh-CN": "输入无效：{summary}",
    en: "Invalid input: {summary}",
  },
  CONFIG_INVALID: {
    "zh-CN": "社区配置有 {count} 处错误",
    en: "The community configuration has {count} problem(s)",
  },
  ACCESS_DENIED: {
    "zh-CN": "{actorKind} 无权执行 {action}",
    en: "A {actorKind} may not {action}",
  },
  NOT_FOUND: {
    "zh-CN": "找不到 {model} {id}",
    en: "{model} {id} was not found",
  },
  DUPLICATE: {
    "zh-CN": "{model} {id} 已存在",
    en: "{model} {id} already exists",
  },
  CAPACITY_EXCEEDED: {
    "zh-CN": "{key} 的容量为 {capacity}，已满（已占用 {used}，申请 {requested}）",
    en: "{key} is full: capacity {capacity}, {used} in use, {requested} requested",
  },
  PLUGIN_MISSING_DEPENDENCY: {
    "zh-CN": "插件 {plugin} 需要插件 {requires}，但未提供",
    en: "Plugin {plugin} requires plugin {requires}, which was not given",
  },
  PLUGIN_CONFLICT: {
    "zh-CN": "插件冲突：{reason}",
    en: "Plugin conflict: {reason}",
  },
  UNKNOWN_EVENT: {
    "zh-CN": "插件 {plugin} 订阅了未声明的事件 {event}",
    en: "Plugin {plugin} subscribes to {event}, which no installed plugin declares",
  },
  UNKNOWN_COMMAND: {
    "zh-CN": "插件 {plugin} 的钩子指向不存在的命令 {command}",
    en: "Plugin {plugin} hooks {command}, which is not a command of this community",
  },
  SUBJECT_REQUIRED: {
    "zh-CN": "{command} 需要指明居民（forResident）",
    en: "{command} needs the resident it concerns (forResident)",
  },
  IDEMPOTENCY_KEY_REUSED: {
    "zh-CN": "幂等键 {key} 已用于另一个命令 {command}",
    en: "Idempotency key {key} was already used for another command ({command})",
  },
  UNKNOWN_ACTOR: {
    "zh-CN": "操作者不是本社区已登记且有效的居民或成员",
    en: "The acting person is not a registered, active resident or member of this community",
  },
  UNKNOWN_RESIDENT: {
    "zh-CN": "居民 {residentId} 不存在",
    en: "Resident {residentId} does not exist",
  },
  UNKNOWN_GROUP: {
    "zh-CN": "资格类别 {groupId} 未在社区配置中定义",
    en: "Eligibility group {groupId} is not defined in the community configuration",
  },
  INVALID_CURRENCY: {
    "zh-CN": "无效的货币代码 {currency}",
    en: "Unknown currency code {currency}",
  },
  CURRENCY_MISMATCH: {
    "zh-CN": "货币不一致：{left} 与 {right}",
    en: "Currency mismatch: {left} and {right}",
  },
  INVALID_AMOUNT: {
    "zh-CN": "金额必须是整数（以最小货币单位计），收到 {amount}",
    en: "Amounts are integers in minor units; got {amount}",
  },
  INVALID_TIME_ZONE: {
    "zh-CN": "无效的时区 {timeZone}",
    en: "Unknown IANA time zone {timeZone}",
  },
  STORAGE_FAILED: {
    "zh-CN": "数据存储暂时出错，未保存任何更改；请稍后重试",
    en: "The data store failed; nothing was changed. Please try again later",
  },
  STORAGE_ERROR: {
    "zh-CN": "存储错误：{reason}",
    en: "Storage error: {reason}",
  },
  ZOD_VERSION_UNSUPPORTED: {
    "zh-CN":
      "linli 需要 zod 4（对等依赖 zod ^4），但模型 {model} 的字段 {field} 是 {found} 的 schema；请安装 zod 4：npm install zod@^4",
    en: "linli needs zod 4 (peer dependency zod ^4), but field {field} of model {model} is a {found} schema; install zod 4: npm install zod@^4",
  },
  READ_ONLY_TRANSACTION: {
    "zh-CN": "只读事务不能执行 {operation}（{subject}），未写入任何数据",
    en: "A read-only transaction cannot {operation} ({subject}); nothing was written",
  },
  TRANSACTION_FINISHED: {
    "zh-CN": "事务已结束（已提交或已回滚），不能再使用；请在事务函数内完成所有读写",
    en: "The transaction has finished (committed or rolled back) and can no longer be used; do every read and write inside the transaction's function",
  },
  STORAGE_CAPABILITY_MISSING: {
    "zh-CN": "存储适配器 {adapter} 缺少必需能力 {capability}",
    en: "Storage adapter {adapter} lacks the required capability {capability}",
  },
  UNKNOWN_PERMISSION_COMMAND: {
    "zh-CN": "配置的 permissions 指向不存在的命令 {command}",
    en: "permissions names {command}, which is not a command of this community",
  },
  INVALID_AUDIT_ENTRY: {
    "zh-CN": "审计记录无效：{summary}",
    en: "Invalid audit record: {summary}",
  },
});

/** A kernel error code. */
export type CoreErrorCode = keyof typeof coreErrors;
