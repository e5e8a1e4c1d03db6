import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { ACCESS_ENTRY_OF } from './access-recorder.js';

/** Tells the caller which access-log entry their answer was recorded under (X-Access-Entry). */
@Injectable()
export class AccessEntryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return next.handle().pipe(tap(() => {
      const id = ACCESS_ENTRY_OF.get(http.getRequest<FastifyRequest>());
      if (id) void http.getResponse<FastifyReply>().header('x-access-entry', id);
    }));
  }
}
