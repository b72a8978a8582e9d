// The README quickstart, runnable: a community on the memory adapter with a tiny plugin.
import {
  createCommunity,
  defineCommand,
  defineEvents,
  defineModel,
  definePlugin,
  LinliError,
  manualClock,
  sequentialIds,
} from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { z } from "zod";

/** A courtyard's notice board: a model, a config section, an event and one command. */
const noticeModel = defineModel("notice_board_notice", {
  courtyard: z.string(),
  text: z.string().min(1),
  postedAt: z.date(),
});

/** The events the notice board emits; other plugins subscribe with these definitions. */
const noticeEvents = defineEvents("notices", {
  NoticePosted: z.object({ noticeId: z.string(), courtyard: z.string() }),
});

const noticeBoard = () =>
  definePlugin({
    id: "notices",
    config: z.object({ maxLength: z.number().int().positive().default(140) }).prefault({}),
    models: [noticeModel],
    events: noticeEvents,
    api: (ctx) =>
      ctx.commands({
        /** `notices.post`: the name comes from the key it is registered under. */
        post: defineCommand({
          allow: ["staff", "volunteer"],
          subject: "none",
          input: z.object({ courtyard: z.string().max(100), text: z.string().min(1).max(1000) }),
          run: async (cx, input) => {
            // `cx.options` is the plugin's parsed config section, typed from its schema.
            const { maxLength } = cx.options;
            if (input.text.length > maxLength) {
              throw new LinliError("NOTICE_TOO_LONG", {
                "zh-CN": `通知不能超过 ${maxLength} 字`,
                en: `Notices are at most ${maxLength} characters`,
              });
            }
            const notice = await cx.tx.create(noticeModel, { ...input, postedAt: cx.now });
            // Checked against the event's schema, written in the same transaction.
            await cx.emit(noticeEvents.NoticePosted, { noticeId: notice.id, courtyard: input.courtyard });
            return notice;
          },
        }),
      }),
  });

/** Runs the quickstart and returns what an app would show. */
export async function quickstart() {
  const community = await createCommunity({
    config: {
      community: {
        id: "wangjialong",
        name: { "zh-CN": "王家垅社区", en: "Wangjialong" },
        timeZone: "Asia/Shanghai",
        currency: "CNY",
      },
      groups: [{ id: "elderly-living-alone", name: { "zh-CN": "独居老人", en: "Elderly living alone" } }],
      // Staff who act are declared: linli verifies every actor id.
      members: [{ id: "desk-1", kind: "staff" }],
      notices: { maxLength: 100 },
    },
    storage: memoryStorage(),
    plugins: [noticeBoard()],
    clock: manualClock("2026-06-01T01:00:00Z"),
    ids: sequentialIds(),
  });
  // Bind who acts once; `.for(residentId)` binds the resident a command concerns.
  const desk = community.as({ kind: "staff", id: "desk-1" });
  const grandma = await desk.residents.register({ name: "王奶奶" });
  await desk
    .for(grandma.id)
    .eligibility.grant({ groupId: "elderly-living-alone", evidenceRef: "登记表-031" });
  const notice = await desk.notices.post({ courtyard: "courtyard-1", text: "周六上午义务理发" });
  const tooLong = await desk.notices
    .post({ courtyard: "courtyard-1", text: "长".repeat(101) })
    .catch((e) => e);
  const groups = await desk.for(grandma.id).eligibility.groupsOf();
  const events = await desk.events.list({ pendingOnly: true });
  await community.close();
  return { notice, groups, refused: tooLong.code, events: events.map((e) => e.type) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await quickstart());
}
