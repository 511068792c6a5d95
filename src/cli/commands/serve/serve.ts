/** `tokencli serve`: the reference Token Plan server, its flags turned into server options. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { CliError, Exit, UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { nonNegativeInteger, positiveInteger, positiveNumber } from '../../flags.js';
import { parseMoney, type Money } from '../../../tokens/money.js';
import type { RunningServer, ServerOptions } from '../../../server/listen.js';
import { databaseTarget, DEFAULT_DB_TIMEOUT_MS, DEFAULT_POOL_SIZE } from './database.js';
import { keysCommand } from './keys.js';
import type { UpstreamModelConfig } from '../../../server/backends/upstream.js';
import { scheduleProblem } from '../../../tokens/peak.js';

export interface ServeOptions {
  io: IOStreams;
  env: Record<string, string | undefined>;
  dataDir: string;
  /** A postgres:// URL (flag or $TOKENCLI_DATABASE_URL): this server is one replica on that database. */
  database?: string;
  dbPoolSize: number;
  dbTimeoutMs: number;
  /** Defaults to a new random name per start. */
  replicaId?: string;
  host: string;
  port: number;
  demoDelayMs: number;
  upstream?: string;
  upstreamKeyEnv?: string;
  modelsConfig?: string;
  rateLimit: number;
  rateBurst: number;
  maxBodyBytes: number;
  defaultMaxTokens: number;
  holdTtlSeconds: number;
  progressIntervalMs: number;
  countDeadlineMs: number;
  paymentDelayMs: number;
  shutdownGraceSeconds: number;
  smsOutbox?: string;
  paymentTtlSeconds: number;
  phoneBillMonthlyCap: Money;
  paymentAttempts: number;
  invoiceDelaySeconds: number;
  deviceInterval: number;
  deviceCodeTtl: number;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  untilShutdown: () => Promise<string>;
  start?: (o: ServerOptions) => Promise<RunningServer>;
}

