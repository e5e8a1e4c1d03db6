import type { NestFastifyApplication } from '@nestjs/platform-fastify';

// The dashboard is built to external files only, so scripts need nothing but 'self'. Chart.js sets
// canvas sizes through style attributes, hence 'unsafe-inline' for styles alone. The dashboard talks to
// the identity providers it signs in with (discovery, token endpoint): their origins join connect-src.
function csp(idpOrigins: readonly string[]): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    ['connect-src', "'self'", ...idpOrigins].join(' '), "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
  ].join('; ');
}

/**
 * Headers every answer carries. API answers hold case data about people: no browser or proxy may keep
 * a copy (`no-store`). Swagger UI at /docs ships inline scripts, so it keeps the framing and sniffing
 * protections but not the script policy.
 */
export function addSecurityHeaders(app: NestFastifyApplication, idpOrigins: () => readonly string[] = () => []): void {
  // The policy text is built again only when the origins' list is a new one (idpOrigins keeps it while unchanged).
  let policy: { origins: readonly string[]; header: string } | undefined;
  const currentPolicy = (): string => {
    const origins = idpOrigins();
    if (policy?.origins !== origins) policy = { origins, header: csp(origins) };
    return policy.header;
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY');
      const url = request.url;
      if (url.startsWith('/api/') || url.startsWith('/dev/')) void reply.header('cache-control', 'no-store');
      if (!url.startsWith('/docs')) void reply.header('content-security-policy', currentPolicy());
      done(null, payload);
    });
}
