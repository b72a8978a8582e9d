import { alleyPioneers } from "./alley-pioneers";
import { composePreset, type PresetConfig } from "../preset-part";
import { calligraphyRoom } from "./calligraphy-room";
import { wangjialongBase, wangjialongCommunity } from "./community";
import { convenience } from "./convenience";
import { courtyards } from "./courtyards";
import { dryingRoom } from "./drying-room";
import { gallery } from "./gallery";
import { gym } from "./gym";
import { helpKinds } from "./help-kinds";
import { library } from "./library";
import { pairing } from "./pairing";
import { toolRoom } from "./tool-room";

/** The facility areas of Wangjialong, one module each, in the order the preset lists them. */
export const wangjialongParts = {
  community: wangjialongCommunity,
  courtyards,
  library,
  calligraphyRoom,
  toolRoom,
  dryingRoom,
  gallery,
  gym,
  convenience,
  helpKinds,
  alleyPioneers,
  pairing,
} as const;

/**
 * Wangjialong Community (王家垅社区), Changsha: every facility, zone, opening time, price,
 * eligibility group, kind of help, duty team and the pairing programme of its 15-minute life
 * circle that booking, pricing and volunteers express (the 42 volunteers themselves are seed
 * data: `wangjialongVolunteers`). Figures the
 * source does not give are assumptions, named in each module and in the package README.
 */
export const wangjialong: PresetConfig = composePreset(wangjialongBase, Object.values(wangjialongParts));
