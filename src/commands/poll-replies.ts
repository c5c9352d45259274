import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel poll-replies is not built yet: it arrives with reply polling (issue #5). Nothing was done.',
  );
}
