import { z } from "zod";
import {
  contribute,
  decide,
  defineModel,
  definePlugin,
  defineRegistry,
  LinliError,
  type LinliPlugin,
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
  ({
    id: "gate" as const,
    registries: [gateRuleKinds],
    contributes: [contribute(gateRuleKinds, [openKind])],
    config: (registries) => {
      const kinds = registries.get(gateRuleKinds).map((k) => k.schema);
      return z
        .object({ rules: z.array(z.discriminatedUnion("kind", kinds as never)).default([]) })
        .default({ rules: [] });
    },
    api: (ctx) => ({
      /** Checks a resident against every configured rule; returns the decision with all violations. */
      check: ctx.query({
        name: "gate.check",
        input: z.object({ residentId: z.string() }),
        run: async (cx, { residentId }) => {
          const kinds = new Map(cx.registries.get(gateRuleKinds).map((k) => [k.kind, k]));
          const groups = await cx.groupsOf(residentId);
          const rules = (cx.config.gate as { rules: { kind: string }[] }).rules;
          const localDate = cx.now.toISOString().slice(0, 10);
          return decide(rules.flatMap((rule) => kinds.get(rule.kind)!.evaluate(rule, { groups, localDate })));
        },
      }),
    }),
  }) satisfies LinliPlugin;

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
    api: (ctx) => ({
      /** Records a council decision; refused without quorum. */
      decide: ctx.command({
        name: "council.decide",
        allow: ["staff", "volunteer", "resident"],
        input: z.object({
          courtyard: z.string(),
          title: z.string().min(1),
          votesFor: z.number().int().min(0),
          votesAgainst: z.number().int().min(0),
        }),
        run: async (cx, input) => {
          const quorum = (cx.config.council as { quorum: number }).quorum;
          const row = await cx.tx.create(councilDecisionModel, { ...input, decidedAt: cx.now });
          await cx.emit("CouncilDecided", { decisionId: row.id, courtyard: input.courtyard });
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
