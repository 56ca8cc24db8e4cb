import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, resolveInside } from '../../../src/main/protocol';
import { STUDIO_CSP } from '../../../src/main/window/csp';

let root: string;
let renderer: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'shotlist-protocol-'));
  renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside');
  await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.js'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolving app:// paths', () => {
  it('maps paths inside the renderer directory, "/" to index.html', () => {
    expect(resolveInside('/r', '/')).toBe('/r/index.html');
    expect(resolveInside('/r', '/assets/app.js')).toBe('/r/assets/app.js');
    expect(resolveInside('/r', '/assets/./app.js')).toBe('/r/assets/app.js');
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/..%2fsecret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/assets/..%5c..%5csecret.txt'],
    ['/%2fetc%2fpasswd/..'],
    ['/index.html%00.js'],
    ['/%E0%A4%A'],
  ])('refuses %s', (path) => {
    expect(resolveInside('/r', path)).toBeNull();
  });
});

describe('the app:// handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(renderer)({ url, method });

  it('serves the renderer with the CSP and the right content type', async () => {
    const response = await get('app://studio/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(STUDIO_CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>studio</title>');
    expect((await get('app://studio/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, symlinks out of the directory, other hosts and writes', async () => {
    expect((await get('app://studio/..%2fsecret.txt')).status).toBe(403);
    const viaLink = await get('app://studio/assets/link.js');
    expect(viaLink.status).toBe(404);
    expect(await viaLink.text()).not.toContain('outside');
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://studio/index.html', 'POST')).status).toBe(405);
    expect((await get('app://studio/missing.js')).status).toBe(404);
  });

  it('registers app:// as a standard, secure scheme', () => {
    let registered: unknown;
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => (registered = schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
  });
});
