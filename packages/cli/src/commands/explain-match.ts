import { isLinliError, type LocalizedText, localParts } from "@linli/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { type CliContext, type CliLang, langOf, parseLang } from "../cli-context";
import { loadChecked } from "../community-db";
import { DESK, deskCommunity, instantOf, PROFILE_RESIDENT } from "../explain/desk-community";
import { explainMatchText, type MatchCandidate, type MatchPrice } from "../explain/match-text";
import { seedVolunteers } from "../explain/seed-volunteers";

/** The options of `explain match`. */
interface MatchOptions {
  request: string;
  profile: string[];
  age?: number;
  place?: string;
  at: string;
  end?: string;
  minutes: number;
  volunteers?: string;
  limit: number;
  now?: string;
  lang?: CliLang;
}

/** What `explain match` reads of a checked configuration. */
interface MatchConfigView {
  community: { id: string; timeZone: string; locale?: string };
  places: { id: string; name: LocalizedText }[];
  groups: { id: string; name: LocalizedText }[];
  volunteers?: { kinds?: { id: string; name?: LocalizedText }[] };
}

const BUILT_IN_KINDS = [
  "groceries",
  "medicine",
  "doctor-escort",
  "meal-preparation",
  "home-repair",
  "tailoring",
  "ghostwriting",
  "phone-companionship",
];

const wholeNumber = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
};

const groupList = (value: string) => {
  const groups = value === "" || value === "none" ? [] : value.split(/[,+]/).map((g) => g.trim());
  if (groups.length > 50 || groups.some((g) => !/^[a-z0-9][a-z0-9-]{0,99}$/.test(g)))
    throw new InvalidArgumentError("eligibility group ids separated by commas (hardship,student), or none");
  return groups;
};

