// Validates every IPC call before a handler runs: known channel, trusted sender, arguments that
// match the schema. Any throw becomes an `internal` Result, so nothing raw crosses the bridge.
import { INVOKE_ARGS } from '../../shared/ipc/args';
import { INVOKE_CHANNELS, fail, type InvokeMethod, type Result } from '../../shared/ipc/contract';
import type { SenderInfo } from '../security/senderCheck';
import type { Handlers } from './handlers';

const METHOD_BY_CHANNEL: ReadonlyMap<string, InvokeMethod> = new Map(
  (Object.keys(INVOKE_CHANNELS) as InvokeMethod[]).map((m) => [INVOKE_CHANNELS[m], m])
);

export function methodForChannel(channel: string): InvokeMethod | undefined {
  return METHOD_BY_CHANNEL.get(channel);
}

export type Dispatch = (channel: string, sender: SenderInfo, args: readonly unknown[]) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, isTrustedSender: (sender: SenderInfo) => boolean, log: (message: string) => void = () => {}): Dispatch {
  return async (channel, sender, args) => {
    const method = methodForChannel(channel);
    if (method === undefined) {
      log(`refused unknown channel ${JSON.stringify(channel).slice(0, 100)}`);
      return fail('unknown-channel', 'Unknown request.');
    }
    if (!isTrustedSender(sender)) {
      log(`refused ${channel} from untrusted sender ${sender.url.slice(0, 200)}`);
      return fail('bad-sender', 'Request refused: it did not come from the Frontline window.');
    }
    const parsed = INVOKE_ARGS[method].safeParse(args);
    if (!parsed.success) {
      log(`refused ${channel}: bad arguments`);
      return fail('bad-arguments', `Request ${method} refused: ${parsed.error.issues[0]?.message ?? 'bad arguments'}.`);
    }
    try {
      // The schema guarantees the tuple matches the method's parameters.
      const handler = handlers[method] as (...a: readonly unknown[]) => Promise<Result<unknown>>;
      // eslint-disable-next-line no-restricted-syntax -- a handful of arguments, their count fixed by the method's schema
      return await handler(...(parsed.data as readonly unknown[]));
    } catch (err) {
      log(`handler ${method} threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('internal', `Something went wrong in ${method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
