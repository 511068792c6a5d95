/**
 * Opening the verification page in the user's browser, only where there is one to open: never in
 * CI, never on a Linux box without a display (an SSH session), never when nobody watches stderr.
 */

export interface BrowserPlace {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  stderrIsTTY: boolean;
}

export function hasBrowser(p: BrowserPlace): boolean {
  if (p.env.CI || !p.stderrIsTTY) return false;
  if (p.platform === 'darwin' || p.platform === 'win32') return true;
  return Boolean(p.env.DISPLAY || p.env.WAYLAND_DISPLAY);
}

/** Starts the platform's opener and does not wait for it; resolves false when it could not start. */
export async function openBrowser(url: string, platform: NodeJS.Platform): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  const cmd = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  return new Promise((resolve) => {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
