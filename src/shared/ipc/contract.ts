// The one contract between main and renderer: every method the preload exposes, the channel it
// travels on, and the Result envelope it returns. Errors cross IPC as values, never as throws
// (Electron keeps only the message of a thrown error).
import type { DatasetHeader, EventColumns } from '../dataset/columns';
import type { Problem } from '../dataset/problems';
import type { TimelineEvent } from '../dataset/schema';

export type ErrorCode =
  | 'bad-sender'
  | 'bad-arguments'
  | 'unknown-channel'
  | 'not-found'
  | 'invalid-data'
  | 'unsafe-url'
  | 'io'
  | 'cancelled'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** Plain-language message for the user; names the file and field where there is one. */
  readonly message: string;
  /** Every problem found, for invalid data. */
  readonly problems?: readonly Problem[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, problems?: readonly Problem[]): Result<never> => ({
  ok: false,
  error: problems ? { code, message, problems } : { code, message }
});

export interface DatasetFileInfo {
  /** File name shown to the user. */
  readonly name: string;
  /** True for the dataset that ships with the app. */
  readonly bundled: boolean;
  readonly bytes: number;
}

/**
 * A loaded dataset as the renderer receives it: the small header as objects, the events as
 * columns of typed arrays (cheap to send between processes). Full events come from getEvent.
 */
export interface DatasetPayload {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  readonly file: DatasetFileInfo;
  /** Non-fatal problems found while loading (e.g. invisible characters removed). */
  readonly warnings: readonly Problem[];
}

/** How far a load has got, sent while it runs. */
export interface LoadProgress {
  readonly file: string;
  readonly phase: 'reading' | 'checking' | 'sending';
  /** Bytes processed and the file's size. */
  readonly done: number;
  readonly total: number;
  readonly events: number;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly versions: Readonly<Record<string, string>>;
}

/** Commands main sends to the renderer (from the application menu). */
export const APP_COMMANDS = [
  'zoom-in',
  'zoom-out',
  'fit',
  'lanes-theatre',
  'lanes-type',
  'next-event',
  'previous-event',
  'show-shortcuts'
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export type Unsubscribe = () => void;

/** What `window.api` offers the renderer. Nothing else crosses the bridge. */
export interface FrontlineApi {
  /**
   * The dataset main holds (the bundled one at start), validated. While a load is running this
   * waits for it; progress arrives through onLoadProgress.
   */
  getDataset(): Promise<Result<DatasetPayload>>;
  /** Everything about one event, by its position in the file (columns.sourceIndex). */
  getEvent(sourceIndex: number): Promise<Result<TimelineEvent>>;
  /** Stop the load that is running; what was loaded before stays. */
  cancelLoad(): Promise<Result<{ readonly cancelled: boolean }>>;
  /** Name, version and runtime versions, for the About box. */
  getAppInfo(): Promise<Result<AppInfo>>;
  /**
   * Open a source's web address in the user's browser. Main looks the address up itself by
   * source id in the dataset it holds and refuses anything but http(s).
   */
  openSourceUrl(sourceId: string): Promise<Result<{ readonly url: string }>>;
  /** Menu commands; returns a function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): Unsubscribe;
  /** Progress of a running load. */
  onLoadProgress(listener: (progress: LoadProgress) => void): Unsubscribe;
}

/** Request/response methods, each on its own prefixed channel. */
export const INVOKE_CHANNELS = {
  getDataset: 'frontline:get-dataset',
  getEvent: 'frontline:get-event',
  cancelLoad: 'frontline:cancel-load',
  getAppInfo: 'frontline:get-app-info',
  openSourceUrl: 'frontline:open-source-url'
} as const satisfies { [K in keyof FrontlineApi as FrontlineApi[K] extends (...a: never[]) => Promise<unknown> ? K : never]: `frontline:${string}` };

/** Main-to-renderer event channels, keyed by the subscribe method. */
export const EVENT_CHANNELS = {
  onCommand: 'frontline:command',
  onLoadProgress: 'frontline:load-progress'
} as const satisfies { [K in Exclude<keyof FrontlineApi, keyof typeof INVOKE_CHANNELS>]: `frontline:${string}` };

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type EventMethod = keyof typeof EVENT_CHANNELS;

/** Value type a method resolves to, unwrapped from Result. */
export type InvokeValue<M extends InvokeMethod> = FrontlineApi[M] extends (...args: never[]) => Promise<Result<infer T>> ? T : never;
export type InvokeArgs<M extends InvokeMethod> = Parameters<FrontlineApi[M]>;

export const API_GLOBAL = 'api';