const label = (instant: Date, timeZone: string) => {
  const p = localParts(instant, timeZone);
  return `${p.date} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
};

function fail(context: CliContext, text: string) {
  context.io.err(`${text}\n`);
  context.fail(1);
}

async function explainMatch(file: string, o: MatchOptions, context: CliContext) {
  const config = loadChecked(file, context, o.lang) as MatchConfigView | undefined;
  if (!config) return;
  const lang = langOf(o.lang, config.community.locale);
  const zh = lang === "zh-CN";
  const timeZone = config.community.timeZone;
  const kinds = new Map<string, LocalizedText | null>(BUILT_IN_KINDS.map((k) => [k, null]));
  for (const k of config.volunteers?.kinds ?? []) kinds.set(k.id, k.name ?? null);
  if (!kinds.has(o.request))
    return fail(
      context,
      `${zh ? "未定义的求助类别" : "Unknown kind of help"} "${o.request}": ${[...kinds.keys()].join(", ")}`,
    );
  const unknown = o.profile.filter((g) => !config.groups.some((known) => known.id === g));
  if (unknown.length > 0)
    return fail(context, `${zh ? "未定义的资格类别" : "Unknown eligibility group"}: ${unknown.join(", ")}`);
  const place = o.place === undefined ? null : (config.places.find((p) => p.id === o.place) ?? null);
  if (o.place !== undefined && !place)
    return fail(context, `${zh ? "未定义的地点" : "Unknown place"} "${o.place}"`);
  let seed: ReturnType<typeof seedVolunteers>;
  try {
    seed = seedVolunteers(config.community.id, o.volunteers, context.io.cwd);
  } catch (error) {
    return fail(
      context,
      `${zh ? "无法读取志愿者文件" : "Cannot read the volunteers file"} ${o.volunteers}: ${(error as Error).message}`,
    );
  }
  if (!seed)
    return fail(
      context,
      zh
        ? "该社区没有预置志愿者名单：请用 --volunteers <file.json> 给出（volunteers.register 的输入数组）"
        : "This community has no seed volunteers: give them with --volunteers <file.json> (an array of volunteers.register inputs)",
    );
  const start = instantOf(o.at, timeZone);
  const end =
    o.end !== undefined ? instantOf(o.end, timeZone) : new Date(start.getTime() + o.minutes * 60_000);
  const now = o.now ? instantOf(o.now, timeZone) : new Date();
  const community = await deskCommunity(
    config,
    {
      groups: o.profile,
      ...(o.age === undefined ? {} : { age: o.age }),
      ...(o.place === undefined ? {} : { placeId: o.place }),
    },
    now,
  );
  try {
    const desk = community.as(DESK);
    for (const profile of seed.profiles)
      await desk.volunteers.register(profile as Parameters<typeof desk.volunteers.register>[0]);
    const request = await desk.for(PROFILE_RESIDENT).volunteers.requests.create({
      kind: o.request,
      start,
      end,
      durationMinutes: o.minutes,
      channel: "desk",
    });
    const ranked = await desk.volunteers.candidates({ requestId: request.id, limit: 200 });
    const homes = new Map(seed.profiles.map((p) => [p.id ?? p.name, p.placeId] as const));
    const candidates: MatchCandidate[] = ranked.candidates.slice(0, o.limit).map((c) => {
      const homeId = homes.get(c.volunteerId);
      return {
        volunteerId: c.volunteerId,
        name: c.name,
        home: config.places.find((p) => p.id === homeId)?.name ?? null,
        cost: c.cost,
        terms: c.terms,
        continuity: c.continuity,
      };
    });
    const price: MatchPrice | null = request.view === "staff" ? (request.price ?? null) : null;
    context.io.out(
      explainMatchText(
        {
          kind: { id: o.request, name: kinds.get(o.request) ?? null },
          from: label(start, timeZone),
          to: label(end, timeZone),
          durationMinutes: o.minutes,
          timeZone,
          place: place ? { id: place.id, name: place.name } : null,
          groups: o.profile.map((id) => config.groups.find((g) => g.id === id)!),
          age: o.age,
          roster: { source: seed.source, size: seed.profiles.length },
        },
        price,
        candidates,
        ranked.candidates.length,
        ranked.excluded,
        lang,
      ),
    );
  } catch (error) {
    if (!isLinliError(error)) throw error;
    fail(context, `${error.messages[lang]} (${error.code})`);
  } finally {
    await community.close();
  }
}

/**
 * Adds `explain match --request <kind> --profile … --place … --at T` to `linli explain`: a
 * throwaway community with the config, the seed volunteers (the preset's roster, or
 * `--volunteers file.json`) and a resident with the profile; the request is created at the
 * desk and the ranked candidates and exclusion counts are printed.
 */
export function addExplainMatch(explainCmd: Command, context: CliContext): void {
  explainCmd
    .command("match")
    .description("who would be asked to help, in what order, and who is excluded and why?")
    .requiredOption("--request <kind>", "the kind of help (home-repair, groceries…)")
    .option(
      "--profile <groups>",
      "the resident's eligibility groups, comma-separated (or none)",
      groupList,
      [],
    )
    .option("--age <years>", "the resident's age", wholeNumber(150))
    .option("--place <id>", "the resident's home place, where the help happens (courtyard-2)")
    .requiredOption(
      "--at <time>",
      "start of the window, local time in the community's zone (2026-07-02T09:00)",
    )
    .option("--end <time>", "end of the window, like --at (default: --at plus --minutes)")
    .option("--minutes <n>", "how long the help takes", wholeNumber(1440), 60)
    .option(
      "--volunteers <file>",
      "volunteer profiles, a JSON array of volunteers.register inputs (default: the preset's seed)",
    )
    .option("--limit <n>", "candidates to list", wholeNumber(200), 5)
    .option("--config <file>", "the community configuration (YAML or JSON), if not given to explain")
    .option("--now <time>", "when the request is made (default: now)")
    .addOption(new Option("--lang <lang>", "zh-CN or en (default: the config's locale)").argParser(parseLang))
    .action(async (options: MatchOptions & { config?: string }) => {
      const file = options.config ?? explainCmd.opts<{ config?: string }>().config;
      if (!file) return fail(context, "--config <file> is required");
      await explainMatch(file, options, context);
    });
}
