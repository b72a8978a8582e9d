// The public surface of @linli/core, listed name by name: what an app embedding linli and a
// plugin author use. Adapter authors' helpers are on `@linli/core/adapter`; everything else in
// src/ is internal. A change here shows in `api/core.api.md` (the API report).

// A community and its API.
export {
  type ActingCommunity,
  type Community,
  type CommunityApi,
  createCommunity,
  type CreateCommunityOptions,
} from "./community";
export type { Bound, BoundMeta } from "./acting-as";
export type { Delegation, EligibilityGrant, Household, KernelApi, Resident } from "./kernel-api";
export { coreEvents } from "./kernel/kernel-events";

// Configuration.
export {
  type CommunityConfig,
  type CommunityConfigInput,
  type ConfigCheckContext,
  type ConfigInputOf,
  defineCommunityConfig,
  type ReportProblem,
} from "./plugin";
export { communityConfigJsonSchema, parseCommunityConfig } from "./community-config";
export { registriesOf } from "./plugin-set";
export {
  type EligibilityGroup,
  idSchema,
  type KernelConfig,
  type KernelConfigInput,
  localizedTextSchema,
  PLACE_KINDS,
  type Place,
  RESOURCE_KINDS,
  type Resource,
  type ResourceGroup,
} from "./config-schema";
export { type CustomIssueParams, customProblem, type Problem, validate } from "./config-problem";

// Plugins: commands, events, models, registries.
export {
  type AfterHook,
  type AnyPlugin,
  type BeforeHook,
  definePlugin,
  type LinliPlugin,
  type OptionsOf,
  type PluginApis,
  type PluginContext,
} from "./plugin";
export {
  type ActorMeta,
  type AllowSpec,
  type AnyCommandDefinition,
  type CommandContext,
  type CommandDefinition,
  type CommandFn,
  type CommandInput,
  type CommandSpec,
  type CommandsOf,
  type CommandTree,
  defineCommand,
  defineQuery,
  type MetaOf,
  type SubjectMeta,
  type SubjectMode,
  type SubjectOf,
} from "./command";
export {
  type AnyEventDef,
  defineEvents,
  type EventDef,
  type EventMap,
  type PayloadOf,
  type Subscription,
  subscribe,
  type TypedEvent,
} from "./event-def";
export type { DomainEvent } from "./events";
export {
  defineModel,
  type FieldDef,
  type FieldKind,
  type IndexCondition,
  type IndexDef,
  type InputOf,
  type ModelDef,
  type RowKeys,
  type RowOf,
} from "./model";
export { type Contribution, contribute, defineRegistry, type Registries, type RegistryKey } from "./registry";
export type { OverlapRange, ReserveOptions, Tx } from "./tx";
export type {
  ComparisonOperator,
  FieldWhere,
  KeysOfType,
  ListOperator,
  ModelFindManyOptions,
  ModelOrderBy,
  ModelWhere,
  RowFindManyOptions,
  RowOrderBy,
  RowWhere,
  TextOperator,
  UntypedWhere,
  WhereOperator,
} from "./where";

// Who acts.
export { ACTOR_KINDS, type Actor, type ActorKind, isStaffLike } from "./actor";
export { MAX_ID_LENGTH, recordIdSchema } from "./record-id";

// Decisions and errors.
export { ALLOWED, type Decision, decide, type Refusal, type Violation, violation } from "./decision";
export {
  type CodesOf,
  defineErrors,
  type ErrorCatalog,
  isLinliError,
  LinliError,
  type LinliErrorCode,
  type LinliErrorCodes,
  type LinliErrorOptions,
} from "./errors";
export { type CoreErrorCode, coreErrors } from "./core-errors";
export { LOCALES, type Locale, type LocalizedText, type MessageParams } from "./message";

// Eligibility and capacity, as pure functions over plain data.
export { activeGroups, type GrantPeriod, grantActiveAt } from "./eligibility";
export { type Load, peakLoad } from "./capacity";

// Money in integer minor units.
export {
  allocate,
  divideRounded,
  formatMoney,
  isCurrency,
  type Money,
  minorDigits,
  money,
  percentage,
  type Ratio,
  ROUNDING_MODES,
  type RoundingMode,
  zero,
} from "./money";
export * as moneyMath from "./money-math";

// Time: UTC instants, local rules in the community's IANA zone.
export { type Clock, type ManualClock, manualClock, systemClock } from "./clock";
export { type IdGenerator, randomIds, sequentialIds, timeOrderedIds } from "./ids";
export {
  addLocalDays,
  addLocalMonths,
  instantOfWall,
  type LocalParts,
  localDate,
  localDatesBetween,
  localDayMinutes,
  localMonthStart,
  localParts,
  localWeekStart,
  minuteOfDay,
  startOfLocalDay,
  wallDay,
  wallMinuteOfDay,
  wallOf,
  wallWeekday,
  zonedInstant,
} from "./local-time";
export {
  assertTimeZone,
  isTimeZone,
  offsetTransitions,
  utcOffsetMinutes,
  type ZoneOffsetTransition,
} from "./zone-offsets";

// The storage contract's types (an app passes a StorageAdapter); implementing one: `@linli/core/adapter`.
export type {
  AdapterTransaction,
  StorageAdapter,
  StorageCapabilities,
  StoredRow,
  TransactionOptions,
} from "./storage-adapter";
export type { FindManyOptions, OrderBy, StoredValue, WhereClause } from "./where";
export type { IntervalDef } from "./model";
export { declaredInterval, overlapWhere } from "./interval-where";

// Members, audit trail and personal data (issue 16).
export {
  defaultRoles,
  MEMBER_KINDS,
  type MemberDecl,
  memberSchema,
  permissionsSchema,
} from "./config-schema";
export { type EffectiveMember, enrolVolunteer, RESIDENT_ROLE } from "./members";
export type { AuditEntry } from "./audit";
export type { AuditPage, AuditRecord } from "./kernel/audit";
export type { PersonalDataHooks } from "./personal-data";
export { ERASED_NAME, type PersonalDataExport } from "./kernel/privacy";

// Reading lists a page at a time (limit, after → Page with next).
export {
  cursorSchema,
  DEFAULT_PAGE_SIZE,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_SIZE,
  type Page,
  type PageOrder,
  pageInput,
  pageJson,
  type ReadPageOptions,
  readPage,
  toPage,
} from "./page";
// Instants in command inputs, bounded (1900 to 2500).
export { instantSchema, MAX_INSTANT, MIN_INSTANT } from "./instant-input";
