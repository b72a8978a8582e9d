import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  coreEvents,
  defineCommand,
  defineEvents,
  definePlugin,
  defineQuery,
  isLinliError,
  subscribe,
} from "../src/index";
import { eventModel } from "../src/kernel-models";
import { admin, baseConfig, staff, system, testCommunity } from "./fixtures";

const noteEvents = defineEvents("notes", {
  NotePosted: z.object({ noteId: z.string().min(3) }),
  NotePinned: z.object({ noteId: z.string() }),
  NoteTagged: z.object({ noteId: z.string().min(3), tag: z.string().min(2) }),
});
const strayEvents = defineEvents("stray", { StrayHappened: z.object({ id: z.string() }) });

/** A plugin exercising the command context: events, audit, access helpers and subjects. */
const notesPlugin = () =>
  definePlugin({
    id: "notes" as const,
    events: noteEvents,
    api: (ctx) =>
      ctx.commands({
        post: defineCommand({
          subject: "none",
          input: z.object({ ids: z.array(z.string()).max(3) }),
          run: async (cx, { ids }) => {
            const out = [];
            for (const id of ids) out.push(await cx.emit(noteEvents.NotePosted, { noteId: id }));
            return out;
          },
        }),
        emitStray: defineCommand({
          subject: "none",
          input: z.object({}),
          run: (cx) => cx.emit(strayEvents.StrayHappened, { id: "s" }),
        }),
        emitFromQuery: defineQuery({
          subject: "none",
          input: z.object({}),
          run: (cx) => cx.emit(noteEvents.NotePinned, { noteId: "n-1" }),
        }),
        auditFromQuery: defineQuery({
          subject: "none",
          input: z.object({}),
          run: async (cx) => cx.audit({ action: "notes.read" }),
        }),
        tagBoth: defineCommand({
          subject: "none",
          input: z.object({ noteId: z.string(), tag: z.string() }),
          run: (cx, payload) => cx.emit(noteEvents.NoteTagged, payload),
        }),
        writeFromQuery: defineQuery({
          subject: "none",
          input: z.object({}),
          run: (cx) =>
            cx.tx.create(eventModel, { seq: 999, type: "Forged", payload: {}, occurredAt: cx.now }),
        }),
        waive: defineCommand({
          subject: "required",
          input: z.object({ reason: z.string() }),
          run: async (cx, { reason }) =>
            cx.audit({ action: "notes.waived", residentId: cx.subject, target: "note:n-1", reason }),
        }),
        mayActFor: defineQuery({
          subject: "none",
          input: z.object({ residentId: z.string() }),
          run: (cx, { residentId }) => cx.mayActFor(residentId),
        }),
        corrupt: defineCommand({
          subject: "none",
          input: z.object({ field: z.string(), value: z.unknown() }),
          run: async (cx, { field, value }) => {
            const event = await cx.emit(noteEvents.NotePinned, { noteId: "n-1" });
            // What a careless emitter or subscriber could do before the command ends.
            (event as unknown as Record<string, unknown>)[field] = value;
          },
        }),
        groups: defineQuery({
          subject: "none",
          input: z.object({ residentId: z.string() }),
          run: (cx, { residentId }) => cx.groupsOf(residentId),
        }),
        greeting: defineQuery({
          subject: "none",
          input: z.object({ id: z.string() }),
          run: async (cx, { id }) => cx.plugin<{ greet: () => string }>(id)?.greet() ?? "absent",
        }),
        staffOnly: defineQuery({
          subject: "none",
          input: z.object({}),
          run: async (cx) => {
            cx.requireStaff("notes.moderate");
            return "ok";
          },
        }),
        actFor: defineQuery({
          subject: "none",
          input: z.object({ residentId: z.string() }),
          run: async (cx, { residentId }) => {
            await cx.requireActFor(residentId, "notes.readFor");
            return "ok";
          },
        }),
        subject: {
          required: defineQuery({ subject: "required", input: z.object({}), run: async (cx) => cx.subject }),
          optional: defineQuery({ input: z.object({}), run: async (cx) => cx.subject ?? null }),
          none: defineQuery({ subject: "none", input: z.object({}), run: async (cx) => cx.subject ?? null }),
        },
      }),
  });

