// A source's local copy read safely (readLocalCopy) and hashed: the SHA-256 is computed by Web
// Crypto, which Node runs on its thread pool, so hashing 64 MB never holds main's event loop.
import { webcrypto } from 'node:crypto';
import { compareLocalCopy, type CopyDigest, type LocalCopyCheck } from '../../shared/dataset/localCopies';
import type { Source } from '../../shared/dataset/schema';
import { readLocalCopy, type LocalCopy } from './readLocalCopy';

/** The SHA-256 of `bytes`, as 64 lower-case hexadecimal digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

/** The local copy `name` beside `datasetPath`, read (bytes for quote checks) and hashed. */
export async function digestLocalCopy(datasetPath: string, name: string): Promise<{ copy: LocalCopy; digest: CopyDigest }> {
  const copy = await readLocalCopy(datasetPath, name);
  if (!copy.ok) return { copy, digest: { ok: false, missing: copy.missing === true, reason: copy.message } };
  return { copy, digest: { ok: true, sha256: await sha256Hex(copy.bytes) } };
}

/** How `source`'s local copy compares with the SHA-256 it records (the source must have a localCopy). */
export async function checkSourceCopy(datasetPath: string, source: Source): Promise<LocalCopyCheck> {
  const { digest } = await digestLocalCopy(datasetPath, source.localCopy ?? '');
  return compareLocalCopy(source, digest);
}
