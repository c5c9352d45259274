/**
 * `smsfunnel tick`: what cron runs every few minutes, in one process — `poll-replies`, then
 * `categorize`, then `send`, each as if run alone (each takes the data folder's lock in turn), and
 * the first that fails stops the rest, as `a && b && c` would. One process instead of three: one
 * Node start-up and one log redirection in the crontab line (issue #17).
 */
import type { CommandContext } from './context.js';

const STEPS = [
  ['poll-replies', () => import('./poll-replies.js')],
  ['categorize', () => import('./categorize.js')],
  ['send', () => import('./send.js')],
] as const;

export async function run(ctx: CommandContext): Promise<number> {
  for (const [name, load] of STEPS) {
    const { run: step } = await load();
    let code: number;
    try {
      code = await step(ctx, [], {});
    } catch (error) {
      ctx.out.error(`tick stopped at ${name} (what follows it did not run):`);
      throw error;
    }
    if (code !== 0) return code;
  }
  return 0;
}
