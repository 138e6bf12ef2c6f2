// The few platform globals shared code relies on, which both Node and browsers provide. Declared
// here because src/shared is compiled without DOM or Node typings on purpose.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly origin: string;
}
/** A file the user dropped (only ever handed through the contract, never read here). */
interface File {
  readonly name: string;
  readonly size: number;
}
