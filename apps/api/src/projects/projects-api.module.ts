import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { ProjectsController } from './projects.controller';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [ProjectsController],
})
export class ProjectsApiModule {}
