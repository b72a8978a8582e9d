import { approvalKind } from "./approval";
import { bookingWindowKind } from "./booking-window";
import { buffersKind } from "./buffers";
import { cancellationDeadlineKind } from "./cancellation-deadline";
import { capacityKind } from "./capacity";
import { checkInKind } from "./check-in";
import { closuresKind } from "./closures";
import { durationKind } from "./duration";
import { futureBookingsCapKind } from "./future-bookings-cap";
import { noShowPolicyKind } from "./no-show-policy";
import { openingHoursKind } from "./opening-hours";
import { quotaKind } from "./quota";
import { seasonalKind } from "./seasonal";
import { slotGridKind } from "./slot-grid";
import { whoMayBookKind } from "./who-may-book";

/** Every rule kind the booking plugin registers itself. */
export const builtInRuleKinds = [
  openingHoursKind,
  closuresKind,
  slotGridKind,
  durationKind,
  bookingWindowKind,
  buffersKind,
  capacityKind,
  quotaKind,
  futureBookingsCapKind,
  whoMayBookKind,
  seasonalKind,
  approvalKind,
  cancellationDeadlineKind,
  noShowPolicyKind,
  checkInKind,
] as const;
