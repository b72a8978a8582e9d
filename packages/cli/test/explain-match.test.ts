import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { run } from "./run-cli";

const wangjialong = fileURLToPath(new URL("../../presets/wangjialong.json", import.meta.url));
const libraryOfThings = fileURLToPath(new URL("../../presets/library-of-things.json", import.meta.url));
const window = ["--at", "2026-07-02T09:00", "--now", "2026-07-01T10:00"];

describe("linli explain match", () => {
  test("a home repair for an elderly person living alone: free (the group, staff only), repair volunteers ranked, exclusions counted (en)", async () => {
    const { code, out, err } = await run([
      "explain",
      "match",
      "--config",
      wangjialong,
      "--request",
      "home-repair",
      "--profile",
      "elderly-living-alone",
      "--age",
      "82",
      "--place",
      "courtyard-2",
      "--end",
      "2026-07-02T11:30",
      ...window,
      "--lang",
      "en",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(`Help request match: Home repair (home-repair)
When: 2026-07-02 09:00–11:30 (Asia/Shanghai); 60 minutes
Where: Courtyard 2 (courtyard-2)
Resident: Elderly person living alone (elderly-living-alone); age 82
Asked by: the desk, on the resident's behalf
Price: CN¥0.00 (plan home-repair)
  PER_USE     CN¥10.00  Per use: CN¥10.00 × 1
  TIER_FREE  -CN¥10.00  Elderly person living alone concession: -CN¥10.00
  Decided by the group: Elderly person living alone (elderly-living-alone; staff only)
Volunteers: 42 (wangjialong); 4 candidates, 38 excluded
Candidates (lowest cost first):
  1. 陈淑珍 (pioneer-05, Courtyard 2): cost -8 (urgency -5, preference -3)
  2. 王建国 (pioneer-01, Courtyard 1): cost 2 (walking 10, urgency -5, preference -3)
  3. 赵桂兰 (pioneer-07, Courtyard 1): cost 2 (walking 10, urgency -5, preference -3)
  4. 张卫东 (pioneer-03, Courtyard 3): cost 4 (walking 12, urgency -5, preference -3)
Excluded:
  not-a-candidate  34  lack a required skill or live too far (not read)
  availability      4  are not available then
`);
  });

  test("groceries for an 82-year-old (the pairing rule): younger elderly only, in zh-CN, with --config after explain", async () => {
    const { code, out } = await run([
      "explain",
      "--config",
      wangjialong,
      "match",
      "--request",
      "groceries",
      "--profile",
      "empty-nest-elderly",
      "--age",
      "82",
      "--place",
      "courtyard-3",
      "--end",
      "2026-07-02T11:00",
      ...window,
      "--limit",
      "3",
      "--lang",
      "zh-CN",
    ]);
    expect(code).toBe(0);
    expect(out).toBe(`求助匹配：代买菜（groceries）
时间：2026-07-02 09:00–11:00（Asia/Shanghai）；60 分钟
地点：第三庭院（courtyard-3）
居民：空巢老人（empty-nest-elderly）；82 岁
办理：服务台工作人员代为登记
费用：不收费（该类求助未定价）
志愿者：42 位（wangjialong）；21 位候选，21 位排除
候选人（代价从低到高）：
  1. 杨秀英（pioneer-18，第三庭院）：代价 -8（紧急 -5，偏好 -3）
  2. 周桂兰（pioneer-21，第三庭院）：代价 -8（紧急 -5，偏好 -3）
  3. 孙志强（pioneer-24，第三庭院）：代价 -8（紧急 -5，偏好 -3）
排除原因：
  availability  13  该时段没空
  age-band       8  不符合结对年龄规则（低龄老人帮高龄老人）
`);
  });

  test("mistakes are refused with exit code 1: an unknown kind, an unknown place, a community without seed volunteers", async () => {
    const base = ["explain", "match", "--config", wangjialong, ...window, "--lang", "en"];
    const kind = await run([...base, "--request", "juggling"]);
    expect(kind.code).toBe(1);
    expect(kind.err).toContain('Unknown kind of help "juggling"');
    const place = await run([...base, "--request", "groceries", "--place", "courtyard-9"]);
    expect(place.code).toBe(1);
    expect(place.err).toBe('Unknown place "courtyard-9"\n');
    const london = await run([
      "explain",
      "match",
      "--config",
      libraryOfThings,
      "--request",
      "groceries",
      ...window,
    ]);
    expect(london.code).toBe(1);
    expect(london.err).toContain("--volunteers <file.json>");
  });
});
