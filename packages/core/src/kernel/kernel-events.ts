import * as z from "zod";
import { defineEvents } from "../event-def";

/** The kernel's domain events (payloads are plain JSON). */
export const coreEvents = defineEvents("core", {
  /** A resident was registered. */
  ResidentRegistered: z.object({ residentId: z.string() }),
  /** A resident let another act for them. */
  DelegationGranted: z.object({ residentId: z.string(), delegateId: z.string() }),
  /** A delegation ended. */
  DelegationRevoked: z.object({ residentId: z.string(), delegateId: z.string() }),
  /** A resident was recorded in an eligibility group. Sensitive: the outbox is staff-only. */
  EligibilityGranted: z.object({ grantId: z.string(), residentId: z.string(), groupId: z.string() }),
  /** An eligibility grant was revoked. */
  EligibilityRevoked: z.object({ grantId: z.string(), residentId: z.string(), groupId: z.string() }),
});
