/**
 * The run-state files of the data dir (the registry is src/core/state-files.ts): each read is
 * checked against its shape, each write replaces the file atomically. Nothing is remembered
 * between calls. Also the schedule `send` keeps in `contacts.schedule.json`, valid only while
 * contacts.csv and opt-outs.csv are the files it was made from.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { problemsOf } from '../../core/shape.js';
import { type SavedSchedule, STATE, type StateFile } from '../../core/state-files.js';
import { DataError } from '../../errors.js';
import { writeAtomic } from './atomic.js';
import { fingerprint, sameFile } from './file-identity.js';
import type { ContactsSchedule } from './types.js';

/** How many of a file's problems a message lists. */
const SHOWN = 5;

/** The file's value, or its `empty` when it does not exist. A cache that fails its check is empty. */
export async function readStateFile<T>(dir: string, state: StateFile<T>): Promise<T> {
  const path = join(dir, state.file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state.empty();
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (state.rebuilt === true) return state.empty();
    throw new DataError(`${path} is not valid JSON (${(error as Error).message}).`, HINT, { cause: error });
  }
  const problems = problemsOf(state.shape, value);
  if (problems.length === 0) return value as T;
  if (state.rebuilt === true) return state.empty();
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
  throw new DataError(
    `${path} is not what smsfunnel writes there: ${problems.slice(0, SHOWN).join('; ')}${more}.`,
    HINT,
  );
}

const HINT =
  'It is a state file smsfunnel writes: if it was edited by hand, fix it, or move it out of the data dir to start that state afresh; then run again.';

/** Atomic replace of a state file with `value`, which must fit its shape (else a bug). */
export async function writeStateFile<T>(dir: string, state: StateFile<T>, value: T): Promise<void> {
  const problems = problemsOf(state.shape, JSON.parse(JSON.stringify(value ?? null)));
  if (problems.length > 0)
    throw new Error(`bug: ${state.file} would not fit its shape: ${problems.join('; ')}`);
  await writeAtomic(join(dir, state.file), [`${JSON.stringify(value ?? null, null, 2)}\n`]);
}

/** contacts.csv's and opt-outs.csv's fingerprints: the two files a schedule is made from. */
async function scheduledFiles(contactsPath: string, optOutsPath: string) {
  const contacts = await fingerprint(contactsPath);
  if (contacts === undefined) return undefined;
  return { ...contacts, optOuts: await fingerprint(optOutsPath) };
}

/** The schedule, if it was made under `inputs` from contacts.csv and opt-outs.csv as they are now. */
export async function readSchedule(
  dir: string,
  files: { contacts: string; optOuts: string },
  inputs: string,
): Promise<ContactsSchedule | undefined> {
  const saved = await readStateFile(dir, STATE.schedule);
  if (saved === null || saved.inputs !== inputs) return undefined;
  const now = await scheduledFiles(files.contacts, files.optOuts);
  if (now === undefined || !sameFile(saved, now)) return undefined;
  // a row added to opt-outs.csv since (a STOP, a START) changes what is due too
  const [was, is] = [saved.optOuts, now.optOuts];
  if (was === undefined || is === undefined ? was !== is : !sameFile(was, is)) return undefined;
  return { nextDueAt: saved.nextDueAt, skipped: saved.skipped, inputs };
}

/** Records the schedule for contacts.csv and opt-outs.csv as they are on disk now. */
export async function writeSchedule(
  dir: string,
  files: { contacts: string; optOuts: string },
  schedule: ContactsSchedule,
): Promise<void> {
  const now = await scheduledFiles(files.contacts, files.optOuts);
  if (now === undefined) return;
  const saved: SavedSchedule = { ...now, ...schedule };
  await writeStateFile(dir, STATE.schedule, saved);
}
