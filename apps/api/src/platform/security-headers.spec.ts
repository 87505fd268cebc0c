import { appDirectives, docsDirectives } from './security-headers';

describe('Content-Security-Policy directives', () => {
  it('let the browser reach the OIDC provider (its origin only) and nothing else outside', () => {
    expect(appDirectives({ OIDC_ISSUER_URL: undefined })['connect-src']).toEqual(["'self'"]);
    expect(appDirectives({ OIDC_ISSUER_URL: 'https://login.example.be/realms/vlaanderen' })['connect-src']).toEqual(["'self'", 'https://login.example.be']);
  });

  it('never allow inline or evaluated script, in the app or in the API docs', () => {
    for (const directives of [appDirectives({}), docsDirectives({})]) {
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['script-src-attr']).toEqual(["'none'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
    }
    expect(appDirectives({})['style-src']).toEqual(["'self'"]);
    expect(docsDirectives({})['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
