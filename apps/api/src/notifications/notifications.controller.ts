import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { Principal } from '@cluster/domain';
import { NotificationsService } from '@cluster/notifications';
import { CurrentPrincipal, Allow } from '../auth/principal.decorator';
import { DeclareErrors } from '../platform/openapi/declare-errors.decorator';
import { PagingQueryDto } from '../platform/paging.dto';

class NotificationQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Which ones; all of mine when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ example: 'term_reminder' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'skipped'], description: 'E-mail delivery' }) email!: string;
}

class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

class MarkedDto {
  @ApiProperty() marked!: number;
}

/** My notifications in the app (reminders, escalations); the same rows are the e-mail outbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentPrincipal() p: Principal, @Query() q: NotificationQueryDto) {
    const page = await this.notifications.list(p.userId, q.unread === true, q.limit, q.offset);
    return {
      items: page.items.map((n) => ({
        id: n.id,
        caseId: n.caseId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
        email: n.emailStatus,
      })),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post('read')
  @Allow('markNotificationsRead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications as read', description: 'Without a body, or without `ids`: every notification of mine.' })
  @ApiBody({ type: MarkReadDto, required: false, description: 'Which ones; no body (or no ids) means all of mine' })
  @ApiOkResponse({ type: MarkedDto })
  // Marking read only updates the caller's own rows: no state or rule can refuse it.
  @DeclareErrors({ not: [409] })
  async markRead(@CurrentPrincipal() p: Principal, @Body() dto: MarkReadDto): Promise<MarkedDto> {
    return { marked: await this.notifications.markRead(p.userId, dto.ids ?? 'all') };
  }
}
