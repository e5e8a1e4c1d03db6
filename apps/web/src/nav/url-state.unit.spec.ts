import { describe, expect, it } from '@jest/globals';
import { pageStack, readParams, returnTo, withParams } from './url-state';

describe('URL state', () => {
  const defaults = { q: '', status: '', page: '' };

  it('reads known parameters over their defaults and ignores the rest', () => {
    expect(readParams('?q=Nordlys&status=open&x=1', defaults)).toEqual({ q: 'Nordlys', status: 'open', page: '' });
    expect(readParams('', defaults)).toEqual(defaults);
  });

  it('writes only non-default values, encoded, and round-trips', () => {
    const href = withParams('/cases', { q: 'a b&c', status: '', page: pageStack.format(['c1', 'c2']) }, defaults);
    expect(href).toBe('/cases?q=a+b%26c&page=c1%7Ec2');
    const back = readParams(href.slice(href.indexOf('?')), defaults);
    expect(back.q).toBe('a b&c');
    expect(pageStack.parse(back.page)).toEqual(['c1', 'c2']);
    expect(withParams('/cases', defaults, defaults)).toBe('/cases');
  });

  it('returns to the requested address after sign-in, never to the sign-in page or off-site', () => {
    expect(returnTo('/cases/0d9f?x=1')).toBe('/cases/0d9f?x=1');
    expect(returnTo('/sign-in')).toBe('/');
    expect(returnTo('//evil.example/')).toBe('/');
  });
});
