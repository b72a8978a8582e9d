import { z } from "zod";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import type { DomainEvent } from "./events";
import {
  delegationModel,
  eligibilityGrantModel,
  eventModel,
  householdModel,
  residentModel,
} from "./kernel-models";
import type { RowOf } from "./model";
import type { PluginContext } from "./plugin";
import { groupsAt } from "./runtime";
import type { ModelWhere } from "./where";

/** A resident record. */
export type Resident = RowOf<typeof residentModel>;
/** A household record. */
export type Household = RowOf<typeof householdModel>;
/** A delegation record. */
export type Delegation = RowOf<typeof delegationModel>;
/** An eligibility grant record. Sensitive: readable by staff only. */
export type EligibilityGrant = RowOf<typeof eligibilityGrantModel>;

const DAY_MS = 86_400_000;

/** Builds the kernel's own API (residents, households, delegations, eligibility, events). */
export function kernelApi(ctx: PluginContext) {
  const groupDef = (groupId: string) => {
    const group = ctx.config.groups.find((g) => g.id === groupId);
    if (!group) throw LinliError.from(coreErrors, "UNKNOWN_GROUP", { groupId });
    return group;
  };

  const residents = {
    /** Registers a resident (staff). Emits `ResidentRegistered`. */
    register: ctx.command({
      name: "core.residents.register",
      allow: ["staff", "admin", "system"],
      input: z.object({
        id: z.string().min(1).optional(),
        name: z.string().min(1),
        householdId: z.string().nullable().optional(),
        placeId: z.string().nullable().optional(),
        phone: z.string().nullable().optional(),
        birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
      }),
      run: async (cx, input) => {
        if (input.householdId) await cx.tx.get(householdModel, input.householdId);
        if (input.placeId && !cx.config.places.some((p) => p.id === input.placeId)) {
          throw LinliError.from(coreErrors, "NOT_FOUND", { model: "place", id: input.placeId });
        }
        const resident = await cx.tx.create(residentModel, { ...input, createdAt: cx.now });
        await cx.emit("ResidentRegistered", { residentId: resident.id });
        return resident;
      },
    }),
    /** A resident's record: for themself, their delegates and staff. */
    get: ctx.query({
      name: "core.residents.get",
      input: z.object({ residentId: z.string().min(1) }),
      run: async (cx, { residentId }) => {
        await cx.requireActFor(residentId, "core.residents.get");
        return cx.tx.get(residentModel, residentId);
      },
    }),
    /** Every resident, ordered by id (staff). */
    list: ctx.query({
      name: "core.residents.list",
      allow: ["staff", "admin", "system"],
      input: z.object({
        limit: z.number().int().positive().max(10_000).default(1000),
        offset: z.number().int().min(0).default(0),
      }),
      run: (cx, { limit, offset }) =>
        cx.tx.findMany(residentModel, { orderBy: [{ field: "id" }], limit, offset }),
    }),
  };

  const households = {
    /** Creates a household (staff). */
    create: ctx.command({
      name: "core.households.create",
      allow: ["staff", "admin", "system"],
      input: z.object({
        id: z.string().min(1).optional(),
        name: z.string().min(1),
        placeId: z.string().nullable().optional(),
      }),
      run: (cx, input) => cx.tx.create(householdModel, { ...input, createdAt: cx.now }),
    }),
  };

  const delegations = {
    /** Lets `delegateId` act for `residentId` (by the resident themself or staff). */
    grant: ctx.command({
      name: "core.delegations.grant",
      input: z.object({ residentId: z.string().min(1), delegateId: z.string().min(1) }),
      run: async (cx, { residentId, delegateId }) => {
        if (cx.actor.id !== residentId) cx.requireStaff("core.delegations.grant");
        await cx.requireActFor(residentId, "core.delegations.grant");
        await cx.tx.get(residentModel, delegateId);
        const delegation = await cx.tx.create(delegationModel, { residentId, delegateId, grantedAt: cx.now });
        await cx.emit("DelegationGranted", { residentId, delegateId });
        return delegation;
      },
    }),
    /** Ends a delegation. */
    revoke: ctx.command({
      name: "core.delegations.revoke",
      input: z.object({ delegationId: z.string().min(1) }),
      run: async (cx, { delegationId }) => {
        const d = await cx.tx.get(delegationModel, delegationId);
        if (cx.actor.id !== d.residentId && cx.actor.id !== d.delegateId)
          cx.requireStaff("core.delegations.revoke");
        const updated = await cx.tx.updateById(delegationModel, delegationId, { revokedAt: cx.now });
        await cx.emit("DelegationRevoked", { residentId: d.residentId, delegateId: d.delegateId });
        return updated;
      },
    }),
  };

  const eligibility = {
    /**
     * Records that a resident belongs to an eligibility group, with who verified it, the
     * evidence reference and the validity period. Staff only, except for groups configured as
     * `self-declared`, which a resident may declare for themself. Emits `EligibilityGranted`.
     */
    grant: ctx.command({
      name: "core.eligibility.grant",
      input: z.object({
        residentId: z.string().min(1),
        groupId: z.string().min(1),
        evidenceRef: z.string().max(500).nullable().optional(),
        validFrom: z.coerce.date().optional(),
        validUntil: z.coerce.date().nullable().optional(),
      }),
      run: async (cx, input) => {
        const group = groupDef(input.groupId);
        const selfDeclared = group.verification === "self-declared" && cx.actor.id === input.residentId;
        if (!selfDeclared) cx.requireStaff("core.eligibility.grant");
        await cx.tx.get(residentModel, input.residentId);
        const validFrom = input.validFrom ?? cx.now;
        const validUntil =
          input.validUntil !== undefined
            ? input.validUntil
            : group.validForDays !== undefined
              ? new Date(validFrom.getTime() + group.validForDays * DAY_MS)
              : null;
        if (validUntil !== null && validUntil.getTime() <= validFrom.getTime()) {
          throw LinliError.from(coreErrors, "VALIDATION_FAILED", {
            summary: "validUntil must be after validFrom",
          });
        }
        const grant = await cx.tx.create(eligibilityGrantModel, {
          residentId: input.residentId,
          groupId: input.groupId,
          verifiedBy: cx.actor.id,
          verifiedAt: cx.now,
          evidenceRef: input.evidenceRef ?? null,
          validFrom,
          validUntil,
        });
        await cx.emit("EligibilityGranted", {
          grantId: grant.id,
          residentId: grant.residentId,
          groupId: grant.groupId,
        });
        return grant;
      },
    }),
    /** Revokes a grant from now on (staff). Emits `EligibilityRevoked`. */
    revoke: ctx.command({
      name: "core.eligibility.revoke",
      allow: ["staff", "admin", "system"],
      input: z.object({ grantId: z.string().min(1) }),
      run: async (cx, { grantId }) => {
        const grant = await cx.tx.updateById(eligibilityGrantModel, grantId, {
          revokedAt: cx.now,
          revokedBy: cx.actor.id,
        });
        await cx.emit("EligibilityRevoked", {
          grantId,
          residentId: grant.residentId,
          groupId: grant.groupId,
        });
        return grant;
      },
    }),
    /** The groups a resident is in at `at` (default now). Sensitive: staff, admin and system only. */
    groupsOf: ctx.query({
      name: "core.eligibility.groupsOf",
      allow: ["staff", "admin", "system"],
      input: z.object({ residentId: z.string().min(1), at: z.coerce.date().optional() }),
      run: async (cx, { residentId, at }) => {
        await cx.tx.get(residentModel, residentId);
        return groupsAt(cx.tx, residentId, at ?? cx.now);
      },
    }),
    /** Every grant of a resident, past and present, with verifier and evidence (staff only). */
    grantsOf: ctx.query({
      name: "core.eligibility.grantsOf",
      allow: ["staff", "admin", "system"],
      input: z.object({ residentId: z.string().min(1) }),
      run: (cx, { residentId }) =>
        cx.tx.findMany(eligibilityGrantModel, {
          where: [{ field: "residentId", value: residentId }],
          orderBy: [{ field: "validFrom" }],
        }),
    }),
  };

  const events = {
    /**
     * Events of the outbox in order (`seq`), for apps that send reminders and notifications.
     * Staff, admin and system only: payloads can name sensitive facts.
     */
    list: ctx.query({
      name: "core.events.list",
      allow: ["staff", "admin", "system"],
      input: z.object({
        afterSeq: z.number().int().min(0).default(0),
        pendingOnly: z.boolean().default(false),
        types: z.array(z.string()).optional(),
        limit: z.number().int().positive().max(10_000).default(100),
      }),
      run: async (cx, { afterSeq, pendingOnly, types, limit }) => {
        const where: ModelWhere<typeof eventModel>[] = [{ field: "seq", op: "gt", value: afterSeq }];
        if (pendingOnly) where.push({ field: "ackedAt", value: null });
        if (types) where.push({ field: "type", op: "in", value: types });
        return (await cx.tx.findMany(eventModel, {
          where,
          orderBy: [{ field: "seq" }],
          limit,
        })) as DomainEvent[];
      },
    }),
    /** Marks events as handled; returns how many were newly acknowledged. */
    ack: ctx.command({
      name: "core.events.ack",
      allow: ["staff", "admin", "system"],
      input: z.object({ eventIds: z.array(z.string().min(1)).min(1).max(10_000) }),
      run: (cx, { eventIds }) =>
        cx.tx.update(
          eventModel,
          [
            { field: "id", op: "in", value: eventIds },
            { field: "ackedAt", value: null },
          ],
          { ackedAt: cx.now },
        ),
    }),
  };

  return { residents, households, delegations, eligibility, events };
}

/** The kernel API on every community. */
export type KernelApi = ReturnType<typeof kernelApi>;
