/**
 * `smsfunnel inbox`: the replies waiting for a person (questions, replies nothing understood),
 * oldest first, with the contact, the reply, the step it answered and how long it has waited
 * (src/core/handoff.ts). Read only.
 */

import { formatWait, inboxItems } from '../core/handoff.js';
import { localTime } from '../core/local-time.js';
import { STATE } from '../core/state-files.js';
import { ExitCode } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore, readingZone } from './context.js';

export async function run(ctx: CommandContext): Promise<number> {
  const { config, clock } = loadCommandConfig(ctx, []);
  const zone = await readingZone(config);
  const store = await openStore(config, true);
  const now = clock.now();
  try {
    const contacts = (await store.loadContacts()).rows;
    const handoff = await store.readState(STATE.handoff);
    const items = inboxItems(await store.readMessages(), contacts, handoff, now);
    ctx.out.data({ items });
    for (const i of items)
      ctx.out.print(
        `#${i.contactId} ${i.name === '' ? i.phone : `${i.name} (${i.phone})`}, waiting ${formatWait(i.waitedMs)} since ${localTime(i.at, zone)}${i.step === '' ? '' : `, answering ${i.step}`} [${i.category}]\n    "${i.reply}"`,
      );
    ctx.out.result(
      items.length === 0
        ? 'the inbox is empty: no reply waits for a person'
        : `${items.length} repl${items.length === 1 ? 'y waits' : 'ies wait'} for a person: answer with \`smsfunnel thread <id>\`, then \`resume\` or \`dismiss\``,
    );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
