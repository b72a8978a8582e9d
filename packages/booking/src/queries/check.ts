import { type Decision, defineQuery } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { slotInputShape } from "../booking-inputs";
import { judgePlacement } from "../judge-placement";

/** The answer of `booking.check`: allowed or every violation, and whether approval would be needed. */
export type BookingCheck = Decision & { readonly requiresApproval: boolean };

/** The input of `check`, built once: every community shares it (and its compiled parser). */
const checkInput = z.object(slotInputShape);

/**
 * `booking.check`: what `book` would answer now, without booking: every violation, and
 * whether the booking would wait for approval. For the desk clerk on the phone.
 */
export const check = (engine: BookingEngine) =>
  defineQuery({
    input: checkInput,
    run: async (cx, input): Promise<BookingCheck> => {
      const { evaluation } = await judgePlacement(
        cx,
        engine,
        { ...input, residentId: cx.subject ?? null, actorKind: cx.actor.kind, actorId: cx.actor.id },
        { lock: false },
      );
      return { ...evaluation.decision, requiresApproval: evaluation.requiresApproval };
    },
  });
