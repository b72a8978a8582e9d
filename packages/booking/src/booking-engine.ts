import type { CommunityConfig, Registries } from "@linli/core";
import type { BookingOptions } from "./booking-config";
import { RuleBook, ruleKindMap } from "./rule-book";
import { bookingRuleKinds } from "./rule-kind";

/** What the booking commands share: the resolved rules and the section's options. */
export interface BookingEngine {
  readonly rules: RuleBook;
  readonly options: BookingOptions;
  readonly timeZone: string;
}

/** Builds the engine from the parsed config, the booking options and the filled rule-kind registry. */
export function createBookingEngine(
  config: CommunityConfig,
  options: BookingOptions,
  registries: Registries,
): BookingEngine {
  return {
    rules: new RuleBook(config, ruleKindMap(registries.get(bookingRuleKinds)), options),
    options,
    timeZone: config.community.timeZone,
  };
}
