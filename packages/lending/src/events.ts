/**
 * The lending plugin's domain events, as a light entry point (`@linli/lending/events`).
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";

/** Every event the lending plugin emits, by name. */
export const lendingEvents = defineEvents("lending", {});
