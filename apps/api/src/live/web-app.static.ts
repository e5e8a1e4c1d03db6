import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the API or operations and must answer their own 404, never the SPA. */
const NOT_SPA = /^\/(api|docs|dev|health|ready)(\/|$)/;

/**
 * Finds the built dashboard (`apps/web/dist`): WEB_DIST_DIR, else walking up from this file, which
 * works both from the sources (apps/api/src/live) and from the build (dist/apps/api/src/live).
 */
export function findWebDist(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.WEB_DIST_DIR) return existsSync(path.join(env.WEB_DIST_DIR, 'index.html')) ? path.resolve(env.WEB_DIST_DIR) : undefined;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const candidate = path.join(dir, 'apps', 'web', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * Vite names everything under assets/ by content hash, so those files never change under their name:
 * cached for a year without revalidation. Everything else (index.html, which names the current
 * hashes) is revalidated on every load.
 */
export function cacheControlFor(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the dashboard at `/` with @fastify/static, plus an SPA fallback: an unknown GET that asks for
 * HTML and is not under /api, /docs, /dev, /health or /ready gets index.html, so deep links such as
 * /cases/<id> survive a reload. Everything else keeps the API's own 404. Public: the page holds no
 * data; every API call it makes carries the user's token.
 */
export function serveWebApp(app: NestFastifyApplication, root = findWebDist(), env: NodeJS.ProcessEnv = process.env): boolean {
  if (!root) return false;
  const indexHtml = readFileSync(path.join(root, 'index.html'));
  const production = env.NODE_ENV === 'production';
  app.useStaticAssets({
    root, prefix: '/', wildcard: false, index: ['index.html'], decorateReply: false,
    // .br/.gz written at build time (apps/web/scripts/precompress.mjs), chosen by Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    // Nest types this as a raw response (setHeader); @fastify/static 10 passes the Fastify reply (header).
    setHeaders: (res, filePath) => {
      const reply = res as unknown as { header?: (n: string, v: string) => unknown; setHeader?: (n: string, v: string) => unknown };
      const value = cacheControlFor(filePath);
      if (typeof reply.header === 'function') reply.header('cache-control', value);
      else reply.setHeader?.('cache-control', value);
    },
    // Source maps would publish the sources: development only.
    allowedPath: (pathName: string) => !(production && pathName.endsWith('.map')),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split('?')[0] ?? '/';
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (NOT_SPA.test(url) || !wantsHtml || path.extname(url) !== '') return reply.callNotFound();
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  });
  return true;
}
