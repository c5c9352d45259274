/**
 * The demo's story: one simulated week of the example funnel (funnel.example.yaml) with the twelve
 * contacts of fixtures/demo-contacts.csv. Cron would run `poll-replies && categorize && send`
 * every few minutes; the demo runs them at the moments when something happens, and plays the
 * contacts' side — replies and one failed delivery — on the local Twilio server in between.
 *
 * Times are New York wall-clock times in June 2026 (EDT, UTC-4 the whole week), so quiet hours
 * show: at 09:30 in New York it is 06:30 in San Francisco, and those contacts wait.
 */

/** Day 1 is a Monday. */
const FIRST_DAY = Date.UTC(2026, 5, 1);
const EDT = '-04:00';

export interface Moment {
  day: number;
  /** "HH:MM" in New York */
  time: string;
}

export function instant({ day, time }: Moment): Date {
  const date = new Date(FIRST_DAY + (day - 1) * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${date}T${time}:00${EDT}`);
}

export interface ScriptedReply extends Moment {
  phone: string;
  body: string;
}

/** Ticks of the cron line; the first also imports the contacts. */
export const TICKS: readonly Moment[] = [
  { day: 1, time: '09:30' },
  { day: 1, time: '10:30' },
  { day: 1, time: '12:00' },
  { day: 1, time: '15:00' },
  { day: 3, time: '09:30' },
  { day: 3, time: '10:30' },
  { day: 3, time: '12:00' },
  { day: 3, time: '15:00' },
  { day: 6, time: '09:30' },
  { day: 6, time: '12:00' },
  { day: 6, time: '15:00' },
  { day: 8, time: '09:30' },
  { day: 8, time: '12:00' },
];

/** When the team's summary goes out: the end of the demo. */
export const SUMMARY_AT: Moment = { day: 8, time: '12:30' };

/** What the contacts answer, and when. Everyone not here stays silent. */
export const REPLIES: readonly ScriptedReply[] = [
  { day: 1, time: '10:05', phone: '+12125550122', body: 'Yes' }, // Marcus: interested
  { day: 1, time: '10:12', phone: '+13055550190', body: 'STOP' }, // Tom: opts out
  { day: 1, time: '11:02', phone: '+16175550111', body: 'No thanks' }, // Anna: not interested
  { day: 1, time: '11:20', phone: '+12125550159', body: 'HELP' }, // Amy: the help text, then silence
  { day: 1, time: '11:40', phone: '+12125550122', body: 'Mornings work best' }, // Marcus: hot
  { day: 1, time: '13:45', phone: '+17205550133', body: 'wrong number' }, // Hana
  { day: 1, time: '14:05', phone: '+13125550177', body: 'maybe next month' }, // Priya: later
  { day: 1, time: '14:20', phone: '+14155550142', body: 'Who is this?' }, // Luis: a question
  { day: 3, time: '10:15', phone: '+12015550147', body: 'Sí, me interesa' }, // José, after the follow-up
  { day: 3, time: '11:05', phone: '+12015550147', body: 'after lunch is better' }, // José: hot
  { day: 3, time: '13:10', phone: '+14155550166', body: 'yes please <3' }, // Olivia: never picks a time
];

/** Numbers whose texts the carrier reports undelivered (30006: landline or unreachable carrier). */
export const UNDELIVERABLE: Readonly<Record<string, number>> = { '+14155552671': 30006 }; // Sam
