import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@cluster/config';
import { THROTTLER_NAME } from './rate-limit.constants';
import { RateLimitGuard } from './rate-limit.guard';

/** Imported after the auth module, so its guard runs after authentication and knows the user. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: THROTTLER_NAME, ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
        // 0 turns it off (e.g. behind a gateway that limits already).
        skipIf: () => config.RATE_LIMIT_PER_MINUTE === 0,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
