import { composePreset, type PresetConfig } from "../preset-part";
import { libraryOfThingsBase, libraryOfThingsCommunity } from "./community";
import { lateFees } from "./late-fees";
import { membership } from "./membership";
import { things } from "./things";
import { workshop } from "./workshop";

/** The areas of the library of things, one module each. */
export const libraryOfThingsParts = {
  community: libraryOfThingsCommunity,
  things,
  membership,
  lateFees,
  workshop,
} as const;

/**
 * A UK library of things (Europe/London, GBP): members borrow household kit for days at a
 * time, pay a sliding-scale yearly membership, a day rate for big kit and late fees.
 */
export const libraryOfThings: PresetConfig = composePreset(
  libraryOfThingsBase,
  Object.values(libraryOfThingsParts),
);