const resident = (id: string) => ({ kind: "resident", id }) as const;

describe("the command context", () => {
  it("events returned by cx.emit carry their outbox numbers, type, payload and actor once the command ends", async () => {
    const { community, clock } = await testCommunity([notesPlugin()] as const);
    await community.notes.post({ actor: staff, ids: ["n-1"] });
    const returned = await community.notes.post({ actor: staff, ids: ["n-2", "n-3"] });
    const listed = await community.events.list({ actor: staff, afterSeq: 1 });
    expect(returned).toEqual(listed);
    expect(returned.map((e) => [e.seq, e.type, e.payload])).toEqual([
      [2, "NotePosted", { noteId: "n-2" }],
      [3, "NotePosted", { noteId: "n-3" }],
    ]);
    expect(returned[0]).toMatchObject({
      communityId: "wangjialong",
      actorKind: "staff",
      actorId: "desk-1",
      occurredAt: clock.now(),
      ackedAt: null,
    });
  });

  it("an event payload that fails its schema is VALIDATION_FAILED naming the event, the field and the problem", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const error = await community.notes.post({ actor: staff, ids: ["ok-1", "n"] }).catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect(error.messages.en).toContain("NotePosted payload: noteId: ");
    expect(error.details.problems).toEqual([expect.objectContaining({ path: "noteId" })]);
    expect(await community.events.list({ actor: staff })).toEqual([]);
  });

  it("a command may emit only events an installed plugin declares", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    await expect(community.notes.emitStray({ actor: staff })).rejects.toMatchObject({
      code: "UNKNOWN_EVENT",
      details: { plugin: "notes.emitStray", event: "StrayHappened" },
    });
    // A hand-made look-alike of a declared event is refused too.
    const forged = definePlugin({
      id: "forged",
      api: (ctx) =>
        ctx.commands({
          emit: defineCommand({
            subject: "none",
            input: z.object({}),
            run: (cx) => cx.emit({ ...noteEvents.NotePinned }, { noteId: "x" }),
          }),
        }),
    });
    const second = await testCommunity([notesPlugin(), forged] as const);
    await expect(second.community.forged.emit({ actor: staff })).rejects.toMatchObject({
      code: "UNKNOWN_EVENT",
    });
    expect(await second.community.events.list({ actor: staff })).toEqual([]);
  });

  it("a query may neither emit events nor write audit records", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    await expect(community.notes.emitFromQuery({ actor: staff })).rejects.toThrow(
      "query notes.emitFromQuery may not emit events",
    );
    await expect(community.notes.auditFromQuery({ actor: staff })).rejects.toThrow(
      "query notes.auditFromQuery may not write audit records",
    );
  });

  it("cx.requireStaff lets staff-like actors through and refuses a resident with ACCESS_DENIED for the action", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const r = await community.residents.register({ actor: staff, name: "甲" });
    for (const actor of [staff, system]) expect(await community.notes.staffOnly({ actor })).toBe("ok");
    await expect(community.notes.staffOnly({ actor: resident(r.id) })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
      details: { action: "notes.moderate" },
    });
  });

  it("cx.requireActFor: staff for an existing resident, a resident for themself, nobody else; same answer for unknown ids", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    expect(await community.notes.actFor({ actor: staff, residentId: a.id })).toBe("ok");
    await expect(community.notes.actFor({ actor: staff, residentId: "nobody" })).rejects.toMatchObject({
      code: "UNKNOWN_RESIDENT",
    });
    expect(await community.notes.actFor({ actor: resident(a.id), residentId: a.id })).toBe("ok");
    for (const residentId of [b.id, "nobody"])
      await expect(community.notes.actFor({ actor: resident(a.id), residentId })).rejects.toMatchObject({
        code: "ACCESS_DENIED",
        details: { action: "notes.readFor" },
      });
  });

  it("the subject: forResident when given, else the acting resident; staff must name one where it is required", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const { subject } = community.notes;
    expect(await subject.required({ actor: resident(a.id) })).toBe(a.id);
    expect(await subject.required({ actor: staff, forResident: a.id })).toBe(a.id);
    await expect(subject.required({ actor: staff })).rejects.toMatchObject({
      code: "SUBJECT_REQUIRED",
      details: { command: "notes.subject.required" },
    });
    expect(await subject.optional({ actor: staff })).toBeNull();
    expect(await subject.optional({ actor: resident(a.id) })).toBe(a.id);
    expect(await subject.none({ actor: resident(a.id) })).toBeNull();
    await expect(subject.optional({ actor: staff, forResident: "nobody" })).rejects.toMatchObject({
      code: "UNKNOWN_RESIDENT",
    });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    await expect(subject.optional({ actor: resident(b.id), forResident: a.id })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
      details: { action: "notes.subject.optional" },
    });
    // A volunteer acts for themself too.
    await community.members.add({ actor: admin, id: b.id, kind: "volunteer" });
    expect(await subject.required({ actor: { kind: "volunteer", id: b.id } })).toBe(b.id);
    // A binding passes forResident only to the commands that take a subject.
    // (A JavaScript caller: the types offer no subject-less command on a resident binding.)
    const bound = community.as(staff).for(a.id).notes.subject as unknown as Record<
      string,
      () => Promise<unknown>
    >;
    expect([await bound.required!(), await bound.none!()]).toEqual([a.id, null]);
  });
});

