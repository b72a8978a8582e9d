import type { SimulationDomain } from "../simulation-world";
import { bookingsDomain } from "./bookings-domain";
import { loansDomain } from "./loans-domain";
import { pricingDomain } from "./pricing-domain";
import { residentsDomain } from "./residents-domain";
import { volunteerDomains } from "./volunteers-domain";

/**
 * The domains a simulation runs, in order (their setups run in this order, their actions
 * merge by time, their end-of-day steps run in this order). Pricing comes after bookings so
 * it reads the quotes of the bookings confirmed that day; the volunteer team is registered
 * before help requests and duty shifts need it.
 *
 * To add a part of community life: write `domains/<name>-domain.ts` exporting a
 * {@link SimulationDomain} (see its rules) and add it here; it should do nothing when its
 * plugin's section is absent from the configuration (as the loans domain does without a
 * `lending` section), or add the section it needs in `prepareConfig`.
 */
export function defaultDomains(): SimulationDomain[] {
  return [residentsDomain, bookingsDomain(), pricingDomain, loansDomain(), ...volunteerDomains()];
}
