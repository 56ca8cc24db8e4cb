/**
 * A gated server in its own process with the in-process fake provider, for tests that need
 * several processes or kill -9. Settings come from the environment; prints "listening on URL".
 */
import { startGatedServer } from '../../../../src/server/start';
import { FakeProvider } from './fake-provider';

const server = await startGatedServer({ env: process.env, provider: new FakeProvider(), sweeper: false });
process.stdout.write(`listening on ${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
