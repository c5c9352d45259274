/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): it accepts mail for
 * anyone, keeps every message parsed by mailparser, and can refuse like real servers do.
 */
import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Caught {
  envelopeTo: string[];
  raw: string;
  mail: ParsedMail;
}

export interface SmtpCatcher {
  port: number;
  mails: Caught[];
  /** AUTH commands the server received (a password sent in clear shows here) */
  authAttempts: number;
  close(): Promise<void>;
}

export const GOOD_USER = 'funnel';
export const GOOD_PASSWORD = 'pa55-canary-word';

/** Refuses `blocked@example.com` as sender with 550; AUTH (optional) accepts only GOOD_USER/GOOD_PASSWORD. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: Caught[] = [];
  const catcher = { authAttempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      catcher.authAttempts++;
      if (auth.username === GOOD_USER && auth.password === GOOD_PASSWORD)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(address, _session, callback) {
      if (address.address === 'blocked@example.com') {
        return callback(
          Object.assign(new Error('Sender address rejected: not owned by user'), { responseCode: 550 }),
        );
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            mails.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw: raw.toString('utf8'),
              mail,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(catcher, {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A port where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
