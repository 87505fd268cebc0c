import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import jwt, { type Algorithm, type GetPublicKeyOrSecret, type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { AppConfig } from '@cluster/config';
import { DomainError } from '@cluster/domain';

/**
 * Verifies bearer tokens: signature (shared secret, PEM key or an OIDC provider's JWKS), the
 * algorithm allow-list (so `alg: none` and algorithm swaps fail), issuer, audience and expiry.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: KeyObject | GetPublicKeyOrSecret;
  private readonly algorithms: Algorithm[];

  constructor(private readonly config: AppConfig) {
    this.algorithms = config.AUTH_JWT_ALGORITHMS as Algorithm[];
    if (config.AUTH_JWKS_URL) {
      const jwks = new JwksClient({ jwksUri: config.AUTH_JWKS_URL, cache: true, rateLimit: true });
      this.key = (header, callback) => {
        jwks.getSigningKey(header.kid).then(
          (k) => callback(null, k.getPublicKey()),
          (e: Error) => callback(e),
        );
      };
    } else {
      // A key object built once: given a string, jsonwebtoken parses it again for every request (a
      // secret first fails as a public key), which showed in the API's CPU profile under load.
      this.key = config.AUTH_JWT_PUBLIC_KEY
        ? createPublicKey(config.AUTH_JWT_PUBLIC_KEY)
        : createSecretKey(Buffer.from(config.AUTH_JWT_SECRET!, 'utf8'));
    }
  }

  verify(token: string): Promise<JwtPayload & { sub: string }> {
    return new Promise((resolve, reject) => {
      jwt.verify(
        token,
        this.key,
        { algorithms: this.algorithms, issuer: this.config.AUTH_JWT_ISSUER, audience: this.config.AUTH_JWT_AUDIENCE },
        (error, payload) => {
          if (error || !payload || typeof payload === 'string' || !payload.sub) {
            reject(new DomainError('UNAUTHENTICATED', `Het token is niet geldig; meld u opnieuw aan. / The token is not valid${error ? `: ${error.message}` : '.'}`));
          } else {
            resolve(payload as JwtPayload & { sub: string });
          }
        },
      );
    });
  }

  /** Signs a token for the dev login (HS* secret only). */
  sign(subject: string, extraClaims: Record<string, unknown>): { token: string; expiresIn: number } {
    if (!this.config.AUTH_JWT_SECRET) throw new DomainError('CONFLICT', 'De ontwikkelaarsaanmelding vereist AUTH_JWT_SECRET. / The dev login needs AUTH_JWT_SECRET.');
    const expiresIn = this.config.AUTH_DEV_TOKEN_TTL_SECONDS;
    const token = jwt.sign(extraClaims, this.config.AUTH_JWT_SECRET, {
      algorithm: (this.algorithms.find((a) => a.startsWith('HS')) ?? 'HS256') as Algorithm,
      subject,
      issuer: this.config.AUTH_JWT_ISSUER,
      audience: this.config.AUTH_JWT_AUDIENCE,
      expiresIn,
    });
    return { token, expiresIn };
  }
}
