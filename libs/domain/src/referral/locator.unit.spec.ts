import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/domain-error.js';
import { isSha256Hex, normaliseLocator, referralIdFor } from './locator.js';

const SHA = 'AB12cd34ef56ab78cd90ef12ab34cd56ef78ab90cd12ef34ab56cd78ef90ab12';

describe('normaliseLocator: links to the same content collide', () => {
  it.each([
    ['TikTok from the app, desktop and mobile web', [
      'https://www.tiktok.com/@gang.recruiter/video/7391234567890123456?is_from_webapp=1&sender_device=pc',
      'https://m.tiktok.com/@gang.recruiter/video/7391234567890123456/',
      '  HTTPS://WWW.TIKTOK.COM/@gang.recruiter/video/7391234567890123456?_r=1&_t=8oXyz#comments  ',
      'http://tiktok.com/@gang.recruiter/video/7391234567890123456',
      'tiktok.com/@gang.recruiter/video/7391234567890123456',
    ], 'https://tiktok.com/@gang.recruiter/video/7391234567890123456'],
    ['YouTube short link, mobile and watch URL', [
      'https://youtu.be/dQw4w9WgXcQ?si=AbCdEf123',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ/',
    ], 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['Instagram with share and utm tails', [
      'https://www.instagram.com/p/C9xYzAbCdEf/?igshid=MzRlODBiNWFlZA==',
      'https://instagram.com/p/C9xYzAbCdEf?utm_source=ig_web_copy_link&UTM_Medium=x',
      'https://mobile.instagram.com/p/C9xYzAbCdEf',
    ], 'https://instagram.com/p/C9xYzAbCdEf'],
    ['Facebook with click ids', [
      'https://www.facebook.com/groups/123/posts/456/?fbclid=IwAR0abc&ref=share',
      'https://facebook.com/groups/123/posts/456?gclid=xyz',
    ], 'https://facebook.com/groups/123/posts/456'],
    ['query parameters in any order', [
      'https://example.org/view?b=2&a=1',
      'https://example.org/view?a=1&b=2&utm_campaign=x',
    ], 'https://example.org/view?a=1&b=2'],
    ['a site root with or without its slash', ['https://t.me/', 'http://www.t.me', 'https://T.ME'], 'https://t.me'],
    ['platform ids by case and spacing', ['  @Gang_Recruiter ', '@gang_recruiter'], '@gang_recruiter'],
  ])('%s', (_, locators, canonical) => {
    for (const locator of locators) expect(normaliseLocator(locator)).toBe(canonical);
  });

  it('trims a numeric platform id', () => {
    expect(normaliseLocator(' 7391234567890123456\n')).toBe('7391234567890123456');
  });

  it('keeps a YouTube start time, as a sorted parameter', () => {
    expect(normaliseLocator('https://youtu.be/dQw4w9WgXcQ?t=42&si=x')).toBe('https://youtube.com/watch?t=42&v=dQw4w9WgXcQ');
  });
});

describe('normaliseLocator: different content stays apart', () => {
  it.each([
    ['paths differ by case (video ids are case-sensitive)', 'https://youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtube.com/watch?v=DQW4W9WGXCQ'],
    ['a short link is not expanded nor stripped to the main host', 'https://vm.tiktok.com/ZMhAbC123/', 'https://tiktok.com/ZMhAbC123'],
    ['a content parameter is kept', 'https://example.org/view?id=1', 'https://example.org/view?id=2'],
    ['different videos of one account', 'https://www.tiktok.com/@a/video/1', 'https://www.tiktok.com/@a/video/2'],
    ['a subdomain that is not an edition prefix', 'https://music.youtube.com/watch?v=abc', 'https://youtube.com/watch?v=abc'],
    ['a handle and a URL', '@gang_recruiter', 'https://tiktok.com/@gang_recruiter'],
    ['a parameter with another value', 'https://example.org/?a=1&a=2', 'https://example.org/?a=1'],
  ])('%s', (_, a, b) => {
    expect(normaliseLocator(a)).not.toBe(normaliseLocator(b));
  });

  it('leaves a vm. short link as it is apart from the generic rules', () => {
    expect(normaliseLocator('https://VM.tiktok.com/ZMhAbC123/?_r=1')).toBe('https://vm.tiktok.com/ZMhAbC123');
  });

  it('treats a dotted name without a path as a handle, not a host', () => {
    expect(normaliseLocator('John.Doe')).toBe('john.doe');
  });

  it('treats an unparseable http string as an id instead of throwing', () => {
    expect(normaliseLocator(' HTTP://  ')).toBe('http://');
  });
});

describe('isSha256Hex', () => {
  it('accepts 64 hex digits of either case and nothing else', () => {
    expect(isSha256Hex(SHA)).toBe(true);
    expect(isSha256Hex(SHA.toLowerCase())).toBe(true);
    expect(isSha256Hex(SHA.slice(1))).toBe(false);
    expect(isSha256Hex(`${SHA.slice(1)}g`)).toBe(false);
    expect(isSha256Hex(42)).toBe(false);
  });
});

describe('referralIdFor', () => {
  it('shapes the first 32 hex digits as a lowercase version 8 UUID (version and variant digits set)', () => {
    expect(referralIdFor(SHA)).toBe('ab12cd34-ef56-8b78-8d90-ef12ab34cd56');
    expect(referralIdFor('f'.repeat(64))).toBe('ffffffff-ffff-8fff-bfff-ffffffffffff');
    expect(referralIdFor(SHA)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same id for the same digest in either case', () => {
    expect(referralIdFor(SHA.toUpperCase())).toBe(referralIdFor(SHA.toLowerCase()));
  });

  it('refuses a value that is not a digest', () => {
    expect(() => referralIdFor('not-a-hash')).toThrow(DomainError);
  });
});
