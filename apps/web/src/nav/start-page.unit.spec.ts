import { describe, expect, it } from '@jest/globals';
import { landingPath, readStartPage, saveStartPage, START_PAGE_KEY } from './start-page';

function memoryStore() {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('start page', () => {
  it('is the overview unless the deadlines board was chosen; only the page name is stored, the default as no key', () => {
    const store = memoryStore();
    expect(readStartPage(store)).toBe('overview');
    saveStartPage(store, 'deadlines');
    expect([...store.m.entries()]).toEqual([[START_PAGE_KEY, 'deadlines']]);
    expect(readStartPage(store)).toBe('deadlines');
    saveStartPage(store, 'overview');
    expect(store.m.size).toBe(0);
    store.m.set(START_PAGE_KEY, 'somewhere-else');
    expect(readStartPage(store)).toBe('overview');
  });

  it('survives storage that is missing or refuses', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(readStartPage(undefined)).toBe('overview');
    expect(readStartPage(broken)).toBe('overview');
    expect(() => saveStartPage(broken, 'deadlines')).not.toThrow();
  });

  it('sends a bare / to the board when chosen and readable, and leaves every other address alone', () => {
    expect(landingPath('/', 'deadlines', true)).toBe('/deadlines');
    expect(landingPath('/', 'overview', true)).toBe('/');
    expect(landingPath('/', 'deadlines', false)).toBe('/');
    expect(landingPath('/cases', 'deadlines', true)).toBe('/cases');
    expect(landingPath('/?x=1', 'deadlines', true)).toBe('/?x=1');
  });
});
