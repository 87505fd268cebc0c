import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, DIALOGUE_OUTCOMES } from '@cluster/domain';

/** The shapes of GET /api/portfolio, for the OpenAPI document (amounts: integer cents). */
class WordsDto {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

class StageCountDto {
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
  @ApiProperty() count!: number;
}

class FunnelGroupDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: outside any call' }) callId!: string | null;
  @ApiProperty({ type: String, nullable: true }) callTitle!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [StageCountDto] }) stages!: StageCountDto[];
}

class FunnelDto {
  @ApiProperty({ type: [StageCountDto], description: 'Every stage in process order, zeros included' }) stages!: StageCountDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [FunnelGroupDto] }) groups!: FunnelGroupDto[];
}

class OverdueItemDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseName!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: WordsDto, description: 'What is due, in words' }) what!: WordsDto;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() daysOverdue!: number;
}

class OverdueDto {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [OverdueItemDto], description: 'The oldest first' }) items!: OverdueItemDto[];
}

class CouncilTurnaroundDto {
  @ApiProperty({ example: 'VRWI' }) councilCode!: string;
  @ApiProperty({ description: 'Requests not withdrawn' }) requested!: number;
  @ApiProperty() advised!: number;
  @ApiProperty({ description: 'Terms that passed without advice' }) lapsed!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ type: Number, format: 'double', nullable: true, description: 'Median days from request to advice (one decimal)' }) medianDays!: number | null;
  @ApiProperty({ type: Number, format: 'double', nullable: true, description: 'Slowest advice, in days (one decimal)' }) slowestDays!: number | null;
}

class BudgetFiguresDto {
  @ApiProperty({ description: 'Integer cents' }) earmarkedCents!: number;
  @ApiProperty({ description: 'Open release requests (cents)' }) requestedCents!: number;
  @ApiProperty({ description: 'Approved and booked (cents)' }) approvedCents!: number;
  @ApiProperty({ description: 'Booked releases (cents)' }) releasedCents!: number;
  @ApiProperty({ description: 'earmarked − released (cents)' }) remainingCents!: number;
}

class InstrumentFiguresDto extends BudgetFiguresDto {
  @ApiProperty({ example: 'IWT' }) instrumentCode!: string;
}

class EnvelopeFiguresDto extends InstrumentFiguresDto {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty() callTitle!: string;
  @ApiProperty({ description: "The call's envelope for the instrument (cents; 0 when it has none)" }) envelopeCents!: number;
  @ApiProperty({ description: 'envelope − earmarked (cents; negative when over)' }) unallocatedCents!: number;
}

class BudgetDto {
  @ApiProperty({ type: [InstrumentFiguresDto], description: 'The sum of the cases’ budget pages per instrument' }) instruments!: InstrumentFiguresDto[];
  @ApiProperty({ type: BudgetFiguresDto }) total!: BudgetFiguresDto;
  @ApiProperty({ type: [EnvelopeFiguresDto] }) envelopes!: EnvelopeFiguresDto[];
}

class CycleOutcomeDto {
  @ApiProperty() cycle!: number;
  @ApiProperty({ enum: DIALOGUE_OUTCOMES }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

class ClusterDialogueDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty({ type: [CycleOutcomeDto] }) cycles!: CycleOutcomeDto[];
}

class CycleTallyDto {
  @ApiProperty() cycle!: number;
  @ApiProperty() on_track!: number;
  @ApiProperty() attention!: number;
  @ApiProperty() off_track!: number;
}

class DialogueDto {
  @ApiProperty({ type: [ClusterDialogueDto] }) clusters!: ClusterDialogueDto[];
  @ApiProperty({ type: [CycleTallyDto] }) perCycle!: CycleTallyDto[];
}

class ClusterLeverageDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty({ description: 'Partners’ financial commitments in the signed agreement (cents)' }) partnerCommitmentsCents!: number;
  @ApiProperty({ description: 'Government earmarks, as on the case’s budget page (cents)' }) earmarkedCents!: number;
  @ApiProperty({ type: Number, format: 'double', nullable: true, description: 'partners ÷ earmarked (two decimals); null without an earmark' }) ratio!: number | null;
}

class LeverageDto {
  @ApiProperty({ type: WordsDto }) basis!: WordsDto;
  @ApiProperty({ type: [ClusterLeverageDto] }) clusters!: ClusterLeverageDto[];
  @ApiProperty() partnerCommitmentsCents!: number;
  @ApiProperty() earmarkedCents!: number;
  @ApiProperty({ type: Number, format: 'double', nullable: true }) ratio!: number | null;
}

class FilterDto {
  @ApiProperty({ type: String, nullable: true, description: 'A call id, "none", or null for all' }) callId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: String, enum: CASE_STAGES, nullable: true }) stage!: string | null;
}

class CallChoiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class ChoicesDto {
  @ApiProperty({ type: [CallChoiceDto] }) calls!: CallChoiceDto[];
  @ApiProperty({ type: [Number] }) years!: number[];
}

export class PortfolioDto {
  @ApiProperty({ type: FilterDto }) filter!: FilterDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: ChoicesDto }) choices!: ChoicesDto;
  @ApiProperty({ type: FunnelDto }) funnel!: FunnelDto;
  @ApiProperty({ type: OverdueDto }) overdue!: OverdueDto;
  @ApiProperty({ type: [CouncilTurnaroundDto] }) councils!: CouncilTurnaroundDto[];
  @ApiProperty({ type: BudgetDto }) budget!: BudgetDto;
  @ApiProperty({ type: DialogueDto }) dialogue!: DialogueDto;
  @ApiProperty({ type: LeverageDto }) leverage!: LeverageDto;
}
