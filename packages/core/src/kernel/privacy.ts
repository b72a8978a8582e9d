import * as z from "zod";
import { accessDenied } from "../access";
import { isStaffLike } from "../actor";
import { type CommandContext, defineCommand, defineQuery } from "../command";
import { delegationModel, eligibilityGrantModel, householdModel, residentModel } from "../kernel-models";
import { auditModel, memberModel } from "../member-model";
import { personalDataPlugins } from "../personal-data";

/** The name an erased resident keeps (the record stays, so ids and statistics remain). */
export const ERASED_NAME = "(erased)";

/** Everything a community stores about one resident: the kernel's records and each plugin's. */
export interface PersonalDataExport {
  /** The resident id. */
  readonly residentId: string;
  /** The instant of the export. */
  readonly exportedAt: Date;
  /** The kernel's records about the resident. */
  readonly core: Readonly<Record<string, unknown>>;
  /** Each installed plugin's data about the resident, by plugin id (plugins with `personalData`). */
  readonly plugins: Readonly<Record<string, unknown>>;
}

function selfOrStaff(cx: CommandContext, action: string): void {
  // Not a delegate: the export holds eligibility and its evidence, which only the resident
  // themself and staff may read.
  if (!isStaffLike(cx.actor) && cx.actor.id !== cx.subject) throw accessDenied(cx.actor, action);
}

/**
 * `core.privacy.export`: everything stored about the subject resident, in full, for the
 * resident themself (or staff acting on their request): the resident record, household,
 * delegations, eligibility grants with evidence, volunteer membership, audit records about
 * them, and every plugin's data through its `personalData.export`.
 */
export const exportPersonalData = defineQuery({
  subject: "required",
  input: z.object({}),
  run: async (cx): Promise<PersonalDataExport> => {
    selfOrStaff(cx, "core.privacy.export");
    const residentId = cx.subject;
    const resident = await cx.tx.get(residentModel, residentId);
    const byResident = [{ field: "residentId", value: residentId }] as const;
    const core = {
      resident,
      household: resident.householdId ? await cx.tx.findById(householdModel, resident.householdId) : null,
      delegationsGiven: await cx.tx.findMany(delegationModel, { where: [...byResident] }),
      delegationsReceived: await cx.tx.findMany(delegationModel, {
        where: [{ field: "delegateId", value: residentId }],
      }),
      eligibility: await cx.tx.findMany(eligibilityGrantModel, {
        where: [...byResident],
        orderBy: [{ field: "validFrom" }],
      }),
      member: await cx.tx.findById(memberModel, residentId),
      audit: await cx.tx.findMany(auditModel, { where: [...byResident], orderBy: [{ field: "seq" }] }),
    };
    const plugins: Record<string, unknown> = {};
    for (const plugin of personalDataPlugins(cx)) {
      plugins[plugin.id] = await plugin.personalData?.export(
        { ...cx, options: cx.config[plugin.id] },
        residentId,
      );
    }
    return { residentId, exportedAt: cx.now, core, plugins };
  },
});

/**
 * `core.privacy.erase`: anonymises the subject resident on their request (staff): name
 * replaced by {@link ERASED_NAME}; phone, birth year, home place and eligibility evidence
 * cleared; every plugin's `personalData.erase` run. Ids, bookings, amounts and grants' groups
 * and periods are kept, so the community's statistics do not change. The reasons of earlier
 * audit records about the resident are cleared (who, when and what stay). Audited.
 */
export const erasePersonalData = defineCommand({
  allow: "staff",
  subject: "required",
  input: z.object({ reason: z.string().min(1).max(1000) }),
  run: async (cx, { reason }) => {
    const residentId = cx.subject;
    await cx.tx.updateById(residentModel, residentId, {
      name: ERASED_NAME,
      phone: null,
      birthYear: null,
      placeId: null,
    });
    await cx.tx.update(eligibilityGrantModel, [{ field: "residentId", value: residentId }], {
      evidenceRef: null,
    });
    // The audit trail is append-only, with one exception made here and nowhere else: the free
    // text staff wrote about the person (a reason naming them) is cleared; who, when and what stay.
    await cx.tx.update(auditModel, [{ field: "residentId", value: residentId }], { reason: ERASED_NAME });
    for (const plugin of personalDataPlugins(cx)) {
      await plugin.personalData?.erase({ ...cx, options: cx.config[plugin.id] }, residentId);
    }
    cx.audit({ action: "resident.erased", residentId, reason });
    return { residentId, erasedAt: cx.now };
  },
});
