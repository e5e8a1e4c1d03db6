import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { snapshotFolderOf } from './snapshots/snapshot-settings.js';
import type { SnapshotFolder } from './snapshots/snapshot-folder.js';
import { ProjectionsHost } from '../runtime/projections-host.js';
import { runAuditJob, type AuditJob, type AuditJobOf, type AuditResults } from './audit-jobs.js';

/**
 * Runs an audit answer computed from the log: on the audit thread where the runtime has one (ADR 10),
 * else on this thread. Either way through runAuditJob, so both places give the same answer.
 */
@Injectable()
export class AuditRunner {
  private readonly snapshots: SnapshotFolder | undefined;

  constructor(
    @Inject(ProjectionsHost) private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.snapshots = snapshotFolderOf(config);
  }

  run<K extends AuditJob['kind']>(job: AuditJobOf<K>): Promise<AuditResults[K]> {
    const thread = this.host.runner.audit?.bind(this.host.runner);
    return (thread ? thread(job) : runAuditJob(this.store, job, this.snapshots)) as Promise<AuditResults[K]>;
  }
}
