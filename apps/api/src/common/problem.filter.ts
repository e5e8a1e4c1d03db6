import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyStorageError } from '@liaison/event-store';
import { storeUnavailable } from '../operations/unavailable.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../operations/service-metrics.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  errors?: unknown;
}

const FASTIFY_CLIENT_ERRORS: Record<string, number> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 415,
  FST_ERR_CTP_EMPTY_JSON_BODY: 400,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 400,
};

/**
 * One place turns every failure into a small JSON body. Anything we did not anticipate is a 500
 * with a generic message: the client never sees a stack, and the log gets the error's name only,
 * because messages can echo personal data from a request.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() @Inject(SERVICE_METRICS) private readonly metrics?: ServiceMetrics) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const fault = thrown instanceof HttpException ? undefined : classifyStorageError(thrown);
    const exception = fault ? storeUnavailable(fault) : thrown;
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (fault) {
      // Kind and driver code only: enough for an operator, nothing from the request.
      this.logger.warn({ msg: 'storage fault', kind: fault.kind, code: fault.code, method: request.method, route: request.routeOptions?.url });
    } else if (body.statusCode >= 500 && body.statusCode !== 503) {
      const name = exception instanceof Error ? exception.name : typeof exception;
      this.logger.error({ msg: 'unhandled error', error: name, method: request.method, route: request.routeOptions?.url });
    }
    if (body.statusCode >= 500) this.metrics?.serverErrors.inc({ status: String(body.statusCode), code: body.code ?? '' });
    const headers = exception instanceof HttpException ? (exception.getResponse() as { headers?: Record<string, string> }).headers : undefined;
    if (headers) for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const base: ErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: exception.message };
      if (typeof res === 'object' && res !== null) {
        const r = res as Record<string, unknown>;
        if (typeof r.message === 'string') base.message = r.message;
        if (typeof r.error === 'string') base.error = r.error;
        if (typeof r.code === 'string') base.code = r.code;
        if (r.errors !== undefined) base.errors = r.errors;
      }
      return base;
    }
    const code = (exception as { code?: unknown })?.code;
    const fastifyStatus = typeof code === 'string' ? FASTIFY_CLIENT_ERRORS[code] : undefined;
    const status = fastifyStatus ?? (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: clientMessage(status) };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function clientMessage(status: number): string {
  if (status === 413) return 'Request body too large';
  if (status === 415) return 'Unsupported media type: send application/json';
  return 'Malformed request';
}
