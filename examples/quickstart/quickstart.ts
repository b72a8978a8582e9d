// The README quickstart, runnable: a community on the memory adapter with a tiny plugin.
import {
  createCommunity,
  definePlugin,
  defineModel,
  LinliError,
  manualClock,
  sequentialIds,
} from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { z } from "zod";

/** A courtyard's notice board: a model, a config section and one command. */
const noticeModel = defineModel("notice_board_notice", {
  courtyard: z.string(),
  text: z.string().min(1),
  postedAt: z.date(),
});

const noticeBoard = () =>
  definePlugin({
    id: "notices" as const,
    config: z.object({ maxLength: z.number().int().positive().default(140) }).default({ maxLength: 140 }),
    models: [noticeModel],
    api: (ctx) => ({
      post: ctx.command({
        name: "notices.post",
        allow: ["staff", "volunteer"],
        input: z.object({ courtyard: z.string(), text: z.string().min(1) }),
        run: async (cx, input) => {
          const { maxLength } = cx.config.notices as { maxLength: number };
          if (input.text.length > maxLength) {
            throw new LinliError("NOTICE_TOO_LONG", {
              "zh-CN": `通知不能超过 ${maxLength} 字`,
              en: `Notices are at most ${maxLength} characters`,
            });
          }
          const notice = await cx.tx.create(noticeModel, { ...input, postedAt: cx.now });
          await cx.emit("NoticePosted", { noticeId: notice.id, courtyard: input.courtyard });
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
    },
    storage: memoryStorage(),
    plugins: [noticeBoard()],
    clock: manualClock("2026-06-01T01:00:00Z"),
    ids: sequentialIds(),
  });
  const desk = { kind: "staff", id: "desk-1" } as const;
  const grandma = await community.residents.register({ actor: desk, name: "王奶奶" });
  await community.eligibility.grant({
    actor: desk,
    residentId: grandma.id,
    groupId: "elderly-living-alone",
    evidenceRef: "登记表-031",
  });
  const notice = await community.notices.post({
    actor: desk,
    courtyard: "courtyard-1",
    text: "周六上午义务理发",
  });
  const groups = await community.eligibility.groupsOf({ actor: desk, residentId: grandma.id });
  const events = await community.events.list({ actor: desk, pendingOnly: true });
  await community.close();
  return { notice, groups, events: events.map((e) => e.type) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await quickstart());
}
