import { Allow } from '../auth/principal.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EvidenceSigningKey } from '@cluster/audit';
import { SigningKeyDto } from './evidence.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class SigningKeyController {
  constructor(private readonly key: EvidenceSigningKey) {}

  @Get('signing-key')
  @Allow('readOwnWork')
  @ApiOperation({ summary: 'The public key that signs evidence bundles and its fingerprint, for auditors to pin (any signed-in user)' })
  @ApiOkResponse({ type: SigningKeyDto })
  signingKey(): SigningKeyDto {
    return this.key.info;
  }
}
