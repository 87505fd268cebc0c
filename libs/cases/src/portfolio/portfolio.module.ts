import { Module } from '@nestjs/common';
import { PortfolioService } from './portfolio.service';

/** The portfolio overview's reads (its own module, so the case services' module stays as it is). */
@Module({ providers: [PortfolioService], exports: [PortfolioService] })
export class PortfolioModule {}