describe("what a command may do through its context", () => {
  it("a payload with several problems names each one, separated by semicolons", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const error = await community.notes.tagBoth({ actor: staff, noteId: "n", tag: "x" }).catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect(error.messages.en).toMatch(/NoteTagged payload: noteId: [^;]+; tag: [^;]+$/);
    expect(error.details.problems.map((p: { path: string }) => p.path)).toEqual(["noteId", "tag"]);
  });

  it("a query runs in a read-only transaction: a write through cx.tx is refused with READ_ONLY_TRANSACTION and nothing is stored", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    await expect(community.notes.writeFromQuery({ actor: staff })).rejects.toMatchObject({
      code: "READ_ONLY_TRANSACTION",
    });
    expect(await community.events.list({ actor: staff })).toEqual([]);
  });

  it("cx.audit records who decided what, about whom and why, when the command ends", async () => {
    const { community, clock } = await testCommunity([notesPlugin()] as const);
    const r = await community.residents.register({ actor: staff, name: "甲" });
    await community.notes.waive({ actor: staff, forResident: r.id, reason: "first visit" });
    const { records } = await community.audit.list({ actor: staff, action: "notes.waived" });
    expect(records).toEqual([
      expect.objectContaining({
        command: "notes.waive",
        action: "notes.waived",
        actorKind: "staff",
        actorId: "desk-1",
        residentId: r.id,
        target: "note:n-1",
        reason: "first visit",
        at: clock.now(),
      }),
    ]);
  });

  it("cx.mayActFor answers true for staff and for a resident's own id, false for someone else's", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    expect(await community.notes.mayActFor({ actor: staff, residentId: a.id })).toBe(true);
    expect(await community.notes.mayActFor({ actor: resident(a.id), residentId: a.id })).toBe(true);
    expect(await community.notes.mayActFor({ actor: resident(a.id), residentId: b.id })).toBe(false);
  });

  it("cx.plugin returns an installed plugin's API, and undefined for one that is not installed", async () => {
    const helper = definePlugin({ id: "helper", api: () => ({ greet: () => "你好" }) });
    const { community } = await testCommunity([notesPlugin(), helper] as const);
    expect(await community.notes.greeting({ actor: staff, id: "helper" })).toBe("你好");
    expect(await community.notes.greeting({ actor: staff, id: "absent" })).toBe("absent");
  });
});

