// The project folder, for build scripts that may run from a bundled config as well as from here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first folder up from here with Frontline's package.json (this file may be bundled into a config). */
export function projectRoot(): string {
  let at = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    try {
      if ((JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { name?: string }).name === 'frontline') return at;
    } catch {
      // Not here: look further up.
    }
    at = dirname(at);
  }
  return process.cwd();
}
