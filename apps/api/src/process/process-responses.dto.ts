import { ApiProperty } from '@nestjs/swagger';
import { ADVICE_POSITIONS, APPROVAL_DECISIONS, CASE_STAGES, CONCLUSION_OUTCOMES, TERMINATION_KINDS } from '@cluster/domain';

// Response bodies of the process endpoints, for OpenAPI (and the generated web client).

export class RoadmapSubmittedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'SHA-256 of the frozen content' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() requiredAssessments!: number;
}

export class AssessorsAssignedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) assessorIds!: string[];
}

export class ConflictDeclaredDto {
  @ApiProperty({ format: 'uuid' }) assessorId!: string;
  @ApiProperty() hasConflict!: boolean;
}

export class AssessmentSubmittedDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid' }) assessorId!: string;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty() submittedCount!: number;
  @ApiProperty() requiredCount!: number;
}

export class AssessmentConcludedDto {
  @ApiProperty({ enum: CONCLUSION_OUTCOMES }) outcome!: string;
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
}

export class CriterionSpreadDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: [Number] }) scores!: number[];
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ format: 'double' }) mean!: number;
  @ApiProperty({ description: 'max − min' }) spread!: number;
}

export class AssessmentOverviewDto {
  @ApiProperty({ nullable: true, type: Number }) roadmapVersion!: number | null;
  @ApiProperty() requiredCount!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) assignments!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) assessments!: object[];
  @ApiProperty({ type: [CriterionSpreadDto] }) spread!: CriterionSpreadDto[];
}

export class AdviceSubmittedDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() councilCode!: string;
  @ApiProperty({ enum: ADVICE_POSITIONS }) position!: string;
  @ApiProperty({ format: 'date-time' }) advisedAt!: string;
}

export class AdviceRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String }) clusterName!: string | null;
  @ApiProperty() round!: number;
  @ApiProperty() councilCode!: string;
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the legal term (working-day calendar)' }) dueAt!: string;
  @ApiProperty({ nullable: true, type: Number }) remainingDays!: number | null;
  @ApiProperty({ enum: ['open', 'advised', 'lapsed', 'withdrawn'] }) status!: string;
  @ApiProperty({ nullable: true, enum: ADVICE_POSITIONS }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) adviceText!: string | null;
}

export class AdviceRequestPageDto {
  @ApiProperty({ type: [AdviceRequestDto] }) items!: AdviceRequestDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class DecisionProposedDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
}

/** Every approval subject (the approvals table's CHECK has the same list). */
export const APPROVAL_SUBJECTS = ['decision', 'budget_release', 'policy_version', 'call_selection', ...TERMINATION_KINDS];

export class ApprovalDecidedDto {
  @ApiProperty({ format: 'uuid', required: false, description: 'Decisions and terminations' }) approvalId?: string;
  @ApiProperty({ enum: TERMINATION_KINDS, required: false, description: 'Terminations: what was approved or sent back' }) kind?: string;
  @ApiProperty({ enum: APPROVAL_DECISIONS, required: false }) decision?: string;
  @ApiProperty({ enum: CASE_STAGES, required: false }) stage?: string;
  @ApiProperty({ format: 'uuid', required: false, description: 'Budget releases' }) releaseId?: string;
  @ApiProperty({ enum: ['requested', 'approved', 'sent_back', 'refused', 'superseded'], required: false }) status?: string;
}

export class ApprovalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The case; null for a call's selection (decided at POST /api/call-selections/{subjectId}/decision)" }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The case’s cluster name' }) clusterName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The call, for a call's selection" }) callId!: string | null;
  @ApiProperty({ enum: APPROVAL_SUBJECTS }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Display name of the requester' }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Display name of the approver' }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The approver’s comment; for a superseded approval the reason it closed without a decision, in words' }) comment!: string | null;
  @ApiProperty({ description: 'Whether the current user requested it (four eyes: they never decide it)' }) requestedByMe!: boolean;
  @ApiProperty({ description: 'Whether the current user may decide it now (pending, and the permissions table allows it)' }) mayDecide!: boolean;
}

export class ApprovalPageDto {
  @ApiProperty({ type: [ApprovalDto] }) items!: ApprovalDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'advice' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String }) clusterName!: string | null;
  @ApiProperty({ nullable: true, enum: CASE_STAGES }) stage!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class HandoverResultDto {
  @ApiProperty({ format: 'uuid' }) fromUserId!: string;
  @ApiProperty({ format: 'uuid' }) toUserId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) caseIds!: string[];
  @ApiProperty() tasksMoved!: number;
}

/** 202: a rejection, a stop, an early end or a withdrawal is proposed; it takes effect once another approver approves. */
export class TerminationProposedDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid', description: 'The approval an approver (not the proposer) decides: POST /api/approvals/{id}/decision' }) approvalId!: string;
  @ApiProperty({ enum: TERMINATION_KINDS }) kind!: string;
  @ApiProperty({ enum: CASE_STAGES, description: 'Unchanged until the approval' }) stage!: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
}

export class TerminationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: TERMINATION_KINDS }) kind!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'An early end: the final report the closure will keep' }) finalReport!: string | null;
  @ApiProperty({ enum: CASE_STAGES, description: 'The stage it was proposed in' }) stage!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'sent_back', 'superseded'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty({ nullable: true, type: String }) proposedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The approver's comment" }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) approvalId!: string | null;
}
