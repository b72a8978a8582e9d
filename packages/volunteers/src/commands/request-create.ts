import { defineCommand, LinliError } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import * as z from "zod";
import { ageBandOf } from "../age-bands";
import { volunteersEvents } from "../events";
import { placeMap } from "../places";
import { requesterOrStaffView } from "../request-lifecycle";
import { helpKindsOf, skillRequirementSchema, type VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { idInput, instantInput, nameInput } from "../volunteers-inputs";
import { helpRequestModel, storedPriceSchema } from "../volunteers-models";

/** The longest window a request may span. */
export const MAX_WINDOW_DAYS = 31;

/** What a resident (or staff on their behalf, with `forResident`) asks for. */
export const requestInputShape = {
  kind: nameInput,
  /** Where the help is needed; the requester's home place when absent. */
  placeId: idInput.optional(),
  /** The window in which the help is wanted. */
  start: instantInput,
  end: instantInput,
  /** How long the help takes; the whole window when absent. */
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  urgency: z.enum(["low", "normal", "high", "urgent"]).default("normal"),
  /** Skills needed besides the kind's own. */
  requiredSkills: z.array(skillRequirementSchema).max(10).default([]),
  requiredCertifications: z.array(nameInput).max(10).default([]),
  language: nameInput.optional(),
  description: z.string().trim().min(1).max(1000).optional(),
  /** The address the volunteer goes to; shown to the assigned volunteer only, logged. */
  address: z.string().trim().min(1).max(300).optional(),
  /** A phone number for the volunteer; the resident's own when absent. */
  phone: z.string().trim().min(1).max(50).optional(),
  /** How the request came in (`phone`, `wechat`, `desk`, `app`). */
  channel: nameInput.optional(),
};

/**
 * `volunteers.requests.create` (inner form): the API's `requests.create` quotes the price
 * through the pricing plugin first and passes it here as `price`; callers never set it.
 */
export const createRequest = defineCommand({
  subject: "required",
  input: z.object({ ...requestInputShape, price: storedPriceSchema.nullable().optional() }),
  run: async (cx, input) => {
    const options = cx.options as VolunteersOptions;
    const timeZone = cx.config.community.timeZone;
    const kind = helpKindsOf(options).get(input.kind);
    if (!kind) throw LinliError.from(volunteersErrors, "UNKNOWN_HELP_KIND", { kind: input.kind });
    const span = input.end.getTime() - input.start.getTime();
    if (span <= 0)
      throw LinliError.from(volunteersErrors, "INVALID_WINDOW", {
        start: input.start.toISOString(),
        end: input.end.toISOString(),
      });
    if (span > MAX_WINDOW_DAYS * 86_400_000)
      throw LinliError.from(volunteersErrors, "WINDOW_TOO_LONG", { maxDays: MAX_WINDOW_DAYS });
    const durationMinutes = input.durationMinutes ?? Math.min(1440, Math.ceil(span / 60_000));
    if (durationMinutes * 60_000 > span)
      throw LinliError.from(volunteersErrors, "DURATION_EXCEEDS_WINDOW", { durationMinutes });
    const resident = await cx.tx.get(residentModel, cx.subject);
    const places = placeMap(cx.config, options.defaultWalkingMinutes);
    const placeId = input.placeId ?? resident.placeId;
    if (placeId && !places.has(placeId))
      throw LinliError.from(volunteersErrors, "UNKNOWN_PLACE", { placeId });
    const skills = new Map(kind.requiredSkills.map((s) => [s.skill, s] as const));
    for (const s of input.requiredSkills) skills.set(s.skill, s);
    const request = await cx.tx.create(helpRequestModel, {
      kind: input.kind,
      requesterId: cx.subject,
      actorKind: cx.actor.kind,
      actorId: cx.actor.id,
      channel: input.channel ?? null,
      placeId: placeId ?? null,
      areaId: places.areaOf(placeId),
      start: input.start,
      end: input.end,
      durationMinutes,
      urgency: input.urgency,
      requiredSkills: [...skills.values()],
      requiredCertifications: [...new Set([...kind.requiredCertifications, ...input.requiredCertifications])],
      language: input.language ?? null,
      description: input.description ?? null,
      address: input.address ?? null,
      phone: input.phone ?? resident.phone,
      requesterAgeBand: ageBandOf(options, resident.birthYear, cx.now, timeZone),
      status: "open",
      price: input.price ?? null,
      createdAt: cx.now,
      declinedBy: [],
    });
    await cx.emit(volunteersEvents.HelpRequestOpened, {
      requestId: request.id,
      kind: request.kind,
      requesterId: request.requesterId,
      areaId: request.areaId,
      start: request.start.toISOString(),
      end: request.end.toISOString(),
      urgency: request.urgency,
    });
    return requesterOrStaffView(cx, request);
  },
});
