// Where the dataset that ships with the app lives: data/ in the project while developing, the
// resources folder (electron-builder extraResources) once packaged.
import { join } from 'node:path';

export const BUNDLED_DATASET_FILE = 'deir-al-zour-al-qaim-2017.frontline';

export interface AppLocation {
  readonly isPackaged: boolean;
  /** process.resourcesPath */
  readonly resourcesPath: string;
  /** app.getAppPath(): the project root under electron-vite dev/preview. */
  readonly appPath: string;
}

export function bundledDataDir(loc: AppLocation): string {
  return loc.isPackaged ? join(loc.resourcesPath, 'data') : join(loc.appPath, 'data');
}

export function bundledDatasetPath(loc: AppLocation): string {
  return join(bundledDataDir(loc), BUNDLED_DATASET_FILE);
}
