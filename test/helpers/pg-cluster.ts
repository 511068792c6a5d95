/**
 * Vitest globalSetup of the `postgres` project: one throwaway PostgreSQL cluster per test run
 * (scripts/pg-cluster.mjs), removed at the end. Each test file then makes its own databases in it
 * (test/helpers/pg.ts).
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide('pgAdminUrl', cluster.url);
  return cluster.stop;
}
