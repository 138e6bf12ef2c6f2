// The file a command line asks the app to open: `frontline report.csv`, a file opened from the
// desktop (Windows and Linux pass its path, Linux desktop entries may pass a file:// URL), or a
// second instance's command line passed on to the first.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CommandLineContext {
  /**
   * True when Electron runs the app from a folder or script given on its own command line
   * (`electron .`: process.defaultApp), so the app's own argument comes before the user's.
   */
  readonly defaultApp: boolean;
  /** Folder relative paths are resolved against (the second instance's working directory). */
  readonly cwd: string;
}

/** The file argument of `argv` (as process.argv, with the executable first), as a full path. */
export function fileArgument(argv: readonly string[], context: CommandLineContext): string | undefined {
  const args = argv.slice(context.defaultApp ? 2 : 1);
  for (const arg of args) {
    // Switches: ours, Chromium's (added to a second instance's argv), macOS's -psn_… .
    if (arg === '' || arg.startsWith('-')) continue;
    if (/^file:\/\//i.test(arg)) {
      try {
        return fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    // Any other URL-looking argument (a protocol handler) is not a file.
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(context.cwd, arg);
  }
  return undefined;
}
