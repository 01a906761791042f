/**
 * A real SMTP server in the test process (smtp-server), listening on 127.0.0.1 at a random port,
 * for tests that deliver the offline runtime's mail: it keeps every message it accepted (envelope
 * and raw bytes, parsed with mailparser on demand), accepts or refuses a login, and can be stopped
 * and started again on the same port (a server that is down); and a tarpit, a port that accepts
 * connections and never greets (or trickles bytes forever), for the time limits of delivery.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/** Options of startSmtpServer. */
export interface TestSmtpOptions {
  /** The login the server accepts; without one, no login is asked for (and any is accepted). */
  user?: string;
  password?: string;
  /** The port (default: a free one). */
  port?: number;
  /** Recipients the server refuses (550), each refusal noted in `refused`. */
  refuse?: string[];
  /** Called as each message arrives, before the server answers that it took it. */
  onReceive?: (mail: ReceivedMail) => void;
}

/** A running test SMTP server. */
export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Logins tried, accepted or not: user names only. */
  logins: string[];
  /** Recipients refused, once per attempt. */
  refused: string[];
  /** The smtp:// URL of the server with the given credentials. */
  url(user?: string, password?: string): string;
  /** Each received message parsed. */
  parsed(): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** Starts an SMTP server on 127.0.0.1 (no TLS; a login over plain text allowed). */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: options.user === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        refused.push(address.address);
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        const mail = { from, to: session.envelope.rcptTo.map((recipient) => recipient.address), raw: Buffer.concat(chunks) };
        received.push(mail);
        options.onReceive?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return {
    port,
    received,
    logins,
    refused,
    url: (user, password) => `smtp://${user !== undefined ? `${encodeURIComponent(user)}:${encodeURIComponent(password ?? '')}@` : ''}127.0.0.1:${port}`,
    parsed: () => Promise.all(received.map((mail) => simpleParser(mail.raw))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (a server that is down): one a server had, then closed. */
export async function closedPort(): Promise<number> {
  const server = await startSmtpServer();
  await server.stop();
  return server.port;
}

/** A TCP server on 127.0.0.1 that is no SMTP server: it accepts connections and then only trickles a byte now and then (or says nothing). */
export async function startTarpit(options: { trickle: boolean }): Promise<{ port: number; connections: () => number; stop(): Promise<void> }> {
  const { createServer } = await import('node:net');
  let connections = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    if (options.trickle) {
      const timer = setInterval(() => socket.write('2'), 20);
      socket.on('close', () => clearInterval(timer));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
