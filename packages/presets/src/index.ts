/** Placeholder: the presets package is being built. */
export const PACKAGE_NAME = "@linli/presets";
