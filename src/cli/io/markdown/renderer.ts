/** The markdown renderer answers are shown with on a terminal (markdansi), loaded only when one is shown: it costs tens of milliseconds. */
import type { Render } from './live.js';

export async function loadRenderer(color: boolean): Promise<Render> {
  const { render } = await import('markdansi');
  return (markdown, width) => render(markdown, { width, color, hyperlinks: false });
}
