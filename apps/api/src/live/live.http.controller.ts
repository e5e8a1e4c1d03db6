import { Controller, Get, Req, Res } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto, SHUTTING_DOWN_RESPONSE } from '../commands/http/problem.dto.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireAnyScope, Scope } from '../auth/index.js';
import { PositionFeed } from './position-feed.js';

export const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events: `event: position` / `data: {"position":"<n>"}` once on connect and whenever the
 * read models advance, so a dashboard knows when to refetch. Carries no case data at all, only the
 * global position. Comment lines keep proxies from timing the stream out. Browsers cannot set
 * headers on EventSource and tokens must not go in URLs, so clients read it with fetch().
 */
@ApiTags('live updates')
@ApiBearerAuth()
@Controller('api/v1/stream')
export class LiveStreamController implements OnModuleDestroy {
  private readonly open = new Set<() => void>();

  constructor(private readonly feed: PositionFeed) {}

  @Get()
  @RequireAnyScope(Scope.CasesRead, Scope.DashboardsRead, Scope.AuditRead)
  @ApiOperation({ summary: 'Server-sent events: the read models\' position whenever it advances (text/event-stream)' })
  @ApiOkResponse({
    description: 'An endless event stream: `event: position` with `data: {"position":"<n>"}`, and comment lines as heartbeats.',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'event: position\ndata: {"position":"1287"}\n\n' } } },
  })
  @ApiBadRequestResponse({ description: 'A malformed header.', type: ProblemDto })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto })
  @ApiForbiddenResponse({ description: 'The token has none of cases:read, dashboards:read, audit:read.', type: ProblemDto })
  @ApiServiceUnavailableResponse(SHUTTING_DOWN_RESPONSE)
  stream(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (position: bigint) => res.write(`event: position\ndata: ${JSON.stringify({ position: position.toString() })}\n\n`);
    res.write('retry: 3000\n\n');
    send(this.feed.current());

    const unsubscribe = this.feed.subscribe(send);
    const heartbeat = setInterval(() => res.write(`: heartbeat ${new Date().toISOString()}\n\n`), HEARTBEAT_MS);
    // The stream must not outlive the token that opened it: the client reconnects with a fresh one.
    const expiresIn = (req.principal?.expiresAt ?? Date.now()) - Date.now();
    const expiry = setTimeout(() => close(), Math.max(0, Math.min(expiresIn, 2 ** 31 - 1)));
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      this.open.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.open.add(close);
    req.raw.once('close', close);
    res.once('close', close);
    res.once('error', close);
  }

  /** Open streams would otherwise keep the HTTP server from closing. */
  onModuleDestroy(): void {
    for (const close of [...this.open]) close();
  }

  get openStreams(): number {
    return this.open.size;
  }
}
