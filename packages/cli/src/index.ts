/** Placeholder: the cli package is being built. */
export const PACKAGE_NAME = "@linli/cli";