export function serveCommand(ctx: Context, runF = serveRun): Command {
  const cmd = new Command('serve')
    .description('Run the reference Token Plan server (demo models; SQLite ledger, or PostgreSQL shared by several replicas)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port to listen on; 0 picks a free one').default(8787).argParser(nonNegativeInteger('--port')))
    .option('--data-dir <dir>', 'where the SQLite database lives (default: the platform data directory)')
    .option('--database <url>', 'a postgres:// URL: keep the data in PostgreSQL instead, shared by every replica given the same URL (default: $TOKENCLI_DATABASE_URL)')
    .addOption(new Option('--db-pool-size <n>', 'PostgreSQL connections this replica may open').default(DEFAULT_POOL_SIZE).argParser(positiveInteger('--db-pool-size')))
    .addOption(new Option('--db-timeout-ms <ms>', 'longest wait for a PostgreSQL connection, and longest statement').default(DEFAULT_DB_TIMEOUT_MS).argParser(positiveInteger('--db-timeout-ms')))
    .option('--replica-id <name>', "this replica's stable name (e.g. the pod's): a restart under the same name settles its interrupted requests at once, not after --hold-ttl (default: random)")
    .addOption(new Option('--demo-delay-ms <ms>', 'pause between demo tokens').default(0).argParser(nonNegativeInteger('--demo-delay-ms')))
    .option('--upstream <url>', 'forward chat to this OpenAI-compatible base URL (e.g. https://api.example.com/v1) instead of the demo models')
    .option('--upstream-key-env <var>', 'environment variable holding the upstream API key')
    .option('--models-config <file>', 'JSON of per-model multipliers for upstream mode: {"id": {"input_multiplier_milli": 1000, "schedule": {"time_zone", "base_milli", "rules"}, ...}} (see docs/token-plan-api.yaml, Model.multiplier.schedule)')
    .addOption(new Option('--rate-limit <rps>', 'sustained requests per second per key').default(50).argParser(positiveNumber('--rate-limit')))
    .addOption(new Option('--rate-burst <n>', 'requests per key allowed in a burst').default(200).argParser(positiveInteger('--rate-burst')))
    .addOption(new Option('--max-body-bytes <n>', 'larger request bodies get 413').default(1_048_576).argParser(positiveInteger('--max-body-bytes')))
    .addOption(new Option('--default-max-tokens <n>', 'completion tokens held when a request sets no max_tokens').default(1024).argParser(positiveInteger('--default-max-tokens')))
    .addOption(new Option('--hold-ttl <seconds>', 'how long a hold outlives its last renewal by its running request').default(600).argParser(positiveInteger('--hold-ttl')))
    .addOption(new Option('--progress-interval-ms <ms>', 'how often a running request renews its hold and records its progress').default(1000).argParser(positiveInteger('--progress-interval-ms')))
    .addOption(new Option('--count-deadline-ms <ms>', 'a prompt whose tokens take longer to count gets 400').default(1000).argParser(positiveInteger('--count-deadline-ms')))
    .addOption(new Option('--payment-delay-ms <ms>', 'simulated payment latency of a purchase').default(0).argParser(nonNegativeInteger('--payment-delay-ms')))
    .addOption(new Option('--shutdown-grace <seconds>', 'on SIGTERM, how long in-flight streams may run before they are stopped and billed').default(10).argParser(nonNegativeInteger('--shutdown-grace')))
    .option('--sms-outbox <file>', 'also append every SMS the server sends (one-time codes) to this file as JSON lines')
    .addOption(new Option('--payment-ttl <seconds>', 'how long a phone-bill payment waits for its SMS code before it expires').default(300).argParser(positiveInteger('--payment-ttl')))
    .addOption(new Option('--phone-bill-monthly-cap <amount>', 'phone-bill charges allowed per account and calendar month (Asia/Shanghai), e.g. 500 or ¥500').default(moneyFlag('--phone-bill-monthly-cap')('500'), '¥500').argParser(moneyFlag('--phone-bill-monthly-cap')))
    .addOption(new Option('--payment-attempts <n>', 'wrong SMS codes allowed before a phone-bill payment is denied').default(3).argParser(positiveInteger('--payment-attempts')))
    .addOption(new Option('--invoice-delay <seconds>', 'how long after its request an invoice is issued; 0 issues it at once').default(0).argParser(nonNegativeInteger('--invoice-delay')))
    .addOption(new Option('--device-interval <seconds>', 'how often a `login --web` device may poll for its key').default(5).argParser(positiveInteger('--device-interval')))
    .addOption(new Option('--device-code-ttl <seconds>', 'how long a `login --web` code stays valid').default(900).argParser(positiveInteger('--device-code-ttl')))
    .addHelpText('after', '\nExamples:\n  $ tokencli serve --port 0 --data-dir ./tp-data\n  $ tokencli serve --host 0.0.0.0 --database postgres://tokenplan@db.internal/tokenplan --replica-id "$HOSTNAME"\n  $ tokencli serve --upstream https://api.deepseek.com/v1 --upstream-key-env DEEPSEEK_API_KEY')
    .action((flags: Omit<ServeOptions, 'io' | 'env' | 'untilShutdown' | 'dataDir' | 'holdTtlSeconds' | 'shutdownGraceSeconds' | 'paymentTtlSeconds' | 'invoiceDelaySeconds'> & { dataDir?: string; holdTtl: number; shutdownGrace: number; paymentTtl: number; invoiceDelay: number }) =>
      runF({
        ...flags,
        paymentTtlSeconds: flags.paymentTtl,
        invoiceDelaySeconds: flags.invoiceDelay,
        io: ctx.io,
        env: ctx.env,
        dataDir: flags.dataDir ?? ctx.paths.serverDataDir,
        ...(flags.database ?? ctx.env.TOKENCLI_DATABASE_URL ? { database: flags.database ?? ctx.env.TOKENCLI_DATABASE_URL } : {}),
        holdTtlSeconds: flags.holdTtl,
        shutdownGraceSeconds: flags.shutdownGrace,
        untilShutdown: () =>
          new Promise((resolve) => {
            process.once('SIGINT', () => resolve('SIGINT'));
            process.once('SIGTERM', () => resolve('SIGTERM'));
          }),
      }),
    );
  cmd.addCommand(keysCommand(ctx));
  return cmd;
}

