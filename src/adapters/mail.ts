/**
 * The mail port: one real implementation, nodemailer over SMTP. nodemailer is imported only
 * when a mail is actually built (it costs ~67 ms at start-up, see MEASURED.md), so every other
 * command and every cron tick stays fast.
 *
 * Failures become `UnavailableError` (exit 69) with a sentence naming host:port and what to
 * check. The password never appears: it is not put in messages, and anything the server or the
 * library said is scrubbed of it before it is shown.
 */
import type { EmailConfig } from '../config.js';
import { UnavailableError } from '../errors.js';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

export interface MailMessage {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  attachments?: readonly MailAttachment[];
  /** the Date header; the run's clock, so a dry-run and a test are reproducible */
  date?: Date;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export interface SendMailOptions {
  /** how long to wait to connect and for the greeting (default 15 s) */
  timeoutMs?: number;
  /** extra TLS options, e.g. a test server's self-signed certificate */
  tls?: { rejectUnauthorized?: boolean; ca?: string | Buffer };
}

/** The nodemailer transport options that `EMAIL_TLS` means (see SETTINGS in src/settings.ts). */
export function transportOptions(config: EmailConfig, options: SendMailOptions = {}) {
  const timeout = options.timeoutMs ?? 15_000;
  const tlsMode =
    config.tls === 'tls' || (config.tls === 'auto' && config.port === 465)
      ? { secure: true } // TLS from the first byte (RFC 8314 "implicit TLS", port 465)
      : config.tls === 'starttls'
        ? { secure: false, requireTLS: true } // refuse to send unless STARTTLS succeeds (RFC 3207)
        : config.tls === 'none'
          ? { secure: false, ignoreTLS: true }
          : config.user !== undefined
            ? // auto with a password: never authenticate in clear (RFC 8314 §5; issue #17); a
              // server that offers no STARTTLS is refused unless EMAIL_TLS=none says so
              { secure: false, requireTLS: true }
            : { secure: false }; // auto, no password: STARTTLS when the server offers it
  return {
    host: config.host,
    port: config.port,
    ...tlsMode,
    ...(config.user !== undefined ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    ...(options.tls !== undefined ? { tls: options.tls } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, 30_000),
  };
}

/** Sends one message over SMTP; throws UnavailableError (69) when the server cannot be reached or refuses. */
export async function sendMail(
  config: EmailConfig,
  message: MailMessage,
  options: SendMailOptions = {},
): Promise<MailReceipt> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(transportOptions(config, options));
  try {
    const info = await transport.sendMail(mailFields(message));
    return {
      messageId: String(info.messageId ?? ''),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  } catch (error) {
    throw mailError(config, error);
  } finally {
    transport.close();
  }
}

/** The message as an RFC 5322 file (`.eml`), for --dry-run: nothing leaves the machine. */
export async function writeEml(message: MailMessage): Promise<Buffer> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(mailFields(message));
  return info.message as Buffer;
}

function mailFields(m: MailMessage) {
  return {
    from: m.from,
    to: [...m.to],
    subject: m.subject,
    text: m.text,
    html: m.html,
    ...(m.date !== undefined ? { date: m.date } : {}),
    attachments: (m.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.content,
      ...(a.contentType !== undefined ? { contentType: a.contentType } : {}),
    })),
  };
}

interface NodemailerFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** What went wrong, for a person: where (host:port), what the server said, what to check. */
export function mailError(config: EmailConfig, error: unknown): UnavailableError {
  const e = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as NodemailerFailure;
  const scrub = (text: string) => {
    let out = text.replace(/\s+/g, ' ').trim();
    if (config.password !== undefined && config.password.length > 0)
      out = out.split(config.password).join('[redacted]');
    return out;
  };
  const where = `${config.host}:${config.port}`;
  const said = scrub(e.response ?? e.message ?? 'no detail');
  const cause = { cause: error };
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') {
    return new UnavailableError(
      `the SMTP server ${where} refused the login of user "${config.user ?? ''}": ${said}`,
      'Check EMAIL_HOST_USER and EMAIL_HOST_PASSWORD (for Gmail or Microsoft 365, an app password). The summary was not sent and will be tried again on the next run.',
      cause,
    );
  }
  if (
    e.code === 'ETLS' ||
    e.code === 'EREQUIRETLS' ||
    /tls|ssl|certificate|wrong version number/i.test(said)
  ) {
    return new UnavailableError(
      `TLS with the SMTP server ${where} failed: ${said}`,
      'Check EMAIL_TLS and EMAIL_PORT: port 465 uses tls, port 587 uses starttls; use none only for a local relay. The summary was not sent.',
      cause,
    );
  }
  if (e.responseCode !== undefined && e.responseCode >= 400) {
    const temporary = e.responseCode < 500;
    return new UnavailableError(
      `the SMTP server ${where} ${temporary ? 'deferred' : 'refused'} the summary: ${said}`,
      temporary
        ? 'The server asked to try later; the next run will try again.'
        : 'Check that EMAIL_FROM may send through this server and that EMAIL_TO are valid addresses. The summary was not sent; the next run will try again.',
      cause,
    );
  }
  return new UnavailableError(
    `cannot reach the SMTP server ${where}: ${said}`,
    'Check EMAIL_HOST and EMAIL_PORT, that the server is up and that no firewall blocks the port. The summary was not sent; the next run will try again.',
    cause,
  );
}
