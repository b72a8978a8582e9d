import type { CommunityConfig, Registries } from "@linli/core";
import { type BookingOptions, bookingOptionsOf } from "./booking-config";
import { RuleBook, ruleKindMap } from "./rule-book";
import { bookingRuleKinds } from "./rule-kind";

/** What the booking commands share: the resolved rules and the section's options. */
export interface BookingEngine {
  readonly rules: RuleBook;
  readonly options: BookingOptions;
  readonly timeZone: string;
}

/** Builds the engine from the parsed config and the filled rule-kind registry. */
export function createBookingEngine(config: CommunityConfig, registries: Registries): BookingEngine {
  return {
    rules: new RuleBook(config, ruleKindMap(registries.get(bookingRuleKinds))),
    options: bookingOptionsOf(config),
    timeZone: config.community.timeZone,
  };
}
