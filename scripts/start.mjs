#!/usr/bin/env node
// `npm start`: the studio with a local gated server. In Electron where its binary is
// installed; elsewhere it says so and runs the studio in the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronPath() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (electronPath()) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run('npx', ['tsx', 'scripts/start-electron.ts']);
} else {
  console.log(
    'Electron is not installed here (its binary was not downloaded, e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1), ' +
      'so the studio opens in the browser instead: running `npm run dev:browser`. ' +
      'Open the "Studio:" address below in Chromium.',
  );
  run('npm', ['run', '--silent', 'dev:browser']);
}
