/** The one-line account of a run, shown on stderr after the answer. */
import type { UsageSource } from '../../../ledger/ledger.js';
import type { ChatUsage } from '../../../shared/wire.js';
import { formatTokens } from '../../io/format.js';

export interface RunSummary {
  usage: ChatUsage;
  billedTokens: number;
  source: UsageSource;
  durationMs: number;
  ttftMs: number | null;
}

export function summaryLine(r: RunSummary): string {
  const parts = [
    `${formatTokens(r.usage.prompt_tokens)} in`,
    `${formatTokens(r.usage.completion_tokens)} out`,
    `${formatTokens(r.billedTokens)} plan tokens${r.source === 'estimate' ? ' (estimated)' : ''}`,
    `${(r.durationMs / 1000).toFixed(2)}s`,
  ];
  if (r.ttftMs !== null) parts.push(`first token ${r.ttftMs}ms`);
  if (r.usage.billing) parts.push(`${formatTokens(r.usage.billing.tokens_remaining)} left`);
  return parts.join(' · ');
}
