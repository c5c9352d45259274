import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel demo is not built yet: it arrives with the demo (issue #6). Nothing was done.',
  );
}
