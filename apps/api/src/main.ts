import { Logger } from '@nestjs/common';
import { loadConfig } from './config/app.config.js';
import { closeOnSignals, createApp } from './app.factory.js';
import { assertWritableDataDir } from './operations/data-dir.check.js';
import { guardLogSinks } from './operations/log-sink.guard.js';

async function main(): Promise<void> {
  guardLogSinks();
  const config = loadConfig();
  assertWritableDataDir(config.dataDir);
  const { app, store, devIdpsReady } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  await devIdpsReady?.();
  const url = await app.getUrl();
  new Logger('liaison').log({ msg: 'listening', url, store: config.eventStore, dataDir: config.dataDir });
  // A plain line too, so a person starting it sees where to go.
  const shown = url.replace('[::1]', 'localhost');
  process.stdout.write(`\nLiaison is running: ${shown}/  (API docs: ${shown}/docs)\n\n`);
  closeOnSignals({ app, store });
}

main().catch((error: unknown) => {
  // Start-up errors are configuration problems: show the message, not a stack.
  process.stderr.write(`Liaison failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
