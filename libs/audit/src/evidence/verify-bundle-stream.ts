import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { bundleProblem } from './bundle-problems';
import { EvidenceBundleVerifier, type BundleVerification, type BundleVerifierOptions } from './bundle-verifier';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Verifies a bundle from a byte stream, line by line (readline), so a file of any size needs the
 * memory of one line. The bundle's SHA-256 covers lines joined by "\n"; readline would also accept
 * "\r\n", so a carriage return anywhere (JSON escapes it inside text) is reported as a change.
 */
export async function verifyEvidenceBundle(input: Readable, options: BundleVerifierOptions = {}): Promise<BundleVerification> {
  const verifier = new EvidenceBundleVerifier(options);
  let newlinesSeen = 0;
  let carriageReturnLine: number | null = null;
  input.on('data', (chunk: Buffer) => {
    if (carriageReturnLine !== null) return;
    const at = chunk.indexOf(CR);
    const end = at >= 0 ? at : chunk.length;
    for (let i = chunk.indexOf(LF); i >= 0 && i < end; i = chunk.indexOf(LF, i + 1)) newlinesSeen++;
    if (at >= 0) carriageReturnLine = newlinesSeen + 1;
  });

  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      const next = verifier.lineCount + 1;
      if (carriageReturnLine !== null && next >= carriageReturnLine) {
        verifier.fail(bundleProblem('carriage_return', carriageReturnLine));
        break;
      }
      if (!verifier.addLine(text)) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!verifier.failed && carriageReturnLine !== null) verifier.fail(bundleProblem('carriage_return', carriageReturnLine));
  return verifier.finish();
}

export function verifyEvidenceBundleFile(path: string, options: BundleVerifierOptions = {}): Promise<BundleVerification> {
  return verifyEvidenceBundle(createReadStream(path, { highWaterMark: 256 * 1024 }), options);
}
