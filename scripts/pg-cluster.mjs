// A throwaway PostgreSQL cluster for the tests (test/helpers/pg-cluster.ts) and the scale-out
// benchmark (bench/scale-out.mjs): initdb in a temporary directory (as the `postgres` system user
// when we are root, since initdb refuses root), a free loopback port, fsync off (nothing here needs
// to survive a power cut), and everything removed by stop(). Debian's `postgresql` package provides
// the binaries; scripts/ensure-postgres.sh installs it.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest server version installed by Debian's postgresql package. */
function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error("PostgreSQL is not installed: `bash scripts/ensure-postgres.sh` (run by `npm test`) installs Debian's postgresql package");
  return join(root, newest, 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/** Spawn options that run a program as the cluster's owner: the `postgres` user when we are root, else ourselves. */
function asOwner() {
  if (userInfo().uid !== 0) return {};
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  return { uid: id('-u'), gid: id('-g') };
}

async function waitUntilAnswering(url, server, log) {
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

/** Starts a cluster; resolves to its superuser URL and a stop() that shuts it down and removes it. */
export async function startCluster({ maxConnections = 400 } = {}) {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'tokencli-pgcluster-'));
  const owner = asOwner();
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'], { encoding: 'utf8', cwd: dir, ...owner });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr}`);
  }
  const port = await freePort();
  const settings = { listen_addresses: '127.0.0.1', fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: String(maxConnections), shared_buffers: '32MB' };
  const args = ['-D', data, '-p', String(port), '-k', dir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  let log = '';
  const server = spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...owner });
  server.stderr.on('data', (d) => (log = (log + d.toString()).slice(-4000)));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilAnswering(url, server, () => log);
  const stop = async () => {
    // SIGINT is PostgreSQL's fast shutdown: disconnect everyone and stop.
    await new Promise((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGINT');
    });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** A new, empty database of the cluster at `adminUrl`; its URL. */
export async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}
