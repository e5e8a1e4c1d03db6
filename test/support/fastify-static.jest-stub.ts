// Jest (ESM on Node 20) cannot load @fastify/static's ESM-only dependency `content-disposition`, and
// Nest exits the process when Swagger UI's static plugin fails to register. In-process specs map the
// plugin to this no-op; /docs/openapi.json is a plain route and still works. The e2e specs run the
// real built service, so the real plugin is exercised there.
export default async function fastifyStaticStub(): Promise<void> {}
