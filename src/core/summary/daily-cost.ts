/**
 * What the texts cost day by day in the team's zone (the summary's cost table), and the days
 * together. Pure, from the message log alone.
 */
import { addText, type Cost, emptyCost, sumCosts } from '../cost.js';
import { localDay } from '../local-time.js';
import type { MessageRow } from '../model.js';
import { readLog } from './log-texts.js';

export interface DayCost {
  /** the day in the team's zone, `2026-12-01` */
  day: string;
  texts: number;
  cost: Cost;
}

/** What the texts of each of the last `days` days (in the team's zone, ending today) cost. */
export function costByDay(messages: readonly MessageRow[], now: Date, timeZone: string, days = 7): DayCost[] {
  const { texts } = readLog(messages, now.getTime());
  const wanted: string[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = localDay(new Date(now.getTime() - i * 86_400_000), timeZone);
    if (!wanted.includes(day)) wanted.push(day);
  }
  const byDay = new Map(wanted.map((day) => [day, { day, texts: 0, cost: emptyCost() }]));
  // a zone's offset changes only on a quarter hour: one Intl call per quarter hour with texts
  const daysBySlot = new Map<number, string>();
  const dayOf = (t: number) => {
    const slot = Math.floor(t / 900_000);
    let day = daysBySlot.get(slot);
    if (day === undefined) {
      day = localDay(new Date(slot * 900_000), timeZone);
      daysBySlot.set(slot, day);
    }
    return day;
  };
  // only the last days' texts need their local day (one Intl call each); no zone is 2 days off UTC
  const from = now.getTime() - (days + 1) * 86_400_000;
  for (const text of texts) {
    if (text.t < from || text.t > now.getTime()) continue;
    const entry = byDay.get(dayOf(text.t));
    if (entry === undefined) continue;
    entry.texts += 1;
    addText(entry.cost, text);
  }
  return [...byDay.values()];
}

/** The days' costs together. */
export function totalCost(days: readonly DayCost[]): Cost {
  return days.reduce((sum, d) => sumCosts(sum, d.cost), emptyCost());
}
