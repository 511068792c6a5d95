/**
 * Tables on stdout (JSON is json.ts, which loads nothing), one convention for every command (after gh's tableprinter):
 * - on a terminal: headings, human values (1,234 · ¥1.00 · in 3 days), fitted to the width: a column
 *   marked `wrap` (a description) first narrows, its cells wrapping onto more rows; then columns of
 *   least value are dropped, then the widest cells are cut with "…"; no other cell wraps;
 * - piped: tab-separated raw values (integers, minor units, ISO times) under a header row of the
 *   same field names as --json, each carrying its unit (`price_minor`, `currency`); `--no-header`
 *   leaves the header out for `cut` and `while read`.
 */
import Table from 'cli-table3';
import { wrapAnsi } from 'fast-wrap-ansi';
import stringWidth from 'string-width';
import type { IOStreams } from './streams.js';

export interface Column<R> {
  /** The field name when piped: the --json name, with its unit. */
  key: string;
  /** The heading on a terminal. */
  title: string;
  /** The value on a terminal. */
  human: (row: R) => string;
  /** The value when piped: raw, unformatted. */
  raw: (row: R) => string | number | boolean | null | undefined;
  /** Columns with a higher number are dropped first on a narrow terminal; undefined never is. */
  drop?: number;
  /** A machine-only field (a currency beside an amount) that a terminal shows inside another column. */
  pipedOnly?: boolean;
  /** A picture (a bar) with no value for a program. */
  ttyOnly?: boolean;
  /** Long text that wraps onto more rows on a narrow terminal (down to WRAP_MIN wide) before any column is dropped. */
  wrap?: boolean;
}

const GAP = 2;
const MIN_CELL = 6;
const WRAP_MIN = 16;

export function printTable<R>(io: IOStreams, columns: Column<R>[], rows: R[]): void {
  if (!io.isStdoutTTY) {
    columns = columns.filter((c) => !c.ttyOnly);
    if (io.pipedHeader) io.out(columns.map((c) => c.key).join('\t') + '\n');
    for (const r of rows) io.out(columns.map((c) => rawCell(c.raw(r))).join('\t') + '\n');
    return;
  }
  columns = columns.filter((c) => !c.pipedOnly);
  const cells = rows.map((r) => columns.map((c) => c.human(r)));
  const { shown, widths } = fit(columns, cells, io.stdoutColumns);
  const table = new Table({
    head: shown.map((i) => io.color.bold(columns[i]!.title.toUpperCase())),
    colWidths: shown.map((i) => widths[i]!),
    wordWrap: false,
    truncate: '…',
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' '.repeat(GAP) },
  });
  table.push(...cells.map((row) => shown.map((i) => (columns[i]!.wrap ? wrapAnsi(row[i]!, widths[i]!, { hard: true, trim: true }) : row[i]!))));
  io.out(table.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n');
}

/** Raw values keep tabs and newlines out of the row structure. */
const rawCell = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v).replace(/[\t\n\r]/g, ' '));

/** Which columns to show and how wide, so that the table fits `width` (all of them, natural width, when unknown). */
export function fit<R>(columns: Column<R>[], cells: string[][], width: number | undefined): { shown: number[]; widths: number[] } {
  const widths = columns.map((c, i) => Math.max(stringWidth(c.title), ...cells.map((row) => stringWidth(row[i] ?? ''))));
  let shown = columns.map((_, i) => i);
  if (!width) return { shown, widths };
  const total = () => shown.reduce((n, i) => n + widths[i]!, 0) + GAP * (shown.length - 1);
  // Wrapping loses nothing, dropping a column does: the wrapping columns give way first.
  const natural = [...widths];
  const wrapping = shown.filter((i) => columns[i]!.wrap);
  for (const i of wrapping) {
    if (total() > width) widths[i] = Math.max(Math.min(WRAP_MIN, widths[i]!), widths[i]! - (total() - width));
  }
  const droppable = () => shown.filter((i) => columns[i]!.drop !== undefined).sort((a, b) => columns[b]!.drop! - columns[a]!.drop!);
  while (total() > width && droppable().length > 0) shown = shown.filter((i) => i !== droppable()[0]);
  // What a dropped column leaves, the wrapping ones take back.
  for (const i of wrapping) {
    if (shown.includes(i) && total() < width) widths[i] = Math.min(natural[i]!, widths[i]! + (width - total()));
  }
  // Still too wide: cut the widest cells, never below a readable minimum.
  while (total() > width) {
    const widest = shown.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    if (widths[widest]! <= MIN_CELL) break;
    widths[widest] = Math.max(MIN_CELL, widths[widest]! - (total() - width));
  }
  return { shown, widths };
}

/** A short list of facts (label → value), as a two-column table with the same conventions. */
export function printFacts(io: IOStreams, facts: { key: string; label: string; human: string; raw: string | number | boolean | null }[]): void {
  printTable(
    io,
    [
      { key: 'field', title: '', human: (f) => f.label, raw: (f) => f.key },
      { key: 'value', title: '', human: (f) => f.human, raw: (f) => f.raw },
    ],
    facts,
  );
}
