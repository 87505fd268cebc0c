import { ApiProperty } from '@nestjs/swagger';

/** The OpenID Connect provider the web app signs in with (authorization code + PKCE). */
export class OidcClientConfigDto {
  @ApiProperty({ description: 'Issuer URL; discovery at `<issuer>/.well-known/openid-configuration`', example: 'https://idp.example.be/realms/cluster' })
  issuer!: string;

  @ApiProperty({ description: 'The public client of the web app at the provider', example: 'cluster-web' })
  clientId!: string;

  @ApiProperty({ example: 'openid profile email' })
  scope!: string;
}

/** How a user can sign in: the dev login's seeded users, an OIDC provider, or both. */
export class AuthConfigDto {
  @ApiProperty({ description: 'Whether POST /api/auth/dev-login and GET /api/auth/dev-users are available' })
  devLogin!: boolean;

  @ApiProperty({ type: OidcClientConfigDto, nullable: true, description: 'null when no OIDC provider is configured' })
  oidc!: OidcClientConfigDto | null;
}
