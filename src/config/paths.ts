/**
 * Every path the CLI touches comes from here. TOKENCLI_HOME overrides everything (tests use it);
 * otherwise the platform's config, data and cache directories.
 */
import envPaths from 'env-paths';
import { join } from 'node:path';

export interface Paths {
  configDir: string;
  dataDir: string;
  cacheDir: string;
  credentialsFile: string;
  ledgerFile: string;
  serverDataDir: string;
}

export function resolvePaths(env: Record<string, string | undefined>): Paths {
  const home = env.TOKENCLI_HOME;
  const dirs = home ? { config: home, data: home, cache: join(home, 'cache') } : envPaths('tokencli', { suffix: '' });
  return {
    configDir: dirs.config,
    dataDir: dirs.data,
    cacheDir: dirs.cache,
    credentialsFile: join(dirs.config, 'credentials.json'),
    ledgerFile: join(dirs.data, 'ledger.db'),
    serverDataDir: join(dirs.data, 'server'),
  };
}
