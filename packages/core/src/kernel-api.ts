import type { CommandsOf } from "./command";
import { createHousehold, getResident, listResidents, registerResident } from "./kernel/residents";
import { grantDelegation, revokeDelegation } from "./kernel/delegations";
import { grantEligibility, groupsOf, grantsOf, revokeEligibility } from "./kernel/eligibility";
import { ackEvents, listEvents } from "./kernel/outbox";
import { listAudit } from "./kernel/audit";
import { addMember, deactivateMember, getMember, setMemberRoles } from "./kernel/members";
import { erasePersonalData, exportPersonalData } from "./kernel/privacy";
import type { delegationModel, eligibilityGrantModel, householdModel, residentModel } from "./kernel-models";
import type { RowOf } from "./model";
import type { PluginContext } from "./plugin";

/** A resident record. */
export type Resident = RowOf<typeof residentModel>;
/** A household record. */
export type Household = RowOf<typeof householdModel>;
/** A delegation record. */
export type Delegation = RowOf<typeof delegationModel>;
/** An eligibility grant record. Sensitive: readable by staff only. */
export type EligibilityGrant = RowOf<typeof eligibilityGrantModel>;

/** The kernel's commands and queries, by the path they have on a community (`core.residents.register`). */
export const kernelCommands = {
  residents: { register: registerResident, get: getResident, list: listResidents },
  households: { create: createHousehold },
  delegations: { grant: grantDelegation, revoke: revokeDelegation },
  eligibility: { grant: grantEligibility, revoke: revokeEligibility, groupsOf, grantsOf },
  events: { list: listEvents, ack: ackEvents },
  members: { add: addMember, deactivate: deactivateMember, setRoles: setMemberRoles, get: getMember },
  audit: { list: listAudit },
  privacy: { export: exportPersonalData, erase: erasePersonalData },
};

/** Builds the kernel's own API (residents, households, delegations, eligibility, events). */
export function kernelApi(ctx: PluginContext): KernelApi {
  return ctx.commands(kernelCommands);
}

/** The kernel API on every community. */
export type KernelApi = CommandsOf<typeof kernelCommands>;
