import { ApiProperty } from '@nestjs/swagger';
import type { AuditEventEntity } from '@cluster/persistence';

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for system events (users, reference data)' }) caseId!: string | null;
  @ApiProperty({ description: "Position in its chain (the case's, or the system's), from 1" }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ example: 'case.created' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) documentHashes!: string[];
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) workflowId!: string | null;
  @ApiProperty({ description: 'SHA-256 of the event before it in the chain' }) prevHash!: string;
  @ApiProperty({ description: "SHA-256 over this event's canonical JSON (RFC 8785) including prevHash" }) hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ description: 'How many matching events come before the first item: the offset asked for, or where the cursor `after` landed' }) offset!: number;
}

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: e.id,
    caseId: e.caseId,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    organisation: e.organisation,
    action: e.action,
    reason: e.reason,
    payload: e.payload,
    documentHashes: e.documentHashes,
    requestId: e.requestId,
    workflowId: e.workflowId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
