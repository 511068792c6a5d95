/**
 * How the server sends a text message. The reference server has no gateway: it prints each message
 * on stderr for a person at the terminal and, with `serve --sms-outbox FILE`, appends it to FILE as
 * one JSON line for tests and scripts. A real SMS gateway implements the same one-method interface.
 */
import { appendFileSync } from 'node:fs';

export interface SmsMessage {
  /** E.164, as stored (see phone.ts). */
  to: string;
  text: string;
  /** What the message is for, e.g. `device_login` or `payment`, so an outbox reader can pick its own. */
  purpose: string;
  /** The one-time code the text carries, when it carries one, so a reader needs no parsing. */
  code?: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface DemoSmsOptions {
  /** Where a person reads the messages; the server's stderr. */
  log: (line: string) => void;
  /** Appended with one JSON line per message, written before send() resolves. */
  outboxFile?: string;
  now: () => Date;
}

/** The demo gateway: stderr and an optional JSON-lines outbox. */
export class DemoSms implements SmsSender {
  constructor(private readonly o: DemoSmsOptions) {}

  send(message: SmsMessage): Promise<void> {
    const sentAt = this.o.now().toISOString();
    this.o.log(`sms to ${message.to}: ${message.text}`);
    if (this.o.outboxFile) appendFileSync(this.o.outboxFile, `${JSON.stringify({ sent_at: sentAt, ...message })}\n`, { mode: 0o600 });
    return Promise.resolve();
  }
}
