import { codeFrameColumns } from "@babel/code-frame";
import type { CliLang } from "./cli-context";
import type { LocatedConfigProblem } from "./config/check-config";

/** The code frame under a problem: the lines around it, the offending value underlined. */
export function codeFrame(problem: LocatedConfigProblem): string {
  if (!problem.file) return "";
  const { start, end } = problem;
  const sameLine = end.line === start.line && end.column > start.column;
  return codeFrameColumns(
    problem.file.text,
    { start, ...(sameLine ? { end } : {}) },
    { highlightCode: false, linesAbove: 2, linesBelow: 1 },
  );
}

const indent = (text: string, by = "  ") =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");

/**
 * One problem as a compiler prints it: `file:line:column  path  CODE`, the message in the
 * chosen language, and a code frame.
 */
export function formatProblem(problem: LocatedConfigProblem, lang: CliLang): string {
  const where = problem.file
    ? `${problem.file.name}:${problem.start.line}:${problem.start.column}`
    : "(config)";
  const head = [where, problem.path, problem.code].filter((s) => s !== "").join("  ");
  const frame = codeFrame(problem);
  return `${head}\n${indent(problem.message[lang])}\n${frame ? `${indent(frame)}\n` : ""}`;
}

/** Every problem of a file, then a one-line summary; or the line that says there is none. */
export function formatReport(file: string, problems: readonly LocatedConfigProblem[], lang: CliLang): string {
  if (problems.length === 0) {
    return lang === "zh-CN" ? `✔ ${file}：没有问题\n` : `✔ ${file}: no problems\n`;
  }
  const summary =
    lang === "zh-CN"
      ? `✖ ${file}：${problems.length} 个问题\n`
      : `✖ ${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`;
  return `${problems.map((p) => formatProblem(p, lang)).join("\n")}\n${summary}`;
}
