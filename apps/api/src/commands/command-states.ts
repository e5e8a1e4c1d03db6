import { Counter, Gauge } from 'prom-client';
import { StateCache } from '@liaison/event-store';
import { integerSetting } from '../config/integer-setting.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../operations/service-metrics.js';

/**
 * Folded aggregate states by stream, shared by the command path (ExecuteCommandHandler) and the case-link
 * check (CaseLinks): a referral naming a long case reads only what the case got since it was last folded,
 * not its whole stream (a case of 2,000 detentions folds ~4,500 events, ~15–30 ms; ADR 26). Stream ids
 * carry the aggregate's prefix, so aggregates never collide. Sound for any reader: an entry is the fold of
 * its stream up to its revision, and readState folds what came after (see StateCache).
 */
export const COMMAND_STATES = Symbol('COMMAND_STATES');

/** Streams held at most, whatever their length. */
export const STATE_CACHE_STREAMS = 10_000;
/** STATE_CACHE_EVENTS' default: events folded into the held states (~0.7 KiB of heap each, so ~340 MiB at most; ADR 33). */
export const DEFAULT_STATE_CACHE_EVENTS = 500_000;

/** STATE_CACHE_EVENTS bounds the cache's memory (0: only the stream written last stays, every other command folds its stream). */
export function stateCacheEvents(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'STATE_CACHE_EVENTS', DEFAULT_STATE_CACHE_EVENTS, 0, 100_000_000);
}

/**
 * The cache, with what it holds on /metrics: an operator sizing STATE_CACHE_EVENTS sees how full it runs,
 * and from the misses whether it is too small. Once the cases being written hold more events than the
 * bound, commands miss and re-fold their case (~8 µs per event): under a round robin over more cases
 * than fit, every one (ADR 34).
 */
export function commandStates(metrics?: ServiceMetrics, env: NodeJS.ProcessEnv = process.env): StateCache<unknown> {
  const cache = new StateCache<unknown>(STATE_CACHE_STREAMS, stateCacheEvents(env));
  if (metrics) {
    new Gauge({ name: 'liaison_command_state_cache_streams', help: 'Folded aggregate states held for commands', registers: [metrics.registry], collect() { this.set(cache.size); } });
    new Gauge({ name: 'liaison_command_state_cache_events', help: 'Events folded into the held states (bounded by STATE_CACHE_EVENTS)', registers: [metrics.registry], collect() { this.set(cache.events); } });
    new Counter({
      name: 'liaison_command_state_cache_lookups_total', help: 'Lookups of a folded state: hit (decided from memory) or miss (the stream read and folded again)',
      labelNames: ['outcome'], registers: [metrics.registry],
      collect() {
        this.reset();
        this.inc({ outcome: 'hit' }, cache.hits);
        this.inc({ outcome: 'miss' }, cache.misses);
      },
    });
  }
  return cache;
}

export const commandStatesProvider = {
  provide: COMMAND_STATES,
  inject: [{ token: SERVICE_METRICS, optional: true }],
  useFactory: (metrics?: ServiceMetrics) => commandStates(metrics),
};
