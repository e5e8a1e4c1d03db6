// Child process for the crash spec: runs the projection runner over an existing store until killed.
// Usage: node --import tsx crash-child.ts <store file> <read-model dir> <page size>
import { SqliteEventStore } from '@liaison/event-store';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { ALL_PROJECTIONS } from '../read-models/all-projections.js';

const [storeFile, dir, pageSize] = process.argv.slice(2);
const store = SqliteEventStore.open(storeFile);
const runner = new ProjectionRunner({ store, dir, projections: ALL_PROJECTIONS, pageSize: Number(pageSize) || 500 });
runner.start();
process.stdout.write('started\n');
setInterval(() => undefined, 60_000);
