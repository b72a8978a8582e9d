import { describe, expect, it, vi } from "vitest";
import { coreErrors, isLinliError, LinliError, money } from "../src/index";
import "./fixtures";

const text = { "zh-CN": "测试", en: "test" };

describe("LinliError brand", () => {
  it("recognises errors of this copy, with and without a code", () => {
    const error = LinliError.from(coreErrors, "NOT_FOUND", { model: "resident", id: "r1" });
    expect(error instanceof LinliError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(isLinliError(error)).toBe(true);
    expect(isLinliError(error, "NOT_FOUND")).toBe(true);
    expect(isLinliError(error, "DUPLICATE")).toBe(false);
  });

  it("narrows the code to the literal asked for", () => {
    const error: unknown = new LinliError("ACCESS_DENIED", text);
    if (!isLinliError(error, "ACCESS_DENIED")) throw new Error("expected a LinliError");
    const code: "ACCESS_DENIED" = error.code;
    expect(code).toBe("ACCESS_DENIED");
  });

  it("refuses look-alikes: plain errors, spread and JSON copies, a wrong brand value", () => {
    const error = new LinliError("X", text);
    expect(isLinliError(new Error("x"))).toBe(false);
    expect(isLinliError({ ...error })).toBe(false);
    expect(isLinliError(JSON.parse(JSON.stringify(error)))).toBe(false);
    expect({ ...error } instanceof LinliError).toBe(false);
    expect(isLinliError({ [Symbol.for("linli.error")]: "yes", code: "X" })).toBe(false);
    for (const value of [null, undefined, 0, "LinliError", Symbol.for("linli.error")])
      expect(isLinliError(value)).toBe(false);
  });

  it("keeps the brand out of enumerable keys and toJSON", () => {
    const error = new LinliError("X", text, { details: { a: 1 } });
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: "X", messages: text, details: { a: 1 } });
  });

  it("keeps prototype-chain instanceof for subclasses", () => {
    class QuorumError extends LinliError {}
    const sub = new QuorumError("QUORUM_NOT_MET", text);
    const base = new LinliError("QUORUM_NOT_MET", text);
    expect(sub instanceof QuorumError).toBe(true);
    expect(sub instanceof LinliError).toBe(true);
    expect(isLinliError(sub, "QUORUM_NOT_MET")).toBe(true);
    expect(base instanceof QuorumError).toBe(false);
    expect(new Error("x") instanceof QuorumError).toBe(false);
  });

  it("recognises errors built by a second module instance of errors.ts", async () => {
    vi.resetModules();
    const other = await import("../src/errors");
    expect(other.LinliError).not.toBe(LinliError);
    const theirs = new other.LinliError("QUORUM_NOT_MET", text);
    const ours = new LinliError("NO_STUDENTS_TODAY", text);
    expect(theirs instanceof LinliError).toBe(true);
    expect(isLinliError(theirs, "QUORUM_NOT_MET")).toBe(true);
    expect(ours instanceof other.LinliError).toBe(true);
    expect(other.isLinliError(ours, "NO_STUDENTS_TODAY")).toBe(true);
    // A kernel failure thrown by this copy, caught by code holding the other copy.
    const thrown = (() => {
      try {
        money(1.5, "CNY");
      } catch (error) {
        return error;
      }
    })();
    expect(other.isLinliError(thrown, "INVALID_AMOUNT")).toBe(true);
    expect(thrown instanceof other.LinliError).toBe(true);
  });
});
