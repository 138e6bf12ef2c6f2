// Builds the interactive page's template (vite.page.config.ts → out/page/frontline-page.html): run by
// electron.vite.config.ts after the renderer, so every build and package ships it, and by the command
// line when it is missing (a fresh clone exporting a page before any build).
//   npx tsx scripts/build-page.ts
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './projectRoot';


const ROOT = projectRoot();
export const PAGE_TEMPLATE_PATH = join(ROOT, 'out', 'page', 'frontline-page.html');

/** Build the template now; its path and size. */
export async function buildPageTemplate(): Promise<{ readonly file: string; readonly bytes: number }> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.page.config.ts'), logLevel: 'warn' });
  return { file: PAGE_TEMPLATE_PATH, bytes: statSync(PAGE_TEMPLATE_PATH).size };
}

/** The template, built first when there is none. */
export async function ensurePageTemplate(): Promise<{ readonly file: string; readonly built: boolean }> {
  if (existsSync(PAGE_TEMPLATE_PATH)) return { file: PAGE_TEMPLATE_PATH, built: false };
  await buildPageTemplate();
  return { file: PAGE_TEMPLATE_PATH, built: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { file, bytes } = await buildPageTemplate();
  console.log(`page: wrote ${file} (${Math.round(bytes / 1024)} KB)`);
}