describe("grants read through cx.groupsOf", () => {
  it("a grant made in the same command is seen by a later cx.groupsOf of that command", async () => {
    const seen: string[][] = [];
    const watcher = definePlugin({
      id: "watcher",
      hooks: {
        before: {
          "core.eligibility.grant": async (cx) => void seen.push(await cx.groupsOf(String(cx.subject))),
        },
        after: {
          "core.eligibility.grant": async (cx) => void seen.push(await cx.groupsOf(String(cx.subject))),
        },
      },
      api: () => ({}),
    });
    const { community } = await testCommunity([watcher] as const);
    const r = await community.residents.register({ actor: staff, name: "甲" });
    await community.eligibility.grant({ actor: staff, forResident: r.id, groupId: "elderly-living-alone" });
    expect(seen).toEqual([[], ["elderly-living-alone"]]);
  });
});

describe("the outbox row of an emitted event", () => {
  it("an event changed by its emitter before the command ends is refused with VALIDATION_FAILED, and nothing is written", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const changes: [string, unknown, string][] = [
      ["id", 5, "NotePinned"],
      ["type", 5, "5"],
      ["payload", "text", "NotePinned"],
      ["payload", null, "NotePinned"],
      ["payload", ["a"], "NotePinned"],
      ["occurredAt", "2026-06-01", "NotePinned"],
      ["occurredAt", new Date(Number.NaN), "NotePinned"],
      ["actorKind", 5, "NotePinned"],
      ["actorId", 5, "NotePinned"],
    ];
    for (const [field, value, type] of changes) {
      const error = await community.notes.corrupt({ actor: staff, field, value }).catch((e) => e);
      expect(isLinliError(error, "VALIDATION_FAILED"), `${field} = ${String(value)}`).toBe(true);
      expect(error.messages.en).toContain(
        `event ${type}: an emitted event was changed before it was written`,
      );
    }
    expect(await community.events.list({ actor: staff })).toEqual([]);
    // Unchanged, or with the actor's fields set to null, the event is written.
    await community.notes.corrupt({ actor: staff, field: "actorId", value: null });
    await community.notes.corrupt({ actor: staff, field: "unrelated", value: 1 });
    const written = await community.events.list({ actor: staff });
    expect(written.map((e) => [e.seq, e.type, e.actorKind, e.actorId])).toEqual([
      [1, "NotePinned", "staff", null],
      [2, "NotePinned", "staff", "desk-1"],
    ]);
  });
});

describe("cx.groupsOf", () => {
  it("reads only the asked resident's grants", async () => {
    const { community } = await testCommunity([notesPlugin()] as const);
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    await community.eligibility.grant({ actor: staff, forResident: a.id, groupId: "elderly-living-alone" });
    expect(await community.notes.groups({ actor: staff, residentId: a.id })).toEqual([
      "elderly-living-alone",
    ]);
    expect(await community.notes.groups({ actor: staff, residentId: b.id })).toEqual([]);
  });
});

describe("subscribers", () => {
  it("a subscriber sees its own plugin's options, not the emitter's", async () => {
    const heard: unknown[] = [];
    const listener = definePlugin({
      id: "listener",
      config: z.object({ label: z.string() }),
      on: [subscribe(coreEvents.ResidentRegistered, (cx) => void heard.push(cx.options))],
      api: () => ({}),
    });
    const { community } = await testCommunity([listener] as const, {
      ...baseConfig(),
      listener: { label: "L" },
    });
    await community.residents.register({ actor: staff, name: "甲" });
    expect(heard).toEqual([{ label: "L" }]);
  });
});
