/**
 * `smsfunnel thread <phone|id>`: the whole conversation with one contact, both directions, in the
 * team's time zone (the funnel's), with each reply's category and each text's delivery result.
 */

import { threadOf } from '../core/handoff.js';
import { localTime } from '../core/local-time.js';
import { ExitCode, UsageError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore, readingZone, requireContact } from './context.js';

export async function run(ctx: CommandContext, args: string[]): Promise<number> {
  const [ref] = args;
  if (ref === undefined || ref.trim() === '')
    throw new UsageError('thread needs the contact: smsfunnel thread <phone|id>');
  const { config } = loadCommandConfig(ctx, []);
  const zone = await readingZone(config);
  const store = await openStore(config, true);
  try {
    const contact = requireContact((await store.loadContacts()).rows, ref, store.contactsPath);
    const entries = threadOf(await store.readMessages(), contact);
    ctx.out.data({ contact: contact.id, phone: contact.phone, state: contact.state, messages: entries });
    const name = [contact.first_name, contact.last_name].filter((p) => p !== '').join(' ');
    ctx.out.print(
      `#${contact.id} ${name === '' ? contact.phone : `${name} (${contact.phone})`}, ${contact.state}`,
    );
    for (const e of entries) {
      const arrow = e.direction === 'out' ? '→' : '←';
      const label = e.label === '' ? '' : ` [${e.label}]`;
      const status = e.status === '' ? '' : ` (${e.status})`;
      ctx.out.print(`  ${localTime(e.at, zone)} ${arrow}${label} ${e.body}${status}`);
    }
    ctx.out.result(`${entries.length} message(s) with contact ${contact.id}`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
