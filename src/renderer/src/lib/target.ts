// Which build this renderer is: the app's (behind Electron's main process), or the interactive page
// (vite.page.config.ts builds it with mode 'page': read-only, its data embedded, no main behind it).
// Known when building, so the page's build leaves out what only the app does.
import type { CommandId } from '../../../shared/commands';

export const READ_ONLY_PAGE: boolean = import.meta.env.MODE === 'page';

/** What the page cannot do, by command: the words that say so. */
const NOT_IN_PAGE: Partial<Record<CommandId, string>> = {
  'open-file': 'Opening files',
  'reload-file': 'Reloading',
  'save-as-frontline': 'Saving',
  'save-as-csv': 'Saving',
  'export-image': 'Exporting images',
  'copy-image': 'Copying images',
  'export-page': 'Exporting pages',
  'clear-cache': 'The cache of opened files',
  'open-control-layer': 'Opening control layers',
  'main-open': 'Opening files'
};

/** In the page, why a command cannot run there (undefined: it can, or this is the app). */
export function notInPage(id: CommandId): string | undefined {
  const what = READ_ONLY_PAGE ? NOT_IN_PAGE[id] : undefined;
  return what === undefined ? undefined : `${what} is not available in this page: it is a read-only copy. Open the dataset in Frontline to do that.`;
}
