import { EVERY_VERIFIED, type MatrixTable, OWNER_AND_STAFF, STAFF } from "./matrix-types";

/** The booking plugin's commands and queries. */
export const bookingMatrix: MatrixTable = {
  "booking.book": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => ({ resourceId: "room", ...w.slot(3) }),
  },
  "booking.cancel": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.booking() }),
  },
  "booking.reschedule": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.booking(), ...w.slot(4) }),
  },
  "booking.approve": { allow: STAFF, subject: false, input: async (w) => ({ bookingId: await w.pending() }) },
  "booking.reject": { allow: STAFF, subject: false, input: async (w) => ({ bookingId: await w.pending() }) },
  "booking.checkIn": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.startingSoon() }),
  },
  "booking.complete": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.checkedIn() }),
  },
  "booking.markNoShow": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.started() }),
  },
  "booking.sweep": { allow: STAFF, subject: false, input: async () => ({}) },
  "booking.dueReminders": { allow: STAFF, subject: false, input: async () => ({}) },
  "booking.waitlist.join": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => {
      await w.booking(6);
      return { resourceId: "room", ...w.slot(6) };
    },
  },
  "booking.waitlist.accept": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ entryId: await w.waitlist(true) }),
  },
  "booking.waitlist.withdraw": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ entryId: await w.waitlist(false) }),
  },
  "booking.bookSeries": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => ({ resourceId: "room", rrule: "FREQ=DAILY;COUNT=2", ...w.slot(8) }),
  },
  "booking.get": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ bookingId: await w.booking() }),
  },
  "booking.list": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "booking.availability": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => ({ resourceId: "room", ...w.slot(3) }),
  },
  "booking.check": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => ({ resourceId: "room", ...w.slot(3) }),
  },
  "booking.residentCalendar": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "booking.resourceCalendar": {
    allow: EVERY_VERIFIED,
    subject: false,
    input: async (w) => ({ resourceId: "room", ...w.slot(0) }),
  },
};
