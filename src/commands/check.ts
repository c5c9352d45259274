import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel check is not built yet: it arrives with the funnel engine (issue #4). Nothing was done.',
  );
}
