import { ApiProperty } from '@nestjs/swagger';

/** The public half of the key that signs evidence bundles, for auditors to pin. */
export class SigningKeyDto {
  @ApiProperty({ enum: ['Ed25519'], example: 'Ed25519' })
  algorithm!: 'Ed25519';

  @ApiProperty({ description: 'SPKI PEM', example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n' })
  publicKeyPem!: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the 32 raw public-key bytes; `npm run audit:verify-bundle <file> --fingerprint <hex>` checks a bundle against it', example: '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29' })
  fingerprint!: string;
}
