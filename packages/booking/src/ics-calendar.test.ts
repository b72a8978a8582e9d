import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";
import { escapeText, foldLine, writeIcs } from "./ics-calendar";

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  start: string;
  end: string;
  tzid: string;
}

/** Parses a calendar with ical.js, registering its VTIMEZONEs, and reads every event back. */
function parse(text: string): { zones: string[]; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone").map((vtz) => {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? null,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: e.startDate.zone?.tzid ?? "",
    };
  });
  for (const tzid of zones) ICAL.TimezoneService.remove(tzid);
  return { zones, events };
}

describe("ICS export", () => {
  for (const [timeZone, now, days] of [
    [
      "Europe/London",
      "2026-03-27T12:00:00Z",
      ["2026-03-28T08:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T08:00:00Z", "2026-03-30T08:00:00Z"],
    ],
    [
      "America/New_York",
      "2026-10-29T12:00:00Z",
      ["2026-10-31T12:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T13:00:00Z"],
    ],
    ["Asia/Shanghai", "2026-07-06T00:00:00Z", ["2026-07-07T01:00:00Z", "2026-07-08T01:00:00Z"]],
  ] as const) {
    test(`a resource calendar across the DST change in ${timeZone} parses back to the same instants and zone`, async () => {
      const { community } = await wangjialong({ start: now, config: wangjialongConfig({ timeZone }) });
      const ids: string[] = [];
      for (const [i, start] of days.entries()) {
        const o = await community.booking.book({
          actor: desk,
          forResident: ["wang", "li", "zhang", "zhao"][i]!,
          resourceId: "gym",
          start,
          end: new Date(Date.parse(start) + 90 * 60_000),
        });
        if (!o.ok) throw new Error(JSON.stringify(o.violations));
        ids.push(o.booking.id);
      }
      const text = await community.booking.resourceCalendar({
        actor: resident("chen"),
        resourceId: "gym",
        locale: "en",
      });
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text).not.toMatch(/\b(wang|zhang|zhao)\b/);
      const parsed = parse(text);
      expect(parsed.zones).toEqual([timeZone]);
      expect(parsed.events).toEqual(
        days.map((start, i) => ({
          uid: `${ids[i]}@wangjialong.linli`,
          summary: "Smart gym · Booked",
          description: null,
          start: new Date(start).toISOString(),
          end: new Date(Date.parse(start) + 90 * 60_000).toISOString(),
          // A fall-back hour's wall time is written in UTC: parsers disagree on which occurrence it means.
          tzid: timeZone === "America/New_York" && (i === 1 || i === 2) ? "UTC" : timeZone,
        })),
      );
    });
  }

  test("a resident's calendar in Chinese, with a note that needs escaping and folding", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const note =
      "带上洗衣液；熨烫衬衫, 两件\n第二行：王阿姨的女儿代为预约，请在门口等候，谢谢！谢谢！谢谢！谢谢！";
    const o = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      start: "2026-07-02T01:00:00Z",
      end: "2026-07-02T02:00:00Z",
      note,
    });
    if (!o.ok) throw new Error("refused");
    await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "dryer-2",
      start: "2026-07-02T01:00:00Z",
      end: "2026-07-02T02:00:00Z",
    });
    const text = await community.booking.residentCalendar({ actor: resident("wang") });
    for (const line of text.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { zones, events } = parse(text);
    expect(zones).toEqual(["Asia/Shanghai"]);
    expect(events).toEqual([
      {
        uid: `${o.booking.id}@wangjialong.linli`,
        summary: "干衣机 1 号",
        description: note,
        start: "2026-07-02T01:00:00.000Z",
        end: "2026-07-02T02:00:00.000Z",
        tzid: "Asia/Shanghai",
      },
    ]);
    // Only the resident, their delegates and staff may read it.
    await expect(
      community.booking.residentCalendar({ actor: resident("li"), forResident: "wang" }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });

  test("text escaping and line folding follow RFC 5545", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`DESCRIPTION:${"晾".repeat(60)}`);
    const parts = folded.split("\r\n");
    expect(parts.length).toBe(3);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(`DESCRIPTION:${"晾".repeat(60)}`);
    expect(writeIcs({ name: "empty", timeZone: "UTC", events: [], stamp: new Date(0) })).toContain(
      "END:VCALENDAR\r\n",
    );
  });
});
