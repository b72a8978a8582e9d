import { contribute, definePlugin } from "@linli/core";
import { acceptAgreement } from "./commands/accept-agreement";
import { addType, addUnits, retireUnit } from "./commands/catalog";
import { checkIn } from "./commands/check-in";
import { checkOut } from "./commands/check-out";
import { accept, decline, offer } from "./commands/donations";
import { cancel, place, pushBack } from "./commands/holds";
import { importInventory } from "./commands/import-inventory";
import { renew } from "./commands/renew";
import { cancelReservation, make } from "./commands/reservations";
import { sweep } from "./commands/sweep";
import { openRepair, updateRepair } from "./commands/tickets";
import { lendingEvents } from "./events";
import { checkLendingConfig, lendingConfigSchema } from "./lending-config";
import { lendingErrors } from "./lending-errors";
import { lendingModels } from "./lending-models";
import { lendingPersonalData } from "./lending-personal-data";
import { pickupSubscriptions } from "./pickup-appointments";
import { lendingPolicyKinds } from "./policy-kind";
import { builtInPolicyKinds } from "./policies/built-in-policy-kinds";
import { available } from "./queries/available";
import { checkEligibility } from "./queries/check-eligibility";
import { exportInventory } from "./queries/export-inventory";
import { itemHistory } from "./queries/item-history";
import { overdue } from "./queries/overdue";
import { mine } from "./queries/resident-loans";

/**
 * The lending plugin: the shared tool room, from donation to return, with holds, repairs,
 * reservations and no unit ever lent twice. Loan policies are a registry
 * ({@link lendingPolicyKinds}) other plugins extend. `booking` and `pricing` are optional:
 * they integrate through lending's events, never its internals.
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage: sqliteStorage({ filename }), plugins: [lendingPlugin()] });
 * const desk = community.as({ kind: "volunteer", id: "li-shifu" });
 * const out = await desk.for(residentId).lending.checkOut({ items: [{ itemTypeId: "cordless-drill" }] });
 * if (!out.ok) for (const v of out.violations) console.log(v.message["zh-CN"]);
 * ```
 */
export function lendingPlugin() {
  return definePlugin({
    id: "lending",
    optional: ["booking", "pricing"],
    config: lendingConfigSchema,
    checkConfig: checkLendingConfig,
    models: lendingModels,
    errors: lendingErrors,
    events: lendingEvents,
    registries: [lendingPolicyKinds],
    contributes: [contribute(lendingPolicyKinds, builtInPolicyKinds)],
    // Pickup appointments: bookings of `lending.pickups.resourceId` (booking's events only).
    on: pickupSubscriptions(),
    personalData: lendingPersonalData,
    api: (ctx) =>
      ctx.commands({
        checkOut,
        checkIn,
        renew,
        acceptAgreement,
        sweep,
        catalog: { addType, addUnits, retireUnit, importInventory, exportInventory },
        donations: { offer, accept, decline },
        holds: { place, pushBack, cancel },
        reservations: { make, cancel: cancelReservation },
        tickets: { open: openRepair, update: updateRepair },
        available,
        mine,
        overdue,
        itemHistory,
        checkEligibility,
      }),
  });
}

/** The lending plugin's API on a community (`community.lending`). */
export type LendingApi = ReturnType<ReturnType<typeof lendingPlugin>["api"]>;
