import type { FastifyBaseLogger } from 'fastify';
import { loadOnFirstUse } from './load-on-first-use.ts';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Extra headers, e.g. List-Unsubscribe on notifications a reader can stop. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** "sent" went out through SMTP; "logged" was written to the server log because no SMTP is configured. */
export type Delivery = 'sent' | 'logged';

export interface Mailer {
  send(mail: Mail): Promise<Delivery>;
}

/** SMTP when configured (nodemailer); otherwise the message goes to the log, so links still reach someone. */
export function createMailer(options: { smtpUrl: string | undefined; from: string; log: Pick<FastifyBaseLogger, 'warn'> }): Mailer {
  if (!options.smtpUrl) {
    return {
      send: async (mail) => {
        options.log.warn({ to: mail.to, subject: mail.subject, text: mail.text }, 'No SMTP_URL set: this email was not sent');
        return 'logged';
      },
    };
  }
  const smtpUrl = options.smtpUrl;
  // nodemailer is loaded with the first message, not with the server: most processes never send one.
  const connect = loadOnFirstUse(async () => (await import('nodemailer')).default.createTransport(smtpUrl));
  return {
    send: async (mail) => {
      await (await connect()).sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: { ...mail.headers } } : {}),
      });
      return 'sent';
    },
  };
}
