import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.http.controller.js';
import { LiveStreamController } from './live.http.controller.js';
import { MeController } from './me.http.controller.js';
import { PositionFeed } from './position-feed.js';

@Module({
  controllers: [LiveStreamController, ClientConfigController, MeController],
  providers: [PositionFeed],
})
export class LiveModule {}
