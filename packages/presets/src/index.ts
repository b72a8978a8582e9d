// @linli/presets: complete community configurations as validated data, one module per facility area.
export {
  composePreset,
  everyDay,
  type PresetBase,
  type PresetConfig,
  type PresetPart,
  type PresetPlugins,
  type VolunteersSectionInput,
  text,
  WEEKDAYS,
} from "./preset-part";
export {
  isPresetName,
  type PresetName,
  presetCopy,
  presetJson,
  presetNames,
  presets,
} from "./preset-registry";
export { wangjialong, wangjialongParts } from "./wangjialong/index";
export { DRYING_ROOM_FREE_GROUPS, DRYING_ROOM_PRICE } from "./wangjialong/drying-room";
export { GYM_MONTHLY_PRICE } from "./wangjialong/gym";
export { HOME_REPAIR_FREE_GROUPS, HOME_REPAIR_LOW_FEE } from "./wangjialong/tool-room";
export { GALLERY_AREA_M2 } from "./wangjialong/gallery";
export { GHOSTWRITING_KINDS } from "./wangjialong/calligraphy-room";
export { COURTYARDS } from "./wangjialong/courtyards";
export { EV_CHARGING_HOURLY } from "./wangjialong/convenience";
export { ALLEY_PIONEERS_SINCE, ALLEY_PIONEERS_SIZE, DUTY_TEAMS } from "./wangjialong/alley-pioneers";
export { HELP_KINDS } from "./wangjialong/help-kinds";
export { AGE_BANDS, PAIRING_KINDS } from "./wangjialong/pairing";
export {
  DRYING_ROOM_DUTY,
  type DutyShift,
  MAX_DUTY_DAYS,
  WANGJIALONG_DUTY_TIMETABLE,
  type WeeklyDuty,
  wangjialongDutyShifts,
} from "./wangjialong/duty-timetable";
export {
  registerInput,
  type SeedRole,
  type SeedVolunteer,
  type SeedWindow,
  wangjialongVolunteers,
} from "./wangjialong/volunteer-roster";
export { libraryOfThings, libraryOfThingsParts } from "./library-of-things/index";
export { YEARLY_MEMBERSHIP } from "./library-of-things/membership";
export { BIG_KIT_DAY_RATE } from "./library-of-things/things";
export { LATE_FEE_PER_DAY } from "./library-of-things/late-fees";
export {
  TOOL_CATEGORIES,
  TOOL_ROOM_HOURS,
  TOOL_ROOM_MAX_LOANS,
  TOOL_ROOM_TRAINING_GROUP,
} from "./wangjialong/tool-room";
export { wangjialongToolInventory } from "./wangjialong/tool-inventory";
export { COLLECTION_SLOT_CAPACITY, COUNTER_HOURS } from "./library-of-things/lending";
export { BIG_KIT_IDS, EVERYDAY_IDS } from "./library-of-things/things";
export { libraryOfThingsInventory } from "./library-of-things/inventory";
export { presetInventory } from "./preset-inventory";
