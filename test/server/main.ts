import type { RealismOptions } from './realism';
import { startSentryTestServer } from './sentryTestServer';

/**
 * `node out/test/server/main.js [--port N] [--host H] [--link-origin URL] [--realistic [--latency-ms N]
 * [--rate-limit N] [--concurrent-limit N]]`: serves the demo data (with `--realistic`, the realistic
 * data set, behaving like sentry.io: see realism.ts) and prints one line of JSON,
 * `{"url": "...", "token": "demo-token"}`, then runs until SIGTERM / SIGINT.
 */

interface CliOptions {
  port: number;
  host: string;
  linkOrigin?: string;
  realistic?: RealismOptions;
}

const USAGE = 'usage: main.js [--port N] [--host H] [--link-origin URL] [--realistic [--latency-ms N] [--rate-limit N] [--concurrent-limit N]]';

function count(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number`);
  return n;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--link-origin':
        options.linkOrigin = value();
        break;
      case '--realistic':
        options.realistic ??= {};
        break;
      case '--latency-ms':
        (options.realistic ??= {}).latencyMs = count(flag, value());
        break;
      case '--rate-limit':
        (options.realistic ??= {}).rateLimit = count(flag, value());
        break;
      case '--concurrent-limit':
        (options.realistic ??= {}).concurrentLimit = count(flag, value());
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (${USAGE})`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const server = await startSentryTestServer(options);
  process.stdout.write(`${JSON.stringify({ url: server.url, token: 'demo-token' })}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sentry test server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
