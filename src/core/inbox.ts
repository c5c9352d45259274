/**
 * The inbox: inbound messages `poll-replies` recorded and `categorize` has not handled yet. It is
 * a small state file so that `categorize` need not read the whole message log, and so that `send`
 * can hold back every contact with a reply still waiting: someone who just wrote STOP must not
 * get the next step before their STOP is understood.
 */
export interface InboxEntry {
  sid: string;
  /** empty when the number is no contact's */
  contactId: string;
  from: string;
  to: string;
  body: string;
  /** the server's date_sent, ISO */
  dateSent: string;
}

export interface Inbox {
  replies: InboxEntry[];
  /**
   * A `categorize` began logging the category rows of these replies at this byte of messages.csv
   * (with the header this long): a run killed before it cleared them finds its rows there, and
   * the next run does not log them again.
   */
  logging?: { at: number; header: number };
}

export function emptyInbox(): Inbox {
  return { replies: [] };
}

/** Contacts with a reply waiting for `categorize`. */
export function awaitingCategorize(inbox: Inbox): Set<string> {
  return new Set(inbox.replies.map((r) => r.contactId).filter((id) => id !== ''));
}
