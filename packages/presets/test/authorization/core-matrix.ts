import { ADMINS, type MatrixTable, STAFF } from "./matrix-types";

/** The kernel's commands and queries. */
export const coreMatrix: MatrixTable = {
  "residents.register": { allow: STAFF, subject: false, input: async () => ({ name: "新居民" }) },
  "residents.get": { allow: ["self", "delegate", ...STAFF], subject: true, input: async () => ({}) },
  "residents.list": { allow: STAFF, subject: false, input: async () => ({}) },
  "households.create": { allow: STAFF, subject: false, input: async () => ({ name: "一户" }) },
  "delegations.grant": {
    allow: ["self", ...STAFF],
    subject: true,
    input: async () => ({ delegateId: "li" }),
  },
  "delegations.revoke": {
    allow: ["self", "delegate", ...STAFF],
    subject: false,
    input: async (w) => ({ delegationId: w.delegationId }),
  },
  "eligibility.grant": { allow: STAFF, subject: true, input: async () => ({ groupId: "hardship" }) },
  "eligibility.revoke": { allow: STAFF, subject: false, input: async (w) => ({ grantId: await w.grant() }) },
  "eligibility.groupsOf": { allow: STAFF, subject: true, input: async () => ({}) },
  "eligibility.grantsOf": { allow: STAFF, subject: true, input: async () => ({}) },
  "events.list": { allow: STAFF, subject: false, input: async () => ({}) },
  "events.ack": { allow: STAFF, subject: false, input: async () => ({ eventIds: ["1"] }) },
  "members.add": { allow: ADMINS, subject: false, input: async () => ({ id: "desk-new", kind: "staff" }) },
  "members.deactivate": { allow: ADMINS, subject: false, input: async () => ({ id: "desk-1" }) },
  "members.setRoles": {
    allow: ADMINS,
    subject: false,
    input: async () => ({ id: "desk-1", roles: ["admin"] }),
  },
  "members.get": { allow: STAFF, subject: false, input: async () => ({ id: "desk-1" }) },
  "audit.list": { allow: STAFF, subject: false, input: async () => ({}) },
  "privacy.export": { allow: ["self", ...STAFF], subject: true, input: async () => ({}) },
  "privacy.erase": { allow: STAFF, subject: true, input: async () => ({ reason: "written request" }) },
};
