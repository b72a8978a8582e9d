/**
 * The volunteers plugin's domain events, as a light entry point (`@linli/volunteers/events`).
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";

/** Every event the volunteers plugin emits, by name. */
export const volunteersEvents = defineEvents("volunteers", {});
