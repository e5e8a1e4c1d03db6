import { describe, expect, it } from '@jest/globals';
import { canSee, type AccessLevel } from './access-policy.js';

type Grant = { country: string; level: AccessLevel };
const owner = (country: string): Grant => ({ country, level: 'owner' });
const read = (country: string): Grant => ({ country, level: 'read' });
const contribute = (country: string): Grant => ({ country, level: 'contribute' });

describe('canSee', () => {
  it.each<[string, Grant[], string, boolean]>([
    ['owner sees its own case', [owner('SE')], 'SE', true],
    ['another country does not see an unshared case', [owner('SE')], 'DK', false],
    ['read partner sees', [owner('SE'), read('DK')], 'DK', true],
    ['contribute partner sees', [owner('SE'), contribute('DK')], 'DK', true],
    ['a third country does not see a case shared with someone else', [owner('SE'), read('DK')], 'NO', false],
    ['no grants at all: nobody sees', [], 'SE', false],
    ['country codes are case-sensitive', [owner('SE')], 'se', false],
    ['owner still sees after sharing with others', [owner('DK'), read('NO'), contribute('SE')], 'DK', true],
  ])('%s', (_, grants, country, expected) => {
    expect(canSee(grants, { country })).toBe(expected);
  });
});
