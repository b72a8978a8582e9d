import { bookingPlugin } from "@linli/booking";
import type { AnyPlugin } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";

/**
 * The plugins `linli` validates, explains and runs configurations with. Lending and
 * volunteers join this list when they land.
 */
export function installedPlugins(): readonly AnyPlugin[] {
  return [bookingPlugin(), pricingPlugin()];
}
