/** The data store: `openDataDir` and the contract it implements. */
export { openDataDir } from './data-dir.js';
export type { ContactSelection, ContactsSchedule, ContactsTable, DataDir, OpenOptions } from './types.js';
