// The page: a week of the drying room for the chosen resident, each hour with the free dryers
// and that resident's price; a click books it. linli runs in the page on the memory adapter.
import { manualClock, systemClock } from "@linli/core";
import { startDryingRoom } from "./drying-room";
import { bookCell, type Cell, HOURS, weekCells, weekFrom } from "./week";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];
const yuan = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" });

// `?now=2026-07-06T00:00:00Z` pins the page's clock (the browser test uses it).
const pinned = new URLSearchParams(location.search).get("now");
const clock = pinned ? manualClock(pinned) : systemClock;
const room = await startDryingRoom(clock);
const dates = weekFrom(clock.now(), room.community.config.community.timeZone);
const mine = new Map<string, Set<string>>(); // resident id → "date hour" booked in this page

const select = document.querySelector<HTMLSelectElement>("#profile");
const table = document.querySelector<HTMLTableElement>("#calendar");
const status = document.querySelector<HTMLParagraphElement>("#status");
if (!select || !table || !status) throw new Error("the page lacks #profile, #calendar or #status");
for (const p of room.profiles) select.add(new Option(p.label, p.residentId));

function say(text: string, refused = false): void {
  if (!status) return;
  status.textContent = text;
  status.className = refused ? "refused" : "";
}

async function render(): Promise<void> {
  if (!select || !table) return;
  table.dataset.ready = "false";
  const residentId = select.value;
  const cells = await weekCells(room, residentId, dates);
  const booked = mine.get(residentId) ?? new Set<string>();
  const head = dates
    .map((d) => {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      return `<th>周${WEEKDAYS[(weekday + 6) % 7]} ${d.slice(5).replace("-", "/")}</th>`;
    })
    .join("");
  table.innerHTML = `<thead><tr><th>时间 Time</th>${head}</tr></thead><tbody></tbody>`;
  const body = table.tBodies[0];
  for (const hour of HOURS) {
    const row = body?.insertRow() ?? table.insertRow();
    const label = document.createElement("th");
    label.textContent = hour;
    row.append(label);
    for (const date of dates) {
      const cell = cells.find((c) => c.date === date && c.hour === hour);
      if (cell) row.insertCell().append(button(cell, residentId, booked.has(`${date} ${hour}`)));
    }
  }
  table.dataset.ready = "true";
}

function button(cell: Cell, residentId: string, isMine: boolean): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.dataset.date = cell.date;
  b.dataset.hour = cell.hour;
  const price = document.createElement("span");
  price.className = "price";
  price.textContent =
    cell.price.amount === 0 ? `免费 ${yuan.format(0)}` : yuan.format(cell.price.amount / 100);
  const free = document.createElement("span");
  free.className = "free";
  // No free dryer for this resident: taken, or their daily quota is used (availability applies their rules).
  free.textContent = isMine
    ? "已预订 Booked"
    : cell.freeDryers.length === 0
      ? "不可预订 Unavailable"
      : `空闲 ${cell.freeDryers.length} 台 free`;
  b.append(price, free);
  b.classList.toggle("mine", isMine);
  b.disabled = isMine || cell.freeDryers.length === 0;
  b.addEventListener("click", async () => {
    const outcome = await bookCell(room, residentId, cell);
    if (outcome.ok) {
      const set = mine.get(residentId) ?? new Set<string>();
      set.add(`${cell.date} ${cell.hour}`);
      mine.set(residentId, set);
      say(`已预订 ${cell.date} ${cell.hour}（${outcome.booking.resourceId}） · Booked`);
    } else {
      say(outcome.violations.map((v) => `${v.message["zh-CN"]} / ${v.message.en}`).join("；"), true);
    }
    await render();
  });
  return b;
}

select.addEventListener("change", () => void render());
await render();
say("选择时段即可预订 · Pick an hour to book it");
