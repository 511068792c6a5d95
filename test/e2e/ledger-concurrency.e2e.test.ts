/** Many processes, one ledger: every run recorded once, totals exact, each alert raised once. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { cleanEnv, ROOT } from '../helpers/procs.js';
import { buy, startServe } from '../helpers/serve.js';

const PROCESSES = 16;
const RUNS = 20;

test(`${PROCESSES} processes × ${RUNS} runs against one ledger: ${PROCESSES * RUNS} rows, exact totals, each alert once`, async () => {
  const s = await startServe(['--rate-limit', '1000', '--rate-burst', '1000']);
  await buy(s.url, s.key);
  const env = { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key };
  const u = userAt(undefined, env);
  const alerts = join(u.home, 'alerts.log');
  // Every run bills 19; the limit is exactly what all runs together spend, so 100% is crossed last.
  const limit = PROCESSES * RUNS * 19;
  expect((await u.run(['budget', 'set', '--period', 'month', '--tokens', String(limit), '--warn', '25,50,75,100', '--alert-command', `echo "$TOKENCLI_ALERT_THRESHOLD" >> ${alerts}`])).code).toBe(0);

  const workers = Array.from({ length: PROCESSES }, () =>
    promisify(execFile)(process.execPath, [join(ROOT, 'test/helpers/run-worker.mjs'), String(RUNS)], { env: cleanEnv(u.home, env) }),
  );
  const outputs = (await Promise.all(workers)).flatMap((w) => JSON.parse(w.stdout) as string[]);
  expect(outputs).toHaveLength(PROCESSES * RUNS);
  expect(outputs.join('')).not.toMatch(/locked|busy|error/i);

  const rows = ledgerRows(u.home);
  expect(rows).toHaveLength(PROCESSES * RUNS);
  expect(new Set(rows.map((r) => r.id)).size).toBe(PROCESSES * RUNS);
  expect(rows.every((r) => r.status === 'ok' && r.source === 'server')).toBe(true);
  expect(rows.reduce((t, r) => t + r.billed_tokens, 0)).toBe(limit);

  const shown = outputs.join('').match(/threshold \d+%/g) ?? [];
  expect(shown.sort()).toEqual(['threshold 100%', 'threshold 25%', 'threshold 50%', 'threshold 75%']);
  expect(readFileSync(alerts, 'utf8').trim().split('\n').sort()).toEqual(['100', '25', '50', '75']);
  await s.stop();
});
