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

  it('names the case by its title, and says what a search did', () => {
    const entry = { officer, query: 'caseDetail', route: 'GET /api/v1/cases/:caseId', resultCount: 1, caseIds: ['c-1'], caseTitles: { 'c-1': 'Operation Nordlys' } };
    expect(describeAccess(entry)).toBe('Danish officer dk-officer-1 read the case Operation Nordlys');
    expect(describeAccess({ ...entry, query: 'replayCase' })).toBe('Danish officer dk-officer-1 replayed the case Operation Nordlys from the event log');
    expect(describeAccess({ ...entry, query: 'search', resultCount: 3 })).toBe('Danish officer dk-officer-1 searched cases, people and handlers (3 hits)');
    expect(describeAccess({ ...entry, query: 'search', resultCount: 1, params: { q: 'Lillebror' } }))
      .toBe('Danish officer dk-officer-1 searched cases, people and handlers for “Lillebror” (1 hit)');
  });

  it('falls back to the route for a query it does not know', () => {
    expect(describeAccess({ officer, query: 'somethingNew', route: 'GET /api/v1/new', resultCount: null })).toBe('Danish officer dk-officer-1 called GET /api/v1/new');
  });
});
