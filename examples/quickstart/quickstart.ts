import { createCommunity, defineCommand, defineEvents, defineModel, definePlugin } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { z } from "zod";

const noticeModel = defineModel("notice_board_notice", {
  courtyard: z.string(),
  text: z.string().min(1),
  postedAt: z.date(),
});

// Events belong to the plugin that emits them; subscribers use these definitions, never strings.
const noticeEvents = defineEvents("notices", {
  NoticePosted: z.object({ noticeId: z.string(), courtyard: z.string() }),
});

// A community's own plugin: options, a model, an event and a command, through the public API only.
const noticeBoard = () =>
  definePlugin({
    id: "notices",
    config: z.object({ maxLength: z.number().int().positive().default(140) }).prefault({}),
    models: [noticeModel],
    events: noticeEvents,
    api: (ctx) =>
      ctx.commands({
        // `notices.post`: named by its key; `subject: "none"` = it concerns no particular resident.
        post: defineCommand({
          allow: ["staff", "volunteer"],
          subject: "none",
          input: z.object({ courtyard: z.string().max(100), text: z.string().min(1).max(1000) }),
          run: async (cx, input) => {
            const text = input.text.slice(0, cx.options.maxLength); // options typed from `config`
            const notice = await cx.tx.create(noticeModel, { ...input, text, postedAt: cx.now });
            await cx.emit(noticeEvents.NoticePosted, { noticeId: notice.id, courtyard: input.courtyard });
            return notice; // the write and the event commit together
          },
        }),
      }),
  });

const community = await createCommunity({
  config: {
    community: {
      id: "wangjialong",
      name: { "zh-CN": "王家垅社区", en: "Wangjialong" },
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    groups: [{ id: "elderly-living-alone", name: { "zh-CN": "独居老人", en: "Elderly living alone" } }],
    members: [{ id: "desk-1", kind: "staff" }], // every staff id that acts is declared and verified
  }, // typed by the kernel and the plugins passed: a typo is a compile error
  storage: memoryStorage(),
  plugins: [noticeBoard()],
});

const desk = community.as({ kind: "staff", id: "desk-1" }); // who acts, bound once
const grandma = await desk.residents.register({ name: "王奶奶" }); // ids are generated: keep them
await desk.for(grandma.id).eligibility.grant({ groupId: "elderly-living-alone", evidenceRef: "登记表-031" });
await desk.notices.post({ courtyard: "courtyard-1", text: "周六上午义务理发" }); // typed: exists because the plugin is passed

// ---------------------------------------------------------------------------------------------
// Everything above is the root README's quickstart block, verbatim: quickstart.test.ts fails
// when they differ. Below: what it did, printed, so that `npm start` shows something.
const events = await desk.events.list({ pendingOnly: true });
const groups = await desk.for(grandma.id).eligibility.groupsOf();
console.log(JSON.stringify({ resident: grandma.id, groups, events: events.map((e) => e.type) }));
await community.close();
