import { type CommandInput, definePlugin, isStaffLike } from "@linli/core";
import type * as z from "zod";
import { match } from "./commands/match";
import { recordVisit, sweepVisits } from "./commands/pair-visits";
import {
  create as createPair,
  end as endPair,
  pause as pausePair,
  resume as resumePair,
} from "./commands/pairs";
import { cancel } from "./commands/request-cancel";
import { contact } from "./commands/request-contact";
import { createRequest, type requestInputShape } from "./commands/request-create";
import { note, rate } from "./commands/request-feedback";
import { accept, decline } from "./commands/request-offer";
import { complete, noShow, start } from "./commands/request-progress";
import { sweep } from "./commands/request-sweep";
import { absence, attendance, swap } from "./commands/roster-changes";
import { plan } from "./commands/roster-plan";
import { createShifts } from "./commands/shifts";
import { register, setStatus, update } from "./commands/volunteer-commands";
import { volunteersEvents } from "./events";
import { quoteRequest } from "./pricing-bridge";
import { checkQuotingAccount } from "./quoting-account";
import { candidates } from "./queries/candidates";
import { hours } from "./queries/hours";
import { listPairs, visits } from "./queries/pair-queries";
import { disclosures, get as getRequest, list as listRequests } from "./queries/request-queries";
import { shifts } from "./queries/roster-queries";
import { get, list } from "./queries/volunteer-queries";
import { checkVolunteersConfig, volunteersConfigSchema } from "./volunteers-config";
import { volunteersErrors } from "./volunteers-errors";
import { volunteersModels } from "./volunteers-models";
import { volunteersPersonalData } from "./volunteers-personal-data";

/** The input of `volunteers.requests.create`: the request, who acts, and for whom. */
export type CreateRequestInput = CommandInput<z.ZodObject<typeof requestInputShape>, "required">;

/**
 * The volunteers plugin: volunteer profiles, help requests with need-to-know disclosure,
 * long-term pairs, optimal and explained matching, duty rosters and the hours ledger. With the
 * pricing plugin installed, a kind with a `priceResource` is priced through pricing's public
 * quote (staff see the deciding group; the requester the public receipt; volunteers nothing).
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage, plugins: [pricingPlugin(), volunteersPlugin()] });
 * const desk = community.as({ kind: "staff", id: "desk-1" });
 * const request = await desk.for("wang").volunteers.requests.create({
 *   kind: "home-repair", start: "2026-06-02T01:00:00Z", end: "2026-06-02T03:00:00Z", channel: "phone",
 * });
 * const { matched, unmatched } = await desk.volunteers.match();
 * ```
 */
export function volunteersPlugin() {
  return definePlugin({
    id: "volunteers",
    optional: ["pricing"],
    config: volunteersConfigSchema,
    checkConfig: (options, config, report) => {
      checkVolunteersConfig(options, config, report);
      checkQuotingAccount(options, config, report);
    },
    models: volunteersModels,
    errors: volunteersErrors,
    events: volunteersEvents,
    personalData: volunteersPersonalData,
    api: (ctx) => {
      const api = ctx.commands({
        register,
        update,
        setStatus,
        get,
        list,
        requests: {
          create: createRequest,
          accept,
          decline,
          start,
          complete,
          noShow,
          cancel,
          rate,
          note,
          sweep,
          contact,
          get: getRequest,
          list: listRequests,
          disclosures,
        },
        match,
        candidates,
        pairs: {
          create: createPair,
          pause: pausePair,
          resume: resumePair,
          end: endPair,
          recordVisit,
          sweep: sweepVisits,
          list: listPairs,
          visits,
        },
        roster: { createShifts, plan, swap, absence, attendance, shifts },
        hours,
      });
      /**
       * Creates a help request: priced first through pricing's public quote when the kind has a
       * price resource (a read-only query; a failing quote writes nothing), then written with
       * its price in one transaction. Emits `HelpRequestOpened`.
       */
      const create = async (input: CreateRequestInput) => {
        const { price: _ignored, ...own } = input as CreateRequestInput & { price?: unknown };
        const requesterId =
          own.forResident ?? (own.actor && !isStaffLike(own.actor) ? own.actor.id : undefined);
        const start = new Date(own.start as string | Date);
        const end = new Date(own.end as string | Date);
        const priceable =
          requesterId !== undefined &&
          typeof own.kind === "string" &&
          !Number.isNaN(start.getTime()) &&
          end > start;
        const price = priceable ? await quoteRequest(ctx, { kind: own.kind, requesterId, start, end }) : null;
        return api.requests.create({ ...own, ...(price ? { price } : {}) });
      };
      return { ...api, requests: { ...api.requests, create } };
    },
  });
}

/** The volunteers plugin (the type of `volunteersPlugin()`). */
export type VolunteersPlugin = ReturnType<typeof volunteersPlugin>;

/** The volunteers API on a community: `community.volunteers`. */
export type VolunteersApi = ReturnType<VolunteersPlugin["api"]>;
