// What the browser's Content-Security-Policy blocked on a page: every `securitypolicyviolation`
// event of every document the page loads (recorded by an init script, which runs before the page's
// own scripts and is not itself subject to the policy), and the console's CSP messages beside them.
import type { Page } from 'playwright-core';

export interface CspViolation {
  /** e.g. script-src-elem, script-src-attr, style-src-elem, connect-src */
  effectiveDirective: string;
  blockedURI: string;
  documentURI: string;
  sample: string;
}

export interface CspWatch {
  /** The violations so far on the page's current document. */
  violations(): Promise<CspViolation[]>;
  /** Console lines that mention the Content Security Policy, from every document so far. */
  readonly consoleMessages: string[];
}

const KEY = '__cspViolations';

export async function watchCsp(page: Page): Promise<CspWatch> {
  const consoleMessages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) consoleMessages.push(message.text());
  });
  await page.addInitScript((key: string) => {
    const scope = globalThis as unknown as Record<string, unknown> & { addEventListener(type: string, listener: (event: Record<string, string>) => void): void };
    const seen: unknown[] = [];
    scope[key] = seen;
    scope.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ effectiveDirective: event.effectiveDirective, blockedURI: event.blockedURI, documentURI: event.documentURI, sample: event.sample }),
    );
  }, KEY);
  return {
    consoleMessages,
    violations: () => page.evaluate((key: string) => ((globalThis as unknown as Record<string, unknown>)[key] ?? []) as CspViolation[], KEY),
  };
}