export async function serveRun(opts: ServeOptions): Promise<void> {
  let upstream: ServerOptions['upstream'];
  if (opts.upstream) {
    let apiKey: string | undefined;
    if (opts.upstreamKeyEnv) {
      apiKey = opts.env[opts.upstreamKeyEnv];
      if (!apiKey) throw new UsageError(`--upstream-key-env names ${opts.upstreamKeyEnv}, but it is not set`);
    }
    upstream = { baseUrl: opts.upstream, modelConfig: opts.modelsConfig ? readModelsConfig(opts.modelsConfig) : {}, ...(apiKey ? { apiKey } : {}) };
  }
  const database = databaseTarget(opts);
  const { startServer } = await import('../../../server/listen.js');
  const { describeTarget } = await import('../../../server/store/db.js');
  const start = opts.start ?? startServer;
  let server: RunningServer;
  try {
    server = await start({
      database,
      replicaId: opts.replicaId ?? `${hostname()}-${randomUUID().slice(0, 8)}`,
      host: opts.host,
      port: opts.port,
      demoDelayMs: opts.demoDelayMs,
      ...(upstream ? { upstream } : {}),
      rateLimit: { perSecond: opts.rateLimit, burst: opts.rateBurst },
      maxBodyBytes: opts.maxBodyBytes,
      defaultMaxTokens: opts.defaultMaxTokens,
      holdTtlMs: opts.holdTtlSeconds * 1000,
      progressIntervalMs: opts.progressIntervalMs,
      countDeadlineMs: opts.countDeadlineMs,
      paymentDelayMs: opts.paymentDelayMs,
      shutdownGraceMs: opts.shutdownGraceSeconds * 1000,
      ...(opts.smsOutbox ? { smsOutbox: opts.smsOutbox } : {}),
      phoneBill: { ttlMs: opts.paymentTtlSeconds * 1000, monthlyCapMinor: opts.phoneBillMonthlyCap.amount_minor, maxAttempts: opts.paymentAttempts },
      invoiceDelayMs: opts.invoiceDelaySeconds * 1000,
      deviceFlow: { intervalSeconds: opts.deviceInterval, ttlSeconds: opts.deviceCodeTtl },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${opts.port} on ${opts.host} is already in use`, Exit.ERROR, 'pick another with --port, or --port 0 for a free one');
    // The driver's errors carry a code (ECONNREFUSED, or SQLSTATE such as 28P01 or 3D000); our bugs do not.
    if (database.postgres && typeof code === 'string') {
      throw new CliError(`cannot use the PostgreSQL database at ${describeTarget(database)}: ${(e as Error).message}`, Exit.NETWORK, 'check --database (or TOKENCLI_DATABASE_URL), that PostgreSQL is up, and that the user may connect and create tables');
    }
    throw e;
  }
  // Listen for the stop signals before the URL is printed: whoever reads it may signal at once.
  const shutdown = opts.untilShutdown();
  const c = opts.io.errColor;
  if (server.demoKey) {
    opts.io.err(`${c.yellow('!')} new database: created account "demo"; its API key, shown only this once: ${server.demoKey}\n`);
  }
  opts.io.err(`${c.green('✓')} Token Plan server (${upstream ? `upstream ${upstream.baseUrl}` : 'demo models'}) on ${server.url}, data in ${describeTarget(database)}; Ctrl-C stops it\n`);
  opts.io.out(`${server.url}\n`);
  const signal = await shutdown;
  opts.io.err(`${signal}: finishing in-flight requests…\n`);
  await server.close();
  opts.io.err('stopped\n');
}

function readModelsConfig(file: string): Record<string, UpstreamModelConfig> {
  let config: Record<string, UpstreamModelConfig>;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, UpstreamModelConfig>;
  } catch (e) {
    throw new UsageError(`cannot read --models-config ${file}: ${(e as Error).message}`);
  }
  // A schedule bills every request: one that cannot be read is refused now, not guessed at later.
  for (const [model, cfg] of Object.entries(config)) {
    const problem = cfg.schedule === undefined ? undefined : scheduleProblem(cfg.schedule);
    if (problem) throw new UsageError(`--models-config ${file}: ${model}: ${problem}`);
  }
  return config;
}

/** An amount of money as a person types it (500, ¥500, 9.90); the server bills in CNY. */
function moneyFlag(flag: string) {
  return (value: string): Money => {
    const money = parseMoney(value);
    if (!money || money.currency !== 'CNY') throw new UsageError(`${flag} must be an amount in CNY such as 500 or ¥9.90, not "${value}"`);
    return money;
  };
}
