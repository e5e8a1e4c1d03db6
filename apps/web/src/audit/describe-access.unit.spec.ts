import { describe, expect, it } from '@jest/globals';
import { describeAccess } from './describe-access';

const officer = { subject: 'dk-officer-1', country: 'DK', issuer: 'https://idp.dk.example' };

describe('access log in plain language', () => {
  it('says who did what from the catalogued query, not the route', () => {
    expect(describeAccess({ officer, query: 'caseDetail', route: 'GET /api/v1/cases/:caseId', resultCount: 1 })).toBe('Danish officer dk-officer-1 read a case');
    expect(describeAccess({ officer, query: 'listCases', route: 'GET /api/v1/cases', resultCount: 1 })).toBe('Danish officer dk-officer-1 listed cases (1 case shown)');
    expect(describeAccess({ officer: { ...officer, country: 'SE', subject: 'se-sup' }, query: 'accessLog', route: 'GET /api/v1/audit/access', resultCount: 25 }))
      .toBe('Swedish officer se-sup read the access log (25 entries)');
  });

  it('falls back to the route for a query it does not know', () => {
    expect(describeAccess({ officer, query: 'somethingNew', route: 'GET /api/v1/new', resultCount: null })).toBe('Danish officer dk-officer-1 called GET /api/v1/new');
  });
});
