/**
 * The message log read once for the variant and cost figures: each outbound text folded by SID
 * (its `sent` row, then the status and price its `status` rows bring), the replies, and the
 * category each reply got. Pure; one reading per log and `until`.
 */
import { type MessageRow, parseTime } from '../model.js';

export interface Text {
  contactId: string;
  step: string;
  variant: string;
  t: number;
  to: string;
  status: string;
  segments: string;
  price: string;
  price_unit: string;
}

type Log = ReturnType<typeof foldLog>;
/** One reading of a log per `until`: the summary asks for the variants and the cost of the same log. */
const readings = new WeakMap<readonly MessageRow[], { until: number; log: Log }>();
export function readLog(messages: readonly MessageRow[], until: number): Log {
  const known = readings.get(messages);
  if (known !== undefined && known.until === until) return known.log;
  const log = foldLog(messages, until);
  readings.set(messages, { until, log });
  return log;
}

/** The outbound texts (folded by SID) and replies logged up to `until`. */
function foldLog(messages: readonly MessageRow[], until: number) {
  const texts = new Map<string, Text>();
  const replies: { contactId: string; sid: string; t: number }[] = [];
  const categoryBySid = new Map<string, string>();
  messages.forEach((row, index) => {
    const logged = parseTime(row.logged_at)?.getTime();
    if (logged === undefined || logged > until) return;
    if (row.category !== '') categoryBySid.set(row.sid, row.category);
    if (row.event === 'received' && row.contact_id !== '')
      replies.push({
        contactId: row.contact_id,
        sid: row.sid,
        t: parseTime(row.date_sent)?.getTime() ?? logged,
      });
    if (row.event === 'sent' && row.direction === 'outbound') {
      texts.set(row.sid === '' ? `#${index}` : row.sid, {
        contactId: row.contact_id,
        step: row.step.replace(/:retry$/, ''),
        variant: row.variant,
        t: parseTime(row.date_sent)?.getTime() ?? logged,
        to: row.to,
        status: row.status,
        segments: row.segments,
        price: row.price,
        price_unit: row.price_unit,
      });
      return;
    }
    const text = texts.get(row.sid);
    if (row.event !== 'status' || text === undefined) return;
    if (row.status !== '') text.status = row.status;
    if (row.price !== '') {
      text.price = row.price;
      text.price_unit = row.price_unit;
    }
  });
  return { texts: [...texts.values()], replies, categoryBySid };
}
