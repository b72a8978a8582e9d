// Every package builds the same way: see the root tsup.config.base.ts.
export { default } from "../../tsup.config.base";
