import type { SimulationDomain } from "../simulation-world";
import { bookingsDomain } from "./bookings-domain";
import { pricingDomain } from "./pricing-domain";
import { residentsDomain } from "./residents-domain";

/**
 * The domains a simulation runs, in order (their setups run in this order, their actions
 * merge by time, their end-of-day steps run in this order). Pricing comes after bookings so
 * it reads the quotes of the bookings confirmed that day.
 *
 * To add loans, repairs, help requests or duty shifts: write `domains/<name>-domain.ts`
 * exporting a {@link SimulationDomain} (see its rules) and add it here; it should do nothing
 * when its plugin's section is absent from the configuration.
 */
export function defaultDomains(): SimulationDomain[] {
  return [residentsDomain, bookingsDomain(), pricingDomain];
}
