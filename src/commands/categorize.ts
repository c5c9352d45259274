import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel categorize is not built yet: it arrives with the categorizer (issue #5). Nothing was done.',
  );
}
