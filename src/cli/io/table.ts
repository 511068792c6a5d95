/** Tables and JSON on stdout: aligned columns on a terminal, tab-separated rows when piped. */
import Table from 'cli-table3';
import type { IOStreams } from './streams.js';

/**
 * A table on a terminal; tab-separated rows with no header when piped, so `cut` and `awk` work
 * (after gh's tableprinter).
 */
export function printRows(io: IOStreams, head: string[], rows: string[][]): void {
  if (!io.isStdoutTTY) {
    for (const r of rows) io.out(r.join('\t') + '\n');
    return;
  }
  const table = new Table({
    head: head.map((h) => io.color.bold(h.toUpperCase())),
    style: { head: [], border: [], compact: true },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
  });
  table.push(...rows);
  io.out(table.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n');
}

export function printJson(io: IOStreams, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
