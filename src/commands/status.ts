import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UsageError(
    'smsfunnel status is not built yet: it arrives with the data store (issue #2). Nothing was done.',
  );
}
