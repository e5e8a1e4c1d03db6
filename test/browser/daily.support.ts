/**
 * Shared set-up of the "daily work" browser specs (issue 19): the built service with the seed story,
 * one persistent Chromium context (tabs share the browser, as an officer's tabs do), and helpers to
 * sign in, state a purpose and read focus and title.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pw from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { runSeedStory } from '../../apps/api/src/demo/seed-story.scenario.js';
import type { SeedStoryResult } from '../../apps/api/src/demo/seed-story.scenario.js';
import { browserHelpers } from './platforms.support.js';
import { ROOT, startService } from './service.harness.js';
import { signInThroughIdp } from './sign-in.support.js';
import type { RunningService } from './service.harness.js';

export const SLOW = 120_000;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Daily {
  service: RunningService;
  story: SeedStoryResult;
  context: BrowserContext;
}

/** Registers beforeAll/afterAll; the returned getter is valid inside tests. */
export function dailySetup(env: Record<string, string> = {}, browser: { timezoneId?: string } = {}): () => Daily {
  let d: Daily | undefined;
  let profileDir = '';
  beforeAll(async () => {
    await mkdir(path.join(ROOT, 'test/artifacts'), { recursive: true });
    const service = await startService(env);
    const story = await runSeedStory({ baseUrl: service.url, token: (country, role, sub) => mintDevToken({ country, role, sub, dataDir: service.dataDir }) });
    // Everything the story wrote is visible before the first page loads.
    const t = await mintDevToken({ country: 'SE', role: 'officer', sub: 'e2e-wait', dataDir: service.dataDir });
    await fetch(`${service.url}/api/v1/detentions/counts?minPosition=${story.position}`, { headers: { authorization: `Bearer ${t}` } });
    profileDir = await mkdtemp(path.join(tmpdir(), 'liaison-chromium-'));
    const context = await pw.chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...browser });
    d = { service, story, context };
  }, SLOW);
  afterAll(async () => {
    await d?.context.close();
    await d?.service.stop();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });
  return () => {
    if (!d) throw new Error('dailySetup: not started');
    return d;
  };
}

export function dailyHelpers(get: () => Daily) {
  const base = browserHelpers(() => get().context, () => get().service.url);
  /** Signs in as a dev identity from the sign-in page the tab shows now (whatever address it is at), through its IdP. */
  const signInHere = signInThroughIdp;
  /** The focused element's tag and text, and the document title. */
  const focusAndTitle = (page: Page) => page.evaluate<{ tag: string; text: string; title: string }>(
    `({ tag: document.activeElement?.tagName ?? '', text: (document.activeElement?.textContent ?? '').trim(), title: document.title })`);
  return { ...base, signInHere, focusAndTitle };
}

export interface Overflow { scrollWidth: number; clientWidth: number; culprits: string[] }

/** Page-level horizontal overflow, with the outermost elements that stick out (for the failure message). */
export const pageOverflow = (page: Page) => page.evaluate<Overflow>(`(() => {
  const root = document.documentElement;
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > root.clientWidth + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > root.clientWidth + 0.5)) {
      culprits.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' ' + Math.round(r.right));
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits.slice(0, 5) };
})()`);
