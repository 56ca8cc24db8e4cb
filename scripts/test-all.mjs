#!/usr/bin/env node
// Runs every suite (unit + integration under vitest, end-to-end under Playwright) and ends
// with one line that totals them: "N passed, N failed".
//
// The keychain tests need a Secret Service. Where none is running but gnome-keyring is
// installed, this re-runs itself inside a private D-Bus session with an unlocked keyring
// and a temporary XDG_DATA_HOME, so no real keyring of the person running it is touched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (!process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.SHOTLIST_NO_KEYRING && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const dataHome = mkdtempSync(join(tmpdir(), 'shotlist-keyring-'));
  const inner = `echo -n shotlist-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node scripts/test-all.mjs ${process.argv.slice(2).join(' ')}`;
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: dataHome, SHOTLIST_KEYRING_SESSION: '1' },
  });
  process.exit(r.status ?? 1);
}

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

const build = run('build', 'npx', ['electron-vite', 'build']);
if (build !== 0) {
  console.log('build failed');
  broken = true;
}

// electron-vite strips types without checking them: strict TypeScript is checked here.
const typecheck = run('typecheck', 'npx', ['tsc', '-b', 'tsconfig.json']);
if (typecheck !== 0) {
  console.log('typecheck failed');
  broken = true;
}

// The gated server's tests run on PostgreSQL too: start a throwaway one unless one is given.
let testPostgres = null;
if (!process.env.SHOTLIST_TEST_DATABASE_URL) {
  const { startTestPostgres } = await import('./test-postgres.mjs');
  try {
    testPostgres = await startTestPostgres();
  } catch (err) {
    console.log(`PostgreSQL for the server tests did not start: ${err.message}`);
  }
  if (testPostgres) process.env.SHOTLIST_TEST_DATABASE_URL = testPostgres.url;
}

const vitestReport = 'test-results/vitest-report.json';
const unitStatus = run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
testPostgres?.stop();
if (existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += (r.numFailedTests ?? 0);
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even though no test in it ran.
  if (unitStatus !== 0 && (r.numFailedTests ?? 0) === 0) totals.failed += Math.max(1, r.numFailedTestSuites ?? 0);
} else {
  broken = true;
}

const e2eReport = 'test-results/e2e-report.json';
const e2eStatus = run('end to end (Chromium)', 'npx', ['playwright', 'test']);
if (existsSync(e2eReport)) {
  const s = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
  if (e2eStatus !== 0 && (s.unexpected ?? 0) === 0) totals.failed += 1;
} else {
  broken = true;
}

if (broken) totals.failed += 1;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
