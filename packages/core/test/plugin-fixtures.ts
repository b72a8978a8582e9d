import { z } from "zod";
import {
  contribute,
  coreEvents,
  decide,
  defineModel,
  defineCommand,
  defineEvents,
  definePlugin,
  defineQuery,
  defineRegistry,
  type EventMap,
  LinliError,
  subscribe,
  type Violation,
  violation,
} from "../src/index";

/** A rule kind as the host plugin below defines it: a config schema and a pure evaluator. */
export interface GateRuleKind {
  kind: string;
  schema: z.ZodObject;
  evaluate(rule: Record<string, unknown>, request: { groups: string[]; localDate: string }): Violation[];
}

export const gateRuleKinds = defineRegistry<GateRuleKind>("gate.rule-kinds");

const openKind: GateRuleKind = {
  kind: "always-open",
  schema: z.object({ kind: z.literal("always-open") }),
  evaluate: () => [],
};

/** A host plugin that owns a registry of rule kinds and validates its config with them. */
export const gatePlugin = () =>
  definePlugin({
    id: "gate" as const,
    registries: [gateRuleKinds],
    contributes: [contribute(gateRuleKinds, [openKind])],
    config: (registries) => {
      const [first, ...rest] = registries.get(gateRuleKinds).map((k) => k.schema);
      if (!first) throw new TypeError("no gate rule kinds");
      return z
        .object({ rules: z.array(z.discriminatedUnion("kind", [first, ...rest])).default([]) })
        .prefault({});
    },
    api: (ctx) =>
      ctx.commands({
        /** Checks a resident against every configured rule; returns the decision with all violations. */
        check: defineQuery({
          subject: "required",
          input: z.object({}),
          run: async (cx) => {
            const kinds = new Map(cx.registries.get(gateRuleKinds).map((k) => [k.kind, k]));
            const groups = await cx.groupsOf(cx.subject);
            const localDate = cx.now.toISOString().slice(0, 10);
            return decide(
              ctx.options.rules.flatMap(
                (rule) => kinds.get(String(rule.kind))?.evaluate(rule, { groups, localDate }) ?? [],
              ),
            );
          },
        }),
      }),
  });

/** The council's events. */
export const councilEvents = defineEvents("council", {
  CouncilDecided: z.object({ decisionId: z.string(), courtyard: z.string() }),
});

/** A courtyard council's own record: a decision taken by vote. */
export const councilDecisionModel = defineModel("council_decision", {
  courtyard: z.string(),
  title: z.string().min(1),
  votesFor: z.number().int().min(0),
  votesAgainst: z.number().int().min(0),
  decidedAt: z.date(),
});

const holidayTemplate = {
  "zh-CN": "仅在寒暑假期间向学生开放（{date}）",
  en: "Open to students only in school holidays ({date})",
};

/**
 * A community's own plugin, written outside the kernel with only its public API: adds a
 * model, a config section, a rule kind (to the gate's registry) and a command.
 */
export const councilPlugin = () =>
  definePlugin({
    id: "council" as const,
    requires: ["gate"],
    config: z.object({
      quorum: z.number().int().positive(),
      holidays: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
    }),
    models: [councilDecisionModel],
    contributes: [
      contribute(gateRuleKinds, [
        {
          kind: "students-in-holidays",
          schema: z.object({
            kind: z.literal("students-in-holidays"),
            holidays: z.array(z.object({ from: z.string(), to: z.string() })),
          }),
          evaluate(rule, request) {
            const holidays = rule.holidays as { from: string; to: string }[];
            const inHoliday = holidays.some((h) => h.from <= request.localDate && request.localDate <= h.to);
            if (request.groups.includes("student") && inHoliday) return [];
            return [
              violation("STUDENTS_IN_HOLIDAYS_ONLY", "students-in-holidays", holidayTemplate, {
                date: request.localDate,
              }),
            ];
          },
        },
      ]),
    ],
    events: councilEvents,
    api: (ctx) =>
      ctx.commands({
        /** Records a council decision; refused without quorum. */
        decide: defineCommand({
          allow: ["staff", "volunteer", "resident"],
          subject: "none",
          input: z.object({
            courtyard: z.string(),
            title: z.string().min(1),
            votesFor: z.number().int().min(0),
            votesAgainst: z.number().int().min(0),
          }),
          run: async (cx, input) => {
            const { quorum } = cx.options;
            const row = await cx.tx.create(councilDecisionModel, { ...input, decidedAt: cx.now });
            await cx.emit(councilEvents.CouncilDecided, { decisionId: row.id, courtyard: input.courtyard });
            if (input.votesFor + input.votesAgainst < quorum) {
              throw new LinliError("QUORUM_NOT_MET", {
                "zh-CN": `未达法定人数 ${quorum}`,
                en: `Quorum of ${quorum} not met`,
              });
            }
            return row;
          },
        }),
      }),
  });

/** The events of the chime plugin below. */
export const chimeEvents = defineEvents("chime", { ChimeRang: z.object({ id: z.string() }) });

/** A plugin that emits `ChimeRang` from its staff-only `ring` command. */
export const chimePlugin = (events: EventMap = chimeEvents) =>
  definePlugin({
    id: "chime" as const,
    events,
    api: (ctx) =>
      ctx.commands({
        ring: defineCommand({
          subject: "none",
          allow: "staff",
          input: z.object({ id: z.string() }),
          run: async (cx, { id }) => {
            await cx.emit(events.ChimeRang ?? chimeEvents.ChimeRang, { id });
            return id;
          },
        }),
      }),
  });

/** A plugin recording what it hears, under its id. */
export const listenerPlugin = (
  id: string,
  heard: string[],
  optional: string[] = [],
  event = chimeEvents.ChimeRang,
) =>
  definePlugin({
    id,
    optional,
    on: [subscribe(event, (_cx, e) => void heard.push(`${id}:${e.payload.id}`))],
    api: () => ({}),
  });

/** A plugin that declares the chime's events as its own: refused, the chime owns them. */
export const thiefPlugin = () => definePlugin({ id: "thief", events: chimeEvents, api: () => ({}) });

/** A plugin whose `on` is one subscription, not a list, as plain JavaScript may write it: refused. */
export const singleSubscriptionPlugin = () =>
  definePlugin({
    id: "single",
    on: subscribe(coreEvents.ResidentRegistered, () => undefined),
    api: () => ({}),
  } as never);
