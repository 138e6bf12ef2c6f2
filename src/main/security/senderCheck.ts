// Is an IPC message from our own window? Only the main frame of a page served from the app's own
// origin may call main (VS Code's validated-IPC model).

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  readonly url: string;
  /** False for sub-frames (iframes), which are never trusted. */
  readonly isMainFrame: boolean;
}

/** scheme://host[:port] of a URL, also for non-special schemes such as app:// where URL.origin is "null". */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.host === '') return undefined;
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

export function isTrustedSender(sender: SenderInfo, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame) return false;
  const origin = originOf(sender.url);
  return origin !== undefined && trustedOrigins.includes(origin);
}
