/**
 * Vitest globalSetup of the `postgres` project: one throwaway PostgreSQL cluster per test run.
 * initdb refuses to run as root, so as root (CI) the cluster belongs to the `postgres` system user
 * that Debian's package creates; it lives in a temporary directory, listens on a free loopback port
 * with fsync off (nothing here needs to survive a power cut), and is removed at the end. Each test
 * file then makes its own databases in it (test/helpers/pg.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** The newest server version installed by Debian's postgresql package. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error('PostgreSQL is not installed: `bash scripts/ensure-postgres.sh` (run by `npm test`) installs Debian\'s postgresql package');
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/** Spawn options that run a program as the cluster's owner: the `postgres` user when we are root, else ourselves. */
function asOwner(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  return { uid: id('-u'), gid: id('-g') };
}

async function waitUntilAnswering(url: string, server: ChildProcess, log: () => string): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      // Starting up: the postmaster refuses connections until recovery is done (a few hundred ms).
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'tokencli-pgcluster-'));
  const owner = asOwner();
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
  const data = join(dir, 'data');
  const initArgs = ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'];
  const init = spawnSync(join(bin, 'initdb'), initArgs, { encoding: 'utf8', cwd: dir, ...owner });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const serverArgs = [
    '-D', data, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    // Every in-process server and replica of the run has a pool of its own.
    '-c', 'max_connections=400', '-c', 'shared_buffers=32MB',
  ];
  let log = '';
  const server = spawn(join(bin, 'postgres'), serverArgs, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...owner });
  server.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilAnswering(url, server, () => log);
  project.provide('pgAdminUrl', url);
  return async () => {
    // SIGINT is PostgreSQL's fast shutdown: disconnect everyone and stop.
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGINT');
    });
    rmSync(dir, { recursive: true, force: true });
  };
}
