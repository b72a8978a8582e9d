import { composePreset, type PresetConfig } from "../preset-part";
import { libraryOfThingsBase, libraryOfThingsCommunity } from "./community";
import { lateFees } from "./late-fees";
import { lending } from "./lending";
import { membership } from "./membership";
import { things } from "./things";
import { libraryVolunteers } from "./volunteers";
import { workshop } from "./workshop";

/** The areas of the library of things, one module each. */
export const libraryOfThingsParts = {
  community: libraryOfThingsCommunity,
  things,
  membership,
  lateFees,
  lending,
  workshop,
  volunteers: libraryVolunteers,
} as const;

/**
 * A UK library of things (Europe/London, GBP): members borrow household kit for days at a
 * time, pay a sliding-scale yearly membership, a day rate for big kit and late fees (the
 * lending section prices loans through pricing and books collection slots through booking); a small
 * volunteer rota staffs the counter and the repair café.
 */
export const libraryOfThings: PresetConfig = composePreset(
  libraryOfThingsBase,
  Object.values(libraryOfThingsParts),
);
