/**
 * The demo's mail server: smtp-server on loopback, a free port, no TLS, no login. It keeps every
 * message it receives, raw, so the demo can show the summary exactly as a mailbox would get it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  port: number;
  /** every message received, as sent over the wire (RFC 5322) */
  received: Buffer[];
  stop(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // nothing to wait for when it closes: the demo sends one message and nodemailer says QUIT
    closeTimeout: 1_000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
