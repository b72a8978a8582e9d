import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { run } from "./run-cli";

const wangjialong = fileURLToPath(new URL("../../presets/wangjialong.json", import.meta.url));
const drying = (lang: string, profile = "hardship") => [
  "explain",
  "--config",
  wangjialong,
  "book",
  "--resource",
  "drying-room",
  "--profile",
  profile,
  "--age",
  "78",
  "--at",
  "2026-07-02T09:00",
  "--now",
  "2026-07-01T10:00",
  "--lang",
  lang,
];

describe("linli explain", () => {
  test("a drying-room booking for a household in difficulty: allowed, and free with the reason (en)", async () => {
    const { code, out } = await run(drying("en"));
    expect(code).toBe(0);
    expect(out).toBe(`Booking check: Shared drying room (drying-room)
When: 2026-07-02 09:00–10:00 (Asia/Shanghai)
Resident: Household in difficulty (hardship); age 78
Booked by: the desk, on the resident's behalf
Decision: allowed
Approval: not needed
Price: CN¥0.00 (plan drying-room-per-use)
  PER_USE     CN¥1.00  Per use: CN¥1.00 × 1
  TIER_FREE  -CN¥1.00  Household in difficulty concession: -CN¥1.00
  Decided by the group: Household in difficulty (hardship; sensitive: never on the resident's receipt)
`);
  });

  test("the same in zh-CN", async () => {
    const { out } = await run(drying("zh-CN"));
    expect(out).toBe(`预约检查：共享干衣房（drying-room）
时间：2026-07-02 09:00–10:00（Asia/Shanghai）
居民：困难户（hardship）；78 岁
办理：服务台工作人员代为办理
结果：可以预约
审批：不需要
费用：¥0.00（价格方案 drying-room-per-use）
  PER_USE     ¥1.00  按次计费：¥1.00 × 1
  TIER_FREE  -¥1.00  困难户优惠：-¥1.00
  决定价格的资格类别：困难户（hardship；敏感信息，不会出现在居民的收据上）
`);
  });

  test("a refused booking lists every reason with its rule", async () => {
    const args = drying("en", "none").map((a) => (a === "2026-07-02T09:00" ? "2026-07-02T21:00" : a));
    const { code, out } = await run([...args, "--minutes", "180"]);
    expect(code).toBe(0);
    expect(out.split("\n").slice(4, 8)).toEqual([
      "Decision: refused (2 reasons)",
      expect.stringMatching(/^ {2}1\. .*\(OUTSIDE_OPENING_HOURS, rule drying-room-hours\)$/),
      expect.stringMatching(/^ {2}2\. .*\(TOO_LONG, rule drying-room-length\)$/),
      "Price: CN¥1.00 (plan drying-room-per-use)",
    ]);
  });

  test("a quote for the members-only gym says why there is no price; unknown groups are refused", async () => {
    const base = [
      "explain",
      "--config",
      wangjialong,
      "quote",
      "--resource",
      "gym",
      "--at",
      "2026-07-02T03:00",
      "--lang",
      "en",
    ];
    const { out } = await run(base);
    expect(out.split("\n").at(-2)).toBe(
      "Price: not available: 24-hour smart gym is for members only: please get a Gym monthly pass first (MEMBERSHIP_REQUIRED)",
    );
    const wrong = await run([...base, "--profile", "pensioner"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("Unknown eligibility group: pensioner");
  });
});
