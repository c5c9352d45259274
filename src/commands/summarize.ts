import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel summarize is not built yet: it arrives with the daily summary (issue #6). Nothing was done.',
  );
}
