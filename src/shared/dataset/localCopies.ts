// Verifiable sources: how a source's local copy compares with the SHA-256 the dataset records, the
// words every view uses for it, the archive reference's kinds, and what Save As records. Pure.
import type { Source } from './schema';
import { safeExternalUrl } from '../text/safeUrl';

/** A SHA-256 as a dataset writes it: 64 hexadecimal digits (either case; compared without it). */
export const SHA256_PATTERN = /^[0-9a-fA-F]{64}$/;

/**
 * verified: the copy's SHA-256 is the one recorded; changed: it is not; unrecorded: the copy is
 * there but the dataset records no SHA-256 to check it against; missing: no file by that name;
 * unreadable: refused or not read (outside the folder, not a regular file, too large, no permission).
 */
export type LocalCopyState = 'verified' | 'changed' | 'unrecorded' | 'missing' | 'unreadable';

export interface LocalCopyCheck {
  /** The source's id. */
  readonly source: string;
  /** The local copy's name, as the dataset writes it. */
  readonly localCopy: string;
  readonly state: LocalCopyState;
  /** The SHA-256 the dataset records (lower case), if any. */
  readonly recorded?: string;
  /** The SHA-256 of the copy as it is now (lower case), when it could be read. */
  readonly actual?: string;
  /** Why the copy could not be read (missing, unreadable). */
  readonly reason?: string;
}

/** What reading a local copy came to: its SHA-256, or why there is none. */
export type CopyDigest = { readonly ok: true; readonly sha256: string } | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** The check of `source`'s local copy, given what reading it came to. */
export function compareLocalCopy(source: Pick<Source, 'id' | 'localCopy' | 'sha256'>, digest: CopyDigest): LocalCopyCheck {
  const recorded = source.sha256?.toLowerCase();
  const base = { source: source.id, localCopy: source.localCopy ?? '', ...(recorded !== undefined ? { recorded } : {}) };
  if (!digest.ok) return { ...base, state: digest.missing ? 'missing' : 'unreadable', reason: digest.reason };
  const actual = digest.sha256.toLowerCase();
  const state: LocalCopyState = recorded === undefined ? 'unrecorded' : recorded === actual ? 'verified' : 'changed';
  return { ...base, state, actual };
}

/** The first 12 digits of a SHA-256, enough to tell two apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The words for a check, as the details, inspect and Save As say them (no HTML; the caller escapes for a terminal). */
export function describeLocalCopy(check: LocalCopyCheck): string {
  switch (check.state) {
    case 'verified':
      return `local copy verified (SHA-256 ${shortHash(check.actual ?? '')}…)`;
    case 'changed':
      return `local copy changed since the dataset was made (SHA-256 recorded ${shortHash(check.recorded ?? '')}…, now ${shortHash(check.actual ?? '')}…)`;
    case 'unrecorded':
      return 'local copy not verified: the dataset records no SHA-256 for it';
    case 'missing':
      return `local copy missing: ${check.localCopy} is not in the dataset's folder`;
    case 'unreadable':
      return `local copy not read: ${check.reason ?? 'it could not be read'}`;
  }
}

/** What an archive reference is: a web archive's address (http(s) or not), a WACZ file, or neither. */
export type ArchiveKind = { readonly kind: 'url'; readonly safe: boolean } | { readonly kind: 'wacz' } | { readonly kind: 'invalid' };

/**
 * An archive reference is a web archive's address (only http(s) is a safe one; anything else is
 * kept as text, as source addresses are) or the name of a WACZ file in the dataset's folder.
 * Either way it is only ever shown as text, never opened or loaded.
 */
export function archiveKind(archive: string): ArchiveKind {
  // A scheme of two letters or more ("https:", "javascript:"); "C:" is a Windows drive, not one.
  if (/^[a-z][a-z0-9+.-]+:/i.test(archive) || archive.startsWith('//') || archive.startsWith('\\\\')) {
    return { kind: 'url', safe: safeExternalUrl(archive) !== null };
  }
  if (isInsideName(archive) && /\.wacz$/i.test(archive)) return { kind: 'wacz' };
  return { kind: 'invalid' };
}

/** A relative name that stays inside the dataset's folder: no "..", not absolute, no drive. */
export function isInsideName(name: string): boolean {
  return name.length > 0 && !name.includes('\0') && !/(^|[\\/])\.\.([\\/]|$)/.test(name) && !/^([a-zA-Z]:|[\\/])/.test(name);
}

/** A source with `sha256` set, placed just after its localCopy (so a file reads in order). */
export function withSha256<S extends Source>(source: S, sha256: string): S {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'sha256') continue;
    out[key] = value;
    if (key === 'localCopy') {
      out['sha256'] = sha256;
      placed = true;
    }
  }
  if (!placed) out['sha256'] = sha256;
  return out as S;
}

/**
 * The sources Save As writes, and what it must say. A copy that matches, or that had no SHA-256
 * yet, gets the one computed now. A changed copy is never blessed: its recorded SHA-256 is kept
 * and the user is told. A copy that cannot be read keeps what was recorded (if anything), said too.
 */
export function sourcesForSave<S extends Source>(sources: readonly S[], checks: ReadonlyMap<string, LocalCopyCheck>): { sources: S[]; warnings: string[] } {
  const warnings: string[] = [];
  const out = sources.map((s) => {
    const check = s.localCopy === undefined ? undefined : checks.get(s.id);
    if (!check) return s;
    switch (check.state) {
      case 'verified':
      case 'unrecorded':
        return withSha256(s, check.actual!);
      case 'changed':
        warnings.push(
          `Source "${s.id}": its local copy ${check.localCopy} changed since the dataset was made; the SHA-256 recorded for it was kept, not replaced by the copy's. Check the copy, and use "Replace local copy…" in the event's details to record the new one.`
        );
        return s;
      case 'missing':
      case 'unreadable':
        warnings.push(
          `Source "${s.id}": its local copy ${check.localCopy} could not be read (${check.state === 'missing' ? 'no such file' : check.reason}), so ${check.recorded ? 'the SHA-256 recorded for it was written unchecked' : 'no SHA-256 was recorded for it'}.`
        );
        return s;
    }
  });
  return { sources: out, warnings };
}
