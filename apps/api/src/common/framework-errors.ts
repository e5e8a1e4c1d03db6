import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Errors Fastify's router raises before any route, hook or Nest filter runs: a path segment longer
 * than any id (FST_ERR_MAX_PARAM_LENGTH, by default a bare 414 that echoes the whole path) and a
 * malformed percent-encoding (FST_ERR_BAD_URL). Both become the service's own field-level 400, like
 * every other bad path parameter, without repeating the URL (ids in it can be personal data). Found
 * by the fuzzer (test/reliability/fuzz.e2e.spec.ts): a 3,000-character case id answered 414 off the contract.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is longer than any id' : 'The path is not validly percent-encoded';
  void reply
    .code(400)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ statusCode: 400, error: 'Bad Request', message, code: 'INVALID_PATH', errors: [{ field: 'path', messages: [message] }] });
}
