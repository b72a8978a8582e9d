import { type LocalizedText, localParts } from "@linli/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { type CliContext, type CliLang, type CommandModule, langOf, parseLang } from "../cli-context";
import { loadChecked } from "../community-db";
import {
  DESK,
  deskCommunity,
  instantOf,
  PROFILE_RESIDENT,
  type ResidentProfile,
} from "../explain/desk-community";
import { type ExplainSubject, explainBookingText, explainQuoteText } from "../explain/explain-text";
import { addExplainMatch } from "./explain-match";

/** The options of `explain book` and `explain quote`. */
interface RequestOptions {
  resource: string;
  profile: string[];
  age?: number;
  at: string;
  end?: string;
  minutes?: number;
  quantity: number;
  now?: string;
  lang?: CliLang;
}

/** A loaded, checked configuration as explain reads it. */
interface ConfigView {
  community: { timeZone: string; locale?: string };
  resources: { id: string; name: LocalizedText }[];
  groups: { id: string; name: LocalizedText }[];
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new InvalidArgumentError("a whole number from 0 to 10000");
  return n;
};

const groupList = (value: string) => {
  const groups = value === "" || value === "none" ? [] : value.split(/[,+]/).map((g) => g.trim());
  if (groups.length > 50 || groups.some((g) => !/^[a-z0-9][a-z0-9-]{0,99}$/.test(g))) {
    throw new InvalidArgumentError("eligibility group ids separated by commas (hardship,student), or none");
  }
  return groups;
};

function requestOptions(command: Command): Command {
  return command
    .requiredOption("--resource <id>", "the resource (drying-room, gym…)")
    .option(
      "--profile <groups>",
      "the resident's eligibility groups, comma-separated (or none)",
      groupList,
      [],
    )
    .option("--age <years>", "the resident's age", positiveInt)
    .requiredOption(
      "--at <time>",
      "start, local time in the community's zone (2026-07-02T09:00) or ISO with offset",
    )
    .option("--end <time>", "end, like --at")
    .option("--minutes <n>", "length when --end is not given", positiveInt)
    .option("--quantity <n>", "units (dryers, seats)", positiveInt, 1)
    .option("--now <time>", "when the request is made (default: now); booking windows count from it")
    .addOption(
      new Option("--lang <lang>", "zh-CN or en (default: the config's locale)").argParser(parseLang),
    );
}

const label = (instant: Date, timeZone: string) => {
  const p = localParts(instant, timeZone);
  return `${p.date} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
};

async function explain(kind: "book" | "quote", file: string, options: RequestOptions, context: CliContext) {
  const config = loadChecked(file, context, options.lang) as ConfigView | undefined;
  if (!config) return;
  const lang = langOf(options.lang, config.community.locale);
  const timeZone = config.community.timeZone;
  const resource = config.resources.find((r) => r.id === options.resource);
  if (!resource) {
    context.io.err(
      `${lang === "zh-CN" ? "未定义的资源" : "Unknown resource"} "${options.resource}": ${config.resources.map((r) => r.id).join(", ")}\n`,
    );
    return context.fail(1);
  }
  const unknown = options.profile.filter((g) => !config.groups.some((known) => known.id === g));
  if (unknown.length > 0) {
    context.io.err(
      `${lang === "zh-CN" ? "未定义的资格类别" : "Unknown eligibility group"}: ${unknown.join(", ")} (${config.groups.map((g) => g.id).join(", ")})\n`,
    );
    return context.fail(1);
  }
  const start = instantOf(options.at, timeZone);
  const end =
    options.end !== undefined
      ? instantOf(options.end, timeZone)
      : kind === "book" || options.minutes !== undefined
        ? new Date(start.getTime() + (options.minutes ?? 60) * 60_000)
        : null;
  const now = options.now ? instantOf(options.now, timeZone) : new Date();
  const profile: ResidentProfile = {
    groups: options.profile,
    ...(options.age === undefined ? {} : { age: options.age }),
  };
  const subject: ExplainSubject = {
    resource,
    from: label(start, timeZone),
    to: end ? label(end, timeZone) : null,
    timeZone,
    groups: options.profile.map((id) => config.groups.find((g) => g.id === id)!),
    age: options.age,
    moneyLocale: config.community.locale?.startsWith("en") ? config.community.locale : "en",
  };
  const community = await deskCommunity(config, profile, now);
  try {
    const desk = community.as(DESK).for(PROFILE_RESIDENT);
    const quote = await desk.pricing
      .quote({ resourceId: resource.id, start, end, quantity: options.quantity })
      .catch((error: unknown) => error);
    if (kind === "quote") {
      context.io.out(explainQuoteText(subject, quote, lang));
      return;
    }
    const check = await desk.booking.check({
      resourceId: resource.id,
      start,
      end: end!,
      quantity: options.quantity,
    });
    context.io.out(explainBookingText(subject, check, quote, lang));
  } finally {
    await community.close();
  }
}

/**
 * `linli explain --config <file> book|quote|match …`: builds a
 * throwaway in-memory community from the config and a resident with the profile, asks the
 * public API as the desk would, and prints the decision with every reason and the price line
 * by line. Exit code 0 when explained (allowed or refused), 1 when the config or the request is wrong.
 */
export const explainCommand: CommandModule = (program, context) => {
  const explainCmd = program
    .command("explain")
    .description("explain what the rules decide for a request, as a desk clerk reads it")
    .option("--config <file>", "the community configuration (YAML or JSON)");
  const run = (kind: "book" | "quote") => async (options: RequestOptions) => {
    const { config } = explainCmd.opts<{ config?: string }>();
    if (!config) {
      context.io.err("--config <file> is required\n");
      return context.fail(1);
    }
    await explain(kind, config, options, context);
  };
  requestOptions(
    explainCmd.command("book").description("would this booking be accepted, and what would it cost?"),
  ).action(run("book"));
  requestOptions(explainCmd.command("quote").description("what would this use cost, and why?")).action(
    run("quote"),
  );
  addExplainMatch(explainCmd, context);
};
