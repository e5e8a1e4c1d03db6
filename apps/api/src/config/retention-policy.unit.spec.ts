import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETENTION_REVIEW_MONTHS, retentionPolicyFrom } from './retention-policy.js';

describe('retention policy settings', () => {
  it('defaults every category, overridden for all countries and per owner country', () => {
    expect(retentionPolicyFrom({})).toEqual({ defaults: DEFAULT_RETENTION_REVIEW_MONTHS, byCountry: {} });
    const policy = retentionPolicyFrom({ RETENTION_REVIEW_MONTHS: 'witness=6', RETENTION_REVIEW_MONTHS_DK: ' suspect=24 , victim=3', RETENTION_REVIEW_MONTHS_SE: '' });
    expect(policy.defaults).toEqual({ ...DEFAULT_RETENTION_REVIEW_MONTHS, witness: 6 });
    expect(policy.byCountry).toEqual({ DK: { suspect: 24, victim: 3 } });
  });

  it('refuses unknown categories, countries and out-of-range periods, naming the setting', () => {
    expect(() => retentionPolicyFrom({ RETENTION_REVIEW_MONTHS: 'informant=6' })).toThrow(/RETENTION_REVIEW_MONTHS: "informant=6"/);
    expect(() => retentionPolicyFrom({ RETENTION_REVIEW_MONTHS_SE: 'suspect=0' })).toThrow(/RETENTION_REVIEW_MONTHS_SE/);
    expect(() => retentionPolicyFrom({ RETENTION_REVIEW_MONTHS: 'suspect=121' })).toThrow(/1\.\.120/);
    expect(() => retentionPolicyFrom({ RETENTION_REVIEW_MONTHS_ZZ: 'suspect=12' })).toThrow(/ZZ is not/);
  });
});
