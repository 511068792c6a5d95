import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { stopAllProcesses } from './procs.js';

// Like llm's autouse fixture: every test file gets its own TOKENCLI_HOME, never the user's.
const home = mkdtempSync(join(tmpdir(), 'tokencli-test-'));
vi.stubEnv('TOKENCLI_HOME', home);

afterAll(async () => {
  await stopAllProcesses();
  rmSync(home, { recursive: true, force: true });
});
