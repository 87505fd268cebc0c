import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { draftAgreementUpdate, signAgreementUpdate } from '@cluster/contracts';
import { PARTY_KINDS, type PartyKind, type Principal } from '@cluster/domain';
import { AgreementService } from '@cluster/cases';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, CaseUpdates } from '../cases/case-updates.service';
import { context } from './request-context';
import { uuidParam } from '../platform/id-param';
import { localizedMessage } from '../platform/validation';

class PartyCommitmentDto {
  @ApiProperty({ enum: ['financial', 'in_kind'] }) @IsIn(['financial', 'in_kind']) kind!: 'financial' | 'in_kind';
  @ApiProperty() @IsString() @Length(2, 2000) description!: string;
  @ApiPropertyOptional({ description: 'Integer cents (financial commitments)' }) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amountCents?: number;
}

class PartyDto {
  @ApiProperty({ example: 'vlaamse-overheid' }) @Matches(/^[a-z0-9-]{2,50}$/, localizedMessage({ nl: 'Dit veld bestaat uit 2 tot 50 kleine letters, cijfers of streepjes.', en: 'This field is 2–50 lowercase letters, digits or dashes.' })) partyId!: string;
  @ApiProperty({ enum: PARTY_KINDS }) @IsIn(PARTY_KINDS) kind!: PartyKind;
  @ApiProperty({ example: 'Vlaamse Regering' }) @IsString() @Length(2, 300) name!: string;
  @ApiProperty({ format: 'uuid', description: 'The authorised representative who signs' }) @IsUUID() representativeUserId!: string;
  @ApiProperty({ type: [PartyCommitmentDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PartyCommitmentDto) commitments!: PartyCommitmentDto[];
}

class EarmarkDto {
  @ApiProperty({ example: 'IWT' }) @IsString() @Length(1, 20) instrumentCode!: string;
  @ApiProperty({ example: 100000000, description: 'Integer cents' }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
}

class AgreementDto {
  @ApiProperty({ type: [PartyDto] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PartyDto) parties!: PartyDto[];
  @ApiProperty({ type: [EarmarkDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EarmarkDto) earmarks!: EarmarkDto[];
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(15) termYears!: number;
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(24) dialogueCadenceMonths!: number;
  @ApiProperty({ description: 'The text every party signs (frozen by its SHA-256)' }) @IsString() @Length(10, 500000) text!: string;
}

class SignDto {
  @ApiProperty({ description: 'The SHA-256 of the version the signer read' }) @Matches(/^[0-9a-f]{64}$/, localizedMessage({ nl: 'Dit veld moet een SHA-256 zijn: 64 hexadecimale tekens in kleine letters.', en: 'This field must be a SHA-256: 64 lowercase hexadecimal characters.' })) sha256!: string;
  @ApiProperty({ example: 'vlaamse-overheid' }) @IsString() @Length(2, 50) partyId!: string;
}

class AgreementDraftedDto {
  @ApiProperty({ format: 'uuid' }) agreementVersionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) signBy!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { partyId: { type: 'string' }, userId: { type: 'string' } } } }) signers!: object[];
  @ApiProperty({ type: [Number] }) reminderDaysBefore!: number[];
  @ApiProperty() voidedSignatures!: number;
}

class AgreementSignedDto {
  @ApiProperty() version!: number;
  @ApiProperty() partyId!: string;
  @ApiProperty() signed!: number;
  @ApiProperty() of!: number;
  @ApiProperty() stage!: string;
}

class AgreementVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: object;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: ['signing', 'signed', 'superseded'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) signBy!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) signatures!: object[];
}

const uuid = uuidParam();

/** Step 6, the partnership agreement: versions frozen by hash, signed by each party's representative. */
@ApiTags('process')
@ApiBearerAuth()
@Controller('cases/:id/agreement')
export class AgreementController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly updates: CaseUpdates,
    private readonly agreements: AgreementService,
  ) {}

  @Post('versions')
  @Allow('draftAgreement')
  @ApiOperation({ summary: 'Draft a new version (voids the signatures given on the previous one)' })
  @ApiCreatedResponse({ type: AgreementDraftedDto })
  async draft(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: AgreementDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'draftAgreement');
    const ctx = context(req);
    return this.updates.send(view.workflowId, draftAgreementUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, content: dto }, ctx.requestId);
  }

  /**
   * Any signed-in user who may read the case may call it; only the party's authorised
   * representative succeeds (403 otherwise). Whoever may not read the case gets 403 before the
   * process answers, so its stage and agreement hash stay hidden from them.
   */
  @Post('signatures')
  @Allow('signAgreement')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign the version's SHA-256 for a party (its authorised representative only)" })
  @ApiOkResponse({ type: AgreementSignedDto })
  async sign(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: SignDto) {
    const { view, role } = await this.cases.authorised(req.principal!, id, 'signAgreement');
    const ctx = context(req);
    return this.updates.send(view.workflowId, signAgreementUpdate, { meta: { actor: actorOf(ctx, role), requestId: ctx.requestId }, sha256: dto.sha256, partyId: dto.partyId }, ctx.requestId);
  }

  @Get()
  @Allow('readCase')
  @ApiOperation({ summary: 'All versions with their signatures' })
  @ApiOkResponse({ type: [AgreementVersionDto] })
  async list(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.cases.visible(p, id);
    return this.agreements.list(id);
  }
}
