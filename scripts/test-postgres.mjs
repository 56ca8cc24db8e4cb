// A throwaway PostgreSQL for the server's integration tests: initdb in a temp dir (as the
// `postgres` user when run as root), listening on 127.0.0.1 at a free port with its socket in
// the temp dir. startTestPostgres() returns { url, stop } or null when no PostgreSQL is installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pgBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres() {
  const bin = pgBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'shotlist-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const as = (cmd, args) =>
    asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const data = join(dir, 'data');
  const init = as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = as(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// `node scripts/test-postgres.mjs` starts one and prints its URL, for running the server's tests by hand.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const pg = await startTestPostgres();
  if (!pg) {
    console.error('no PostgreSQL installed under /usr/lib/postgresql');
    process.exit(1);
  }
  console.log(`SHOTLIST_TEST_DATABASE_URL=${pg.url}`);
  console.log('stop it with Ctrl-C');
  process.on('SIGINT', () => {
    pg.stop();
    process.exit(0);
  });
  setInterval(() => {}, 1 << 30);
}
