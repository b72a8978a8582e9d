/**
 * Arithmetic on {@link Money} values (same currency, integer minor units), exported from the
 * package root as the `moneyMath` namespace so that generic names such as `add` and `max` do
 * not sit at the root: `moneyMath.add(a, b)`.
 */
export { add, compare, max, min, multiply, negate, subtract, sum } from "./money";
