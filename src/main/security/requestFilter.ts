// Which renderer requests the session cancels: all network (http, https, ws, wss, ftp) and file://,
// except the Vite dev server while developing. The app itself loads over app://.

const ALWAYS_ALLOWED = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function shouldBlockRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (ALWAYS_ALLOWED.has(parsed.protocol)) return false;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const sameHost = parsed.host === dev.host;
    if (sameHost && (parsed.protocol === dev.protocol || parsed.protocol === 'ws:')) return false;
  }
  return true;
}
