/**
 * A whole answer rendered at once (`logs --last`, `logs show`), laid out exactly as `run` lays out
 * one that streams (the same renderer, wrapping and code frames), with nothing to redraw.
 */
import { LiveMarkdown } from './live.js';
import { loadRenderer } from './renderer.js';

export async function renderWhole(markdown: string, o: { columns: number; color: boolean; frame: (s: string) => string }): Promise<string> {
  let out = '';
  // As tall as it needs: a whole answer is never redrawn, so no block is committed early for the screen's sake.
  const live = new LiveMarkdown({ write: (s) => (out += s), screen: { columns: o.columns, rows: Number.MAX_SAFE_INTEGER }, frame: o.frame });
  // Without its renderer the answer is still shown, as it came (as `run` does).
  const render = await loadRenderer(o.color).catch(() => undefined);
  if (render) live.ready(render);
  live.write(markdown);
  live.finish();
  return out;
}
