/**
 * Where to pay, for providers that sell credits only on their website: `plans` and `plan purchase`
 * both say so instead of pretending a purchase can happen here.
 */
import type { ProviderAdapter } from '../client/providers/types.js';
import { CliError } from './errors.js';
import { note } from './io/messages.js';
import type { IOStreams } from './io/streams.js';
import { printJson } from './io/json.js';

export interface TopUpOptions {
  io: IOStreams;
  profile: ProviderAdapter;
  apiUrl: string;
  web: boolean;
  json: boolean;
  open: (url: string) => Promise<void>;
}

/** No provider here sells credits over an API: say where to pay, and never pretend a purchase happened. */
export async function topUpRun(opts: TopUpOptions): Promise<void> {
  const url = opts.profile.topUpUrl?.(opts.apiUrl) ?? null;
  if (opts.json) return printJson(opts.io, { provider: opts.profile.kind, purchased: false, top_up_url: url });
  if (!url) return note(opts.io, false, `${opts.profile.kind} has nothing to buy: it runs on your own machine or server`);
  opts.io.out(`${url}\n`);
  note(opts.io, false, `${opts.profile.kind} sells credits only on its website: nothing was bought. Top up at the address above.`);
  if (opts.web) await opts.open(url);
}

/** Opens a URL on a desktop; fails with a clear message where there is none. */
export async function openInBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.once('error', () => reject(new CliError(`cannot open a browser here (${opener} not found): visit the address above`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
