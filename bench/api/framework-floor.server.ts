// The framework's share of a command, measured on its own: NestJS on Fastify with the service's own
// validation pipe and its compiled RecordDetention DTO, and a handler that only replies. No auth, no
// domain, no store, no read models. The api bench runs it in its own process beside the service.
import 'reflect-metadata';
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

// From dist/, because tsx does not emit the decorator metadata the pipe reads the DTO class from.
const dist = (file: string) => import(pathToFileURL(path.resolve('dist/apps/api/src', file)).href);
const { RecordDetentionRequestDto } = await dist('cases/commands/record-detention/record-detention.request.dto.js');
const { createValidationPipe } = await dist('common/validation.pipe.js');

class FloorController {
  record(caseId: string, body: { personId: string }) {
    return { caseId, detentionId: body.personId, revision: 1, position: '1' };
  }
}
Param('caseId')(FloorController.prototype, 'record', 0);
Body()(FloorController.prototype, 'record', 1);
Reflect.defineMetadata('design:paramtypes', [String, RecordDetentionRequestDto], FloorController.prototype, 'record');
const descriptor = Object.getOwnPropertyDescriptor(FloorController.prototype, 'record')!;
Post(':caseId/detentions')(FloorController.prototype, 'record', descriptor);
Controller('api/v1/cases')(FloorController);
class FloorModule {}
Module({ controllers: [FloorController] })(FloorModule);

const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter({ logger: false }), { logger: false });
app.useGlobalPipes(createValidationPipe());
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
console.log(`framework floor on ${(await app.getUrl()).replace('localhost', '127.0.0.1').replace('[::1]', '127.0.0.1')}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
