import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { HandoverService } from '@cluster/cases';
import { permitted } from '@cluster/domain';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { actorOf } from '../cases/case-updates.service';
import { DeclareErrors } from '../platform/openapi/declare-errors.decorator';
import { CaseSearchAttributes } from '../cases/case-search-attributes.service';
import { context } from './request-context';
import { HandoverResultDto } from './process-responses.dto';

class HandoverDto {
  @ApiProperty({ format: 'uuid', description: 'The case handler who hands over (absence, mobility)' })
  @IsUUID()
  fromUserId!: string;

  @ApiProperty({ format: 'uuid', description: 'The colleague who takes over' })
  @IsUUID()
  toUserId!: string;

  @ApiProperty({ minLength: 2, example: 'Langdurige afwezigheid' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

@ApiTags('work')
@ApiBearerAuth()
@Controller('handovers')
export class HandoverController {
  constructor(
    private readonly handovers: HandoverService,
    private readonly searchAttributes: CaseSearchAttributes,
  ) {}

  @Post()
  @Allow('handOver')
  @HttpCode(200)
  @ApiOperation({ summary: "Hand a case handler's cases and open tasks to a colleague, in one action" })
  @ApiOkResponse({ type: HandoverResultDto })
  @DeclareErrors({ also: [404], why: { 404: 'The user who hands over does not exist' } })
  async handOver(@Req() req: AuthenticatedRequest, @Body() dto: HandoverDto) {
    const ctx = context(req);
    // Taking over someone else's cases would make a case handler their account manager at will.
    const role = permitted(ctx.principal, 'handOver', { subjectUserId: dto.fromUserId });
    const result = await this.handovers.handOver(actorOf(ctx, role), dto.fromUserId, dto.toUserId, dto.reason, ctx.requestId);
    await this.searchAttributes.changed(result.caseIds, { accountManagerId: result.toUserId });
    return result;
  }
}
