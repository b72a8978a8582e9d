import type { AllowSpec } from "@linli/core";

/**
 * Who works the tool room's counter (lending, returns, repairs, the overdue list and an item's
 * history): staff, admins and the system, like every staff command, and a volunteer on duty.
 * An `allow` of `["staff", "volunteer"]` would leave admins and the system out.
 */
export const COUNTER_ACTORS: AllowSpec = ["staff", "admin", "system", "volunteer"];
