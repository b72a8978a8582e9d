// The Wangjialong shared tool room (a disused gatehouse, DOMAIN.md): tools first bought by the
// community, later donated by residents, lent free. The source says "over 100 kinds" and names
// none, so this small catalog is an assumption: the common household tools of an old
// enterprise-dormitory neighbourhood, with how many units and how popular each is.

/** A category of the simulated catalog, with its loan terms. */
export interface ToolCategory {
  /** Category id. */
  readonly id: string;
  /** zh-CN and en names. */
  readonly name: { readonly "zh-CN": string; readonly en: string };
  /** Days lent. */
  readonly loanDays: number;
}

/** A kind of tool of the simulated catalog. */
export interface ToolType {
  /** Item type id. */
  readonly id: string;
  /** Its category. */
  readonly category: string;
  /** Chinese name. */
  readonly zh: string;
  /** English name. */
  readonly en: string;
  /** Units bought. */
  readonly units: number;
  /** Relative demand (loans per day are shared by this weight). */
  readonly popularity: number;
}

const name = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The categories: power tools and ladders go out for three days, the others for a week. */
export const TOOL_CATEGORIES: readonly ToolCategory[] = [
  { id: "hand-tools", name: name("手动工具", "Hand tools"), loanDays: 7 },
  { id: "power-tools", name: name("电动工具", "Power tools"), loanDays: 3 },
  { id: "ladders", name: name("梯子", "Ladders"), loanDays: 3 },
  { id: "garden", name: name("园艺工具", "Garden tools"), loanDays: 7 },
  { id: "cleaning", name: name("清洁工具", "Cleaning"), loanDays: 3 },
  { id: "household", name: name("家居修补", "Household repair"), loanDays: 7 },
];

/** The tools bought before the first day (donations add to them during the simulation). */
export const TOOL_TYPES: readonly ToolType[] = [
  { id: "hammer", category: "hand-tools", zh: "锤子", en: "Hammer", units: 3, popularity: 5 },
  {
    id: "screwdriver-set",
    category: "hand-tools",
    zh: "螺丝刀套装",
    en: "Screwdriver set",
    units: 4,
    popularity: 8,
  },
  { id: "wrench-set", category: "hand-tools", zh: "扳手套装", en: "Wrench set", units: 3, popularity: 5 },
  { id: "pipe-wrench", category: "hand-tools", zh: "管钳", en: "Pipe wrench", units: 2, popularity: 3 },
  { id: "pliers", category: "hand-tools", zh: "钳子", en: "Pliers", units: 3, popularity: 4 },
  { id: "hand-saw", category: "hand-tools", zh: "手锯", en: "Hand saw", units: 2, popularity: 2 },
  { id: "tape-measure", category: "hand-tools", zh: "卷尺", en: "Tape measure", units: 3, popularity: 4 },
  {
    id: "cordless-drill",
    category: "power-tools",
    zh: "充电电钻",
    en: "Cordless drill",
    units: 2,
    popularity: 9,
  },
  { id: "impact-drill", category: "power-tools", zh: "冲击钻", en: "Impact drill", units: 1, popularity: 5 },
  {
    id: "angle-grinder",
    category: "power-tools",
    zh: "角磨机",
    en: "Angle grinder",
    units: 1,
    popularity: 2,
  },
  { id: "glue-gun", category: "power-tools", zh: "热熔胶枪", en: "Glue gun", units: 2, popularity: 2 },
  { id: "multimeter", category: "power-tools", zh: "万用表", en: "Multimeter", units: 1, popularity: 2 },
  { id: "step-ladder", category: "ladders", zh: "人字梯", en: "Step ladder", units: 2, popularity: 6 },
  {
    id: "extension-ladder",
    category: "ladders",
    zh: "伸缩梯",
    en: "Extension ladder",
    units: 1,
    popularity: 3,
  },
  { id: "pruning-shears", category: "garden", zh: "修枝剪", en: "Pruning shears", units: 3, popularity: 3 },
  { id: "hoe", category: "garden", zh: "锄头", en: "Hoe", units: 2, popularity: 1 },
  { id: "watering-can", category: "garden", zh: "喷壶", en: "Watering can", units: 2, popularity: 1 },
  {
    id: "pressure-washer",
    category: "cleaning",
    zh: "高压清洗机",
    en: "Pressure washer",
    units: 1,
    popularity: 3,
  },
  {
    id: "wet-dry-vacuum",
    category: "cleaning",
    zh: "干湿吸尘器",
    en: "Wet and dry vacuum",
    units: 1,
    popularity: 3,
  },
  {
    id: "window-squeegee",
    category: "cleaning",
    zh: "擦窗器",
    en: "Window squeegee",
    units: 2,
    popularity: 2,
  },
  {
    id: "sewing-machine",
    category: "household",
    zh: "缝纫机",
    en: "Sewing machine",
    units: 1,
    popularity: 2,
  },
  { id: "caulking-gun", category: "household", zh: "打胶枪", en: "Caulking gun", units: 2, popularity: 2 },
  { id: "tile-cutter", category: "household", zh: "瓷砖切割器", en: "Tile cutter", units: 1, popularity: 1 },
  { id: "stud-finder", category: "household", zh: "墙体探测仪", en: "Stud finder", units: 1, popularity: 1 },
];

/** Tools residents bring that the catalog does not have yet: each offered once, in this order. */
export const DONATED_NEW_TYPES: readonly Omit<ToolType, "units" | "popularity">[] = [
  { id: "bike-pump", category: "hand-tools", zh: "打气筒", en: "Bike pump" },
  { id: "spirit-level", category: "hand-tools", zh: "水平仪", en: "Spirit level" },
  { id: "soldering-iron", category: "power-tools", zh: "电烙铁", en: "Soldering iron" },
  { id: "hedge-trimmer", category: "garden", zh: "绿篱机", en: "Hedge trimmer" },
  { id: "carpet-cleaner", category: "cleaning", zh: "地毯清洗机", en: "Carpet cleaner" },
  { id: "rivet-gun", category: "household", zh: "拉铆枪", en: "Rivet gun" },
  { id: "jigsaw", category: "power-tools", zh: "曲线锯", en: "Jigsaw" },
  { id: "wheelbarrow", category: "garden", zh: "手推车", en: "Wheelbarrow" },
];
