/**
 * Which runs a report or total covers, as SQL. Apart from ledger.ts so that modules the CLI loads at
 * start-up (report.ts, through the usage command) do not pull in better-sqlite3 with it.
 */

export interface RunFilter {
  profile?: string;
  /** Inclusive lower bound, ISO UTC. */
  since?: string;
  /** Exclusive upper bound, ISO UTC. */
  until?: string;
}

/** SQL conditions for a run filter, with named parameters. */
export function whereOf(f: RunFilter): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (f.profile !== undefined) {
    clauses.push('profile = @profile');
    params.profile = f.profile;
  }
  if (f.since !== undefined) {
    clauses.push('created_at >= @since');
    params.since = f.since;
  }
  if (f.until !== undefined) {
    clauses.push('created_at < @until');
    params.until = f.until;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
