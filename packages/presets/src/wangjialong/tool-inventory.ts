// The Wangjialong tool room's starting inventory (seed data, not configuration: a community
// keeps it in a spreadsheet and loads it with `linli import --csv` or
// `lending.catalog.importInventory`). The source says "over 100 kinds" and names none, so this
// list is an assumption: the common household tools of an old enterprise-dormitory
// neighbourhood, with how many units the community bought.
import type { InventoryRowInput } from "@linli/lending";
import { TOOL_ROOM_TRAINING_GROUP } from "./tool-room";

/** One kind of tool: id, category, zh-CN and en names, units bought, whether training is required. */
type Kind = readonly [id: string, category: string, zh: string, en: string, units: number, training?: true];

const KINDS: readonly Kind[] = [
  ["hammer", "hand-tools", "锤子", "Hammer", 3],
  ["screwdriver-set", "hand-tools", "螺丝刀套装", "Screwdriver set", 4],
  ["wrench-set", "hand-tools", "扳手套装", "Wrench set", 3],
  ["pipe-wrench", "hand-tools", "管钳", "Pipe wrench", 2],
  ["pliers", "hand-tools", "钳子", "Pliers", 3],
  ["hand-saw", "hand-tools", "手锯", "Hand saw", 2],
  ["tape-measure", "hand-tools", "卷尺", "Tape measure", 3],
  ["cordless-drill", "power-tools", "充电电钻", "Cordless drill", 2],
  ["impact-drill", "power-tools", "冲击钻", "Impact drill", 1, true],
  ["angle-grinder", "power-tools", "角磨机", "Angle grinder", 1, true],
  ["glue-gun", "power-tools", "热熔胶枪", "Glue gun", 2],
  ["multimeter", "power-tools", "万用表", "Multimeter", 1],
  ["step-ladder", "ladders", "人字梯", "Step ladder", 2],
  ["extension-ladder", "ladders", "伸缩梯", "Extension ladder", 1],
  ["pruning-shears", "garden", "修枝剪", "Pruning shears", 3],
  ["hoe", "garden", "锄头", "Hoe", 2],
  ["watering-can", "garden", "喷壶", "Watering can", 2],
  ["pressure-washer", "cleaning", "高压清洗机", "Pressure washer", 1],
  ["wet-dry-vacuum", "cleaning", "干湿吸尘器", "Wet and dry vacuum", 1],
  ["window-squeegee", "cleaning", "擦窗器", "Window squeegee", 2],
  ["sewing-machine", "household", "缝纫机", "Sewing machine", 1],
  ["caulking-gun", "household", "打胶枪", "Caulking gun", 2],
  ["tile-cutter", "household", "瓷砖切割器", "Tile cutter", 1],
  ["stud-finder", "household", "墙体探测仪", "Stud finder", 1],
];

/**
 * The tools the community bought before lending opened, one inventory row per unit (the
 * CSV-friendly rows of `@linli/lending`'s `inventoryRowSchema`): 24 kinds in the six
 * categories of the preset's `lending` section, 46 units coded `<type>-<n>`, at the tool room
 * (place `tool-room-site`). The impact drill and the angle grinder need the recorded power-tool training.
 * Deterministic; a fresh copy on each call.
 */
export function wangjialongToolInventory(): InventoryRowInput[] {
  return KINDS.flatMap(([id, category, zh, en, units, training]) =>
    Array.from({ length: units }, (_, k) => ({
      itemTypeId: id,
      tracking: "stock" as const,
      category,
      nameZh: zh,
      nameEn: en,
      tags: "",
      trainingGroup: training ? TOOL_ROOM_TRAINING_GROUP : "",
      code: `${id}-${k + 1}`,
      condition: "good" as const,
      location: "tool-room-site",
      acquisition: "bought" as const,
      acquiredOn: "",
    })),
  );
}
