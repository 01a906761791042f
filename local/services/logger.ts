/**
 * Logger and the bundle's console, offline: kept in memory (Logger.getLog) and written to stderr
 * only when BANZHUREN_LOG=1, so a command's own output stays clean. console.info is the bundle's
 * progress channel (one line per document made): it always goes to the runtime's `print`.
 */
import { format } from 'node:util';
import { makeFake, unavailable, type FakeContext } from './fake-object';

/** Where log lines go: stderr when BANZHUREN_LOG=1, nowhere otherwise. */
export function logSink(env: NodeJS.ProcessEnv = process.env): (line: string) => void {
  return env.BANZHUREN_LOG === '1' ? (line) => process.stderr.write(`${line}\n`) : () => undefined;
}

/** The Logger fake. Logger.log(format, values…) replaces %s with the values, as Apps Script does. */
export function makeLogger(context: FakeContext, sink: (line: string) => void): unknown {
  const lines: string[] = [];
  return makeFake(context, 'Logger', (self) => ({
    log(first: unknown, ...values: unknown[]) {
      let text = String(first);
      if (values.length > 0) {
        let next = 0;
        text = text.replace(/%s/g, () => (next < values.length ? String(values[next++]) : '%s'));
      }
      lines.push(text);
      sink(text);
      return self;
    },
    getLog: () => lines.join('\n') + (lines.length ? '\n' : ''),
    clear() {
      lines.length = 0;
    },
  }));
}

/**
 * The bundle's console: log, warn, error and debug to the sink, info to `progress` (default: the
 * sink); anything else not available. `context` is read when needed: the console is made before
 * the bundle's realm exists.
 */
export function makeConsole(context: () => FakeContext, sink: (line: string) => void, progress: (line: string) => void = sink): unknown {
  const write = (level: string) => (...args: unknown[]) => sink(level ? `${level} ${format(...args)}` : format(...args));
  const methods: Record<string, unknown> = {
    log: write(''),
    info: (...args: unknown[]) => progress(format(...args)),
    debug: write(''),
    warn: write('[warn]'),
    error: write('[error]'),
  };
  return new Proxy(methods, {
    get(target, property) {
      if (typeof property === 'symbol') return undefined;
      return Object.prototype.hasOwnProperty.call(target, property) ? target[property] : () => unavailable(context(), 'console', property);
    },
  });
}
