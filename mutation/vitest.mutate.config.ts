// The vitest configuration of `npm run mutate`: the root one, with only the chosen scopes'
// tests (replacing the root's list, not added to it) and without type checking (mutants are
// judged by behaviour, not types).
import root from "../vitest.config";
import { chosenScopes } from "./scopes.mjs";

const tests = chosenScopes().flatMap((scope) => scope.tests);

export default {
  ...root,
  test: { ...root.test, include: tests, typecheck: { enabled: false } },
};
