import { describe, expect, it } from '@jest/globals';
import { metricValue } from './servers.js';

describe('metricValue: one sample from /metrics text', () => {
  const text = [
    '# HELP liaison_command_state_cache_events Events folded',
    'liaison_command_state_cache_events_extra 7',
    'liaison_command_state_cache_events 4200',
    'liaison_command_state_cache_lookups_total{outcome="hit"} 12',
    'liaison_command_state_cache_lookups_total{outcome="miss"} 3',
  ].join('\n');

  it('given a name without labels, then its value, not that of a longer name it begins', () => {
    expect(metricValue(text, 'liaison_command_state_cache_events')).toBe(4200);
  });

  it('given a name with its labels as written, then that sample', () => {
    expect(metricValue(text, 'liaison_command_state_cache_lookups_total{outcome="miss"}')).toBe(3);
  });

  it('given a name that is not there, then NaN', () => {
    expect(metricValue(text, 'liaison_nodejs_heap_size_used_bytes')).toBeNaN();
  });
});
