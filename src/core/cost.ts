/**
 * What the texts cost. Twilio reports each message's `price` (a negative decimal string such as
 * "-0.00790", in `price_unit`) once it is known — null at create, filled in after the text was
 * sent (Message resource, twilio_api_v2010.json) — and `poll-replies` records it on the message's
 * `status` row. Where Twilio has reported a price it is summed, per currency (amounts in two
 * currencies are never added up); where it has not, the cost is ESTIMATED as segments × the list
 * price per segment of the destination country, from the table below. Failed texts (never handed
 * to a carrier) are not counted. Pure.
 */

/**
 * List prices per outbound SMS segment, in USD, by calling code. NANP (+1: the US, Canada and the
 * Caribbean numbers that share it) at Twilio's US rate: https://www.twilio.com/en-us/sms/pricing/us
 * ($0.0083 per segment, long code and toll-free, as published October 2026). Other countries are
 * not estimated (their texts are counted as "no price known"): rates vary by country and carrier.
 */
export const US_SEGMENT_PRICE_USD = 0.0083;
export const SEGMENT_PRICES_USD: readonly { callingCode: string; country: string; usd: number }[] = [
  { callingCode: '1', country: 'US/Canada', usd: US_SEGMENT_PRICE_USD },
];

/** The list price per segment for a destination number (E.164), if the table has its country. */
export function segmentPriceFor(to: string): number | undefined {
  const digits = to.startsWith('+') ? to.slice(1) : to;
  let best: { callingCode: string; usd: number } | undefined;
  for (const p of SEGMENT_PRICES_USD)
    if (
      digits.startsWith(p.callingCode) &&
      (best === undefined || p.callingCode.length > best.callingCode.length)
    )
      best = p;
  return best?.usd;
}

/** A sum of costs: Twilio's reported prices by currency, and the estimate for the rest. */
export interface Cost {
  /** texts whose price Twilio reported */
  reportedTexts: number;
  /** currency (upper case, `USD`) → amount billed, positive, in millionths of the unit */
  reported: Record<string, number>;
  /** texts without a reported price, estimated at list price */
  estimatedTexts: number;
  /** the estimate, USD millionths */
  estimatedUsd: number;
  /** texts without a reported price to a country the price table lacks */
  unpricedTexts: number;
}

export function emptyCost(): Cost {
  return { reportedTexts: 0, reported: {}, estimatedTexts: 0, estimatedUsd: 0, unpricedTexts: 0 };
}

/** The current view of one outbound text, as folded from messages.csv. */
export interface PricedText {
  to: string;
  status: string;
  segments: string;
  price: string;
  price_unit: string;
}

/** Adds one outbound text to `cost` (mutates it). */
export function addText(cost: Cost, text: PricedText): void {
  if (text.status === 'failed') return;
  const price = Number.parseFloat(text.price);
  if (text.price.trim() !== '' && Number.isFinite(price)) {
    const unit = text.price_unit.trim().toUpperCase() || 'USD';
    cost.reported[unit] = (cost.reported[unit] ?? 0) + Math.round(Math.abs(price) * 1e6);
    cost.reportedTexts += 1;
    return;
  }
  const rate = segmentPriceFor(text.to);
  if (rate === undefined) {
    cost.unpricedTexts += 1;
    return;
  }
  const segments = Math.max(1, Number.parseInt(text.segments, 10) || 1);
  cost.estimatedUsd += Math.round(segments * rate * 1e6);
  cost.estimatedTexts += 1;
}

export function sumCosts(a: Cost, b: Cost): Cost {
  const reported = { ...a.reported };
  for (const [unit, amount] of Object.entries(b.reported)) reported[unit] = (reported[unit] ?? 0) + amount;
  return {
    reportedTexts: a.reportedTexts + b.reportedTexts,
    reported,
    estimatedTexts: a.estimatedTexts + b.estimatedTexts,
    estimatedUsd: a.estimatedUsd + b.estimatedUsd,
    unpricedTexts: a.unpricedTexts + b.unpricedTexts,
  };
}

/** `$1.23` for USD, `12.30 EUR` otherwise; millionths in, cents shown (tenths of a cent under $1). */
export function money(millionths: number, unit: string): string {
  const value = millionths / 1e6;
  const digits = value !== 0 && value < 1 ? 3 : 2;
  return unit === 'USD' ? `$${value.toFixed(digits)}` : `${value.toFixed(digits)} ${unit}`;
}

/**
 * One line for a person: `$1.58 (Twilio's price, 200 texts)`, `$0.83 + about $0.42 estimated
 * (100 texts Twilio has not priced yet, at list price)`, `1.20 EUR and $0.40 (two currencies: not
 * added up)`. Empty when nothing was sent.
 */
export function describeCost(c: Cost): string {
  const units = Object.keys(c.reported).sort();
  const parts: string[] = [];
  const onlyUsd = units.every((u) => u === 'USD');
  if (units.length > 0)
    parts.push(
      `${units.map((u) => money(c.reported[u] ?? 0, u)).join(' and ')} (Twilio's price, ${plural(c.reportedTexts, 'text')})`,
    );
  if (c.estimatedTexts > 0)
    parts.push(
      `${units.length > 0 && onlyUsd ? '+ ' : ''}about ${money(c.estimatedUsd, 'USD')} ESTIMATED for ${plural(c.estimatedTexts, 'text')} Twilio has not priced yet (segments × list price)`,
    );
  if (units.length > 1 || (units.length === 1 && !onlyUsd && c.estimatedTexts > 0))
    parts.push('— mixed currencies, not added up');
  else if (units.length > 0 && c.estimatedTexts > 0)
    parts.push(`= about ${money((c.reported.USD ?? 0) + c.estimatedUsd, 'USD')} in all`);
  const line = parts.join(' ');
  if (c.unpricedTexts === 0) return line;
  const unpriced = `${plural(c.unpricedTexts, 'text')} to countries with no list price here, not counted`;
  return line === '' ? unpriced : `${line}; ${unpriced}`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * A short cell for a table: `$1.23`, `~$0.41 est.` (all estimated), `$1.64, part est.`,
 * `1.20 EUR + $0.40` (mixed currencies, not added up), `–` for nothing.
 */
export function briefCost(c: Cost): string {
  const units = Object.keys(c.reported).sort();
  if (units.length === 0 && c.estimatedTexts === 0) return c.unpricedTexts > 0 ? 'no price known' : '–';
  if (units.some((u) => u !== 'USD'))
    return [
      ...units.map((u) => money(c.reported[u] ?? 0, u)),
      ...(c.estimatedTexts > 0 ? [`~${money(c.estimatedUsd, 'USD')} est.`] : []),
    ].join(' + ');
  const total = money((c.reported.USD ?? 0) + c.estimatedUsd, 'USD');
  if (c.estimatedTexts === 0) return total;
  return units.length === 0 ? `~${total} est.` : `${total}, part est.`;
}

/** For --json: amounts in the unit (not millionths), rounded to 6 places. */
export function costJson(c: Cost) {
  const round = (m: number) => Math.round(m) / 1e6;
  return {
    reported: Object.fromEntries(Object.entries(c.reported).map(([unit, m]) => [unit, round(m)])),
    reportedTexts: c.reportedTexts,
    estimatedUsd: round(c.estimatedUsd),
    estimatedTexts: c.estimatedTexts,
    unpricedTexts: c.unpricedTexts,
  };
}
