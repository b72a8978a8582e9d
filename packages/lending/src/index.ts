/**
 * `@linli/lending`: the shared tool room as a linli plugin: catalog and donations, check-out
 * and check-in, holds, reservations, repairs and maintenance plans, loan policies as an
 * extensible registry, and the pure functions behind them.
 *
 * @packageDocumentation
 */
export { type LendingApi, lendingPlugin } from "./lending-plugin";
export {
  type BuiltInPolicyKind,
  checkLendingConfig,
  type LendingConfigInput,
  lendingConfigSchema,
  type LendingOptions,
  lendingOptionsShape,
  type LendingPolicyKindParams,
  type OptionsShape,
  type PolicyConfigInput,
  type PolicyKindParams,
} from "./lending-config";
export { type LendingErrorCode, lendingErrors } from "./lending-errors";
export {
  agreementModel,
  CLAIM_STATUSES,
  type Claim,
  claimModel,
  CONDITIONS,
  type Condition,
  type Donation,
  donationModel,
  HOLD_STATUSES,
  type Hold,
  type HoldStatus,
  holdModel,
  ITEM_STATUSES,
  MAX_CLAIM_SPAN_MS,
  type Item,
  type ItemStatus,
  type ItemType,
  itemModel,
  itemTypeModel,
  type Loan,
  lendingModels,
  loanModel,
  TICKET_STATUSES,
  type Ticket,
  type TicketStatus,
  ticketModel,
  TRACKING,
} from "./lending-models";
export {
  type ActiveLoanFacts,
  type AnyLoanPolicyKind,
  type BorrowerFacts,
  defineLoanPolicyKind,
  type LoanItemFacts,
  type LoanPolicyKind,
  type LoanRequest,
  lendingPolicyKinds,
  type PolicyConfig,
  type PolicyContext,
} from "./policy-kind";
export { builtInPolicyKinds } from "./policies/built-in-policy-kinds";
export { maxLoansKind } from "./policies/max-loans";
export { noLoansWhileOverdueKind } from "./policies/no-loans-while-overdue";
export { trainingRequiredKind } from "./policies/training-required";
export { borrowerAgreementKind } from "./policies/borrower-agreement";
export {
  type DueDateInput,
  type DueDateResult,
  dueDate,
  nextOpening,
  type OpeningRange,
  type ToolRoomCalendar,
} from "./due-date";
export {
  advanceHoldQueue,
  type HoldQueueAdvance,
  type HoldRequest,
  holdEligibility,
  type QueuedHold,
} from "./hold-queue";
export { type LoanEligibilityInput, loanEligibility } from "./loan-eligibility";
export { type AvailableType, availableTypes, blockedUnits, localDayWindow } from "./availability";
export { duePlan, type MaintenancePlan } from "./maintenance-plans";
export type { ReturnedUnit } from "./commands/check-in";
export { lateFine } from "./late-fine";
export type { CheckOutOutcome } from "./commands/check-out";
export type { RenewOutcome } from "./commands/renew";
export type { HoldOutcome } from "./commands/holds";
export type { SweepReport } from "./commands/sweep";
export type { ResidentLending } from "./queries/resident-loans";
export type { ItemHistory } from "./queries/item-history";
export {
  INVENTORY_COLUMNS,
  type InventoryRow,
  type InventoryRowInput,
  inventoryRowSchema,
} from "./inventory-rows";
export * from "./events";
export {
  type LoanCharges,
  lateFeeFields,
  loanChargesSchema,
  loanPriceFields,
  loanPriceResource,
} from "./loan-charges";
export { bookPickup, type Pickups, pickupSubscriptions, pickupsSchema } from "./pickup-appointments";
export { type Pickup, pickupModel } from "./lending-models";
export type { BorrowerFactName } from "./policy-kind";
export { borrowerFactsNeeded } from "./loan-eligibility";
