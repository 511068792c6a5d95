/**
 * Completion scripts: generated from the command tree (stale = failing), printed by
 * `tokencli completion`, and asked for completions in the real shells. Dynamic values (profiles,
 * plans, models) come from local files only.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tokencli } from '../helpers/cli.js';
import { BIN, ROOT, tempDir } from '../helpers/procs.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const file = (name: string) => join(ROOT, 'completions', name);

let home: string;
let env: Record<string, string>;
beforeAll(() => {
  home = tempDir('tokencli-completion-');
  const bin = join(home, 'bin');
  mkdirSync(join(home, 'cache'), { recursive: true });
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'tokencli'));
  writeFileSync(join(home, 'config.json'), JSON.stringify({ current_profile: 'work', profiles: { work: { provider: 'tokenplan', api_url: 'http://127.0.0.1:8787' }, home: { provider: 'tokenplan', api_url: 'http://127.0.0.1:8787' } } }));
  writeFileSync(
    join(home, 'cache', 'models.json'),
    JSON.stringify({ providers: { 'http://127.0.0.1:8787': { fetched_at: 'x', models: [{ id: 'demo-mini' }, { id: 'demo-pro' }], plans: [{ id: 'starter' }, { id: 'basic' }] } } }),
  );
  env = { PATH: `${bin}:${process.env.PATH}`, HOME: home, TOKENCLI_HOME: home };
});

describe('generated scripts', () => {
  test('completions/ matches the command tree (run `npm run completions` to fix)', async () => {
    // @ts-expect-error: a plain .mjs script shared with `npm run completions`
    const { completionFiles } = await import('../../scripts/reference.mjs');
    for (const [name, text] of Object.entries(completionFiles() as Record<string, string>)) expect(readFileSync(file(name), 'utf8'), name).toBe(text);
  });

  test('`tokencli completion SHELL` prints the committed script', async () => {
    for (const [shell, name] of [['bash', 'tokencli.bash'], ['zsh', '_tokencli'], ['fish', 'tokencli.fish']]) {
      const r = await tokencli(['completion', shell!]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(file(name!), 'utf8'));
    }
    expect((await tokencli(['completion', 'tcsh'])).code).toBe(2);
  });

  test('__complete reads local files only', async () => {
    expect((await tokencli(['__complete', 'plans'], { home })).stdout).toBe('starter\nbasic\n');
    expect((await tokencli(['__complete', 'models'], { home })).stdout).toBe('demo-mini\ndemo-pro\n');
    expect((await tokencli(['__complete', 'profiles'], { home })).stdout).toBe('work\nhome\n');
  });
});

const CASES: [string, string[]][] = [
  ['tokencli pl', ['plan', 'plans']],
  ['tokencli plan ', ['cancel', 'purchase', 'renew', 'subscribe', 'upgrade']],
  ['tokencli plan purchase ', ['basic', 'starter']],
  ['tokencli run -m demo-', ['demo-mini', 'demo-pro']],
  ['tokencli --profile ', ['home', 'work']],
  ['tokencli budget set --period ', ['day', 'month', 'week']],
  ['tokencli usage --by m', ['model', 'month']],
  ['tokencli run --max', ['--max-tokens']],
  ['tokencli --json bal', ['balance']],
];

describe('in real shells', () => {
  test('bash (complete -F, then the function asked as readline would)', () => {
    const script = [
      `source ${file('tokencli.bash')}`,
      'complete -p tokencli',
      ...CASES.map(([line]) => {
        const words = line.split(' ');
        return `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _tokencli; printf '%s\\n' "$(printf '%s\\n' "\${COMPREPLY[@]}" | sort | tr '\\n' ' ')"`;
      }),
    ].join('\n');
    const out = execFileSync('bash', ['-c', script], { env }).toString().split('\n');
    expect(out[0]).toBe('complete -F _tokencli tokencli');
    CASES.forEach(([line, want], i) => expect(out[i + 1]!.trim().split(' '), line).toEqual(want));
  });

  test.skipIf(!has('fish'))('fish (complete -C)', () => {
    for (const [line, want] of CASES) {
      const out = execFileSync('fish', ['-c', `source ${file('tokencli.fish')}; complete -C ${JSON.stringify(line)}`], { env }).toString();
      const got = out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!).sort();
      expect(got, line).toEqual(want);
    }
  });

  test.skipIf(!has('zsh'))('zsh (compinit with the script on $fpath, Tab on a pseudo-terminal)', async () => {
    const fpath = join(home, 'fpath');
    mkdirSync(fpath, { recursive: true });
    writeFileSync(join(fpath, '_tokencli'), readFileSync(file('_tokencli')));
    writeFileSync(join(home, '.zshrc'), `fpath=(${fpath} $fpath)\nautoload -U compinit && compinit -u -D\nPS1='%% '\n`);
    const cases = CASES.filter(([, want]) => want.length > 1);
    const screens = await tabInZsh(cases.map(([line]) => line), { ...env, ZDOTDIR: home });
    cases.forEach(([line, want], i) => {
      for (const w of want) expect(screens[i], `${line} → ${w}: ${JSON.stringify(screens[i])}`).toMatch(new RegExp(`(^|\\s)${w}(\\s|$)`, 'm'));
    });
  });
});

/**
 * Types a line and two Tabs into a fresh interactive zsh on a pseudo-terminal (one shell per line,
 * so no menu state carries over), and returns what the screen showed.
 */
async function tabInZsh(lines: string[], zenv: Record<string, string>): Promise<string[]> {
  return Promise.all(lines.map((line) => tabInOneZsh(line, zenv)));
}

async function tabInOneZsh(line: string, zenv: Record<string, string>): Promise<string> {
  const child = spawn('script', ['-qfec', 'zsh -i', '/dev/null'], { env: { ...zenv, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const clean = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  for (let i = 0; i < 250 && !out.includes('% '); i++) await wait(20);
  const from = out.length;
  // The first Tab inserts what all matches share; the second lists them below the line.
  child.stdin!.write(`${line}\t`);
  await wait(500);
  child.stdin!.write('\t');
  for (let i = 0; i < 200 && clean(out.slice(from)).split('\n').length < 3; i++) await wait(20);
  await wait(200);
  const screen = clean(out.slice(from));
  child.kill('SIGKILL');
  return screen;
}
