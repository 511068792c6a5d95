/**
 * `statement` and `quota` on an 80-column terminal, read back from the screen a real terminal of
 * that size shows: what a user acts on stays whole (the order id `invoice request --order` takes,
 * whether a line is invoiced, a window's used and limit figures, the pace); long text wraps; nothing
 * is cut with "…".
 */
import stringWidth from 'string-width';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { onPty } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
});
afterAll(() => s.stop());

const COLUMNS = 80;

async function screen(args: string[], home: string): Promise<string[]> {
  const pty = onPty(args, { home, columns: COLUMNS, rows: 40, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
  expect(await pty.exit()).toBe(0);
  const lines = await screenOf(pty.raw(), COLUMNS, 40);
  expect(lines.join('\n')).not.toContain('…');
  expect(lines.every((l) => stringWidth(l) <= COLUMNS)).toBe(true);
  return lines;
}

test('at 80 columns: statement keeps order ids and invoiced whole and wraps descriptions; quota keeps its figures and the pace', async () => {
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const subscribed = await u.run(['plan', 'subscribe', 'lite-monthly', '--yes', '--json']);
  expect(subscribed.code, subscribed.stderr).toBe(0);
  const bought = await u.run(['plan', 'purchase', 'starter', '--yes', '--json']);
  expect(bought.code, bought.stderr).toBe(0);
  const pack = JSON.parse(bought.stdout).id as string;
  const subscription = JSON.parse(subscribed.stdout).id as string;
  expect((await u.run(['invoice', 'request', '--order', pack, '--title', 'ACME', '--tax-id', '91350100M000100Y43'])).code).toBe(0);
  expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '3', 'hi'])).code).toBe(0);

  const statement = await screen(['statement'], u.home);
  expect(statement[0]).toMatch(/^DATE +DESCRIPTION +AMOUNT +ORDER +INVOICED$/);
  const row = (id: string) => statement.find((l) => l.includes(id));
  expect(row(pack)).toMatch(/ yes$/);
  expect(row(subscription)).toMatch(/ no$/);
  // The description of the subscription, read down its column, is whole.
  const words = statement.flatMap((l) => l.split(/\s{2,}/)).join(' ');
  for (const word of 'Token Plan: Lite subscription, first month'.split(' ')) expect(words).toContain(word);
  expect(statement.filter((l) => /^\s{10,}\S/.test(l)).length).toBeGreaterThan(0);

  const quota = await screen(['quota'], u.home);
  expect(quota.find((l) => l.startsWith('WINDOW'))).toMatch(/^WINDOW +USED +RESETS +PACE$/);
  expect(quota.find((l) => l.startsWith('month'))).toMatch(/^month +░+ \d+ \/ 10,000,000 tokens +in \d+d\d\dh +\d+ tokens\/h, no/);
  expect(quota.find((l) => l.startsWith('5 hours'))).toMatch(/1 \/ 80 requests +in 5h00m +1 requests\/h/);
});
