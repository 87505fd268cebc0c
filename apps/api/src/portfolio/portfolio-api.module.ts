import { Module } from '@nestjs/common';
import { PortfolioModule } from '@cluster/cases';
import { PortfolioController } from './portfolio.controller';

@Module({ imports: [PortfolioModule], controllers: [PortfolioController] })
export class PortfolioApiModule {}
