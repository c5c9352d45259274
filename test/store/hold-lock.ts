/**
 * A second smsfunnel-like process for the lock test: opens the data dir given on the command
 * line, says "locked" and holds the lock until it is killed.
 */
import { openDataDir } from '../../src/adapters/store/index.js';

const [dir, stale] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: hold-lock.ts <data-dir> [stale-seconds]');
await openDataDir({ dir, lockWaitSeconds: 0, staleSeconds: Number(stale ?? '2') });
process.stdout.write('locked\n');
setInterval(() => undefined, 60_000);
