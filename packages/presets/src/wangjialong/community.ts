// Wangjialong Community (王家垅社区), Dongfeng Road subdistrict, Kaifu District, Changsha:
// 0.4 km² bounded by Lanes 5, 6 and 7 and Dongfeng Road, about 5,800 residents.
import { type PresetBase, type PresetPart, text } from "../preset-part";

/** The community section and the sections' options: Asia/Shanghai, CNY, zh-CN. */
export const wangjialongBase: PresetBase = {
  community: {
    id: "wangjialong",
    name: text("王家垅社区", "Wangjialong Community"),
    timeZone: "Asia/Shanghai",
    currency: "CNY",
    locale: "zh-CN",
  },
  // Residents book by phone or WeChat, often through someone else: every channel is normal.
  booking: { channels: ["desk", "phone", "wechat", "app"] },
  pricing: { currency: "CNY", rounding: "half-up" },
  // Home repair and tailoring are priced through pricing, quoted as this system account.
  members: [{ id: "volunteers", kind: "system", name: "志愿服务询价 / Volunteers quoting" }],
};

/** The map (streets bounding the community, the commercial street, the Lane 6 culture wall) and the eligibility groups. */
export const wangjialongCommunity: PresetPart = {
  places: [
    { id: "lane-5", kind: "street", name: text("五巷", "Lane 5") },
    { id: "lane-6", kind: "street", name: text("六巷", "Lane 6") },
    { id: "lane-7", kind: "street", name: text("七巷", "Lane 7") },
    { id: "dongfeng-road", kind: "street", name: text("东风路", "Dongfeng Road") },
    { id: "commercial-street", kind: "street", name: text("商业街", "Commercial street") },
    {
      id: "culture-wall",
      kind: "area",
      name: text("六巷文化墙", "Lane 6 culture wall"),
      parent: "lane-6",
    },
  ],
  groups: [
    { id: "minimum-subsistence", name: text("低保户", "Minimum-subsistence-allowance household") },
    { id: "extremely-poor", name: text("特困户", "Extremely poor household") },
    { id: "hardship", name: text("困难户", "Household in difficulty") },
    { id: "elderly-living-alone", name: text("独居老人", "Elderly person living alone") },
    { id: "elderly-no-family", name: text("孤寡老人", "Elderly person with no family") },
    { id: "empty-nest-elderly", name: text("空巢老人", "Empty-nest elderly") },
    // Student status is not sensitive, declared by the family, and renewed each school year.
    {
      id: "student",
      name: text("学生", "Student"),
      sensitive: false,
      verification: "self-declared",
      validForDays: 365,
    },
  ],
};
