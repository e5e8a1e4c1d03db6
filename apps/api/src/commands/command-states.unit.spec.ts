import { describe, expect, it } from '@jest/globals';
import { ServiceMetrics } from '../operations/service-metrics.js';
import { DEFAULT_STATE_CACHE_EVENTS, commandStates, stateCacheEvents } from './command-states.js';

describe('command state cache settings', () => {
  it('given no STATE_CACHE_EVENTS, then the default bound applies', () => {
    expect(stateCacheEvents({})).toBe(DEFAULT_STATE_CACHE_EVENTS);
  });

  it('given a value that is not a whole non-negative number, then start-up refuses it by name', () => {
    expect(() => stateCacheEvents({ STATE_CACHE_EVENTS: '-1' })).toThrow(/STATE_CACHE_EVENTS/);
    expect(() => stateCacheEvents({ STATE_CACHE_EVENTS: '1e3x' })).toThrow(/STATE_CACHE_EVENTS/);
  });

  it('given STATE_CACHE_EVENTS=50, when streams of 30 events are cached, then /metrics shows the bound held', async () => {
    const metrics = new ServiceMetrics();
    const cache = commandStates(metrics, { STATE_CACHE_EVENTS: '50' });
    cache.set('case-a', {}, 29n);
    cache.set('case-b', {}, 29n);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^liaison_command_state_cache_streams 1$/m);
    expect(text).toMatch(/^liaison_command_state_cache_events 30$/m);
  });

  it('given lookups that find a state and lookups that do not, then /metrics counts hits and misses', async () => {
    const metrics = new ServiceMetrics();
    const cache = commandStates(metrics, { STATE_CACHE_EVENTS: '50' });
    cache.get('case-a');
    cache.set('case-a', {}, 29n);
    cache.get('case-a');
    cache.get('case-a');
    cache.set('case-b', {}, 29n); // the bound pushes case-a out
    cache.get('case-a');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^liaison_command_state_cache_lookups_total\{outcome="hit"\} 2$/m);
    expect(text).toMatch(/^liaison_command_state_cache_lookups_total\{outcome="miss"\} 2$/m);
  });
});
