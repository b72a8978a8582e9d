import { bookingPlugin } from "@linli/booking";
import type { AnyPlugin } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";

/**
 * The plugins `linli` validates, explains and runs configurations with: booking, pricing and
 * volunteers. Lending joins this list when it lands.
 */
export function installedPlugins(): readonly AnyPlugin[] {
  return [bookingPlugin(), pricingPlugin(), volunteersPlugin()];
}

/** The same plugins as a typed tuple, for communities whose API the CLI calls. */
export function communityPlugins() {
  return [bookingPlugin(), pricingPlugin(), volunteersPlugin()] as const;
}
