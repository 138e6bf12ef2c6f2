// The dataset main holds and serves. It changes only by replacing a fully validated dataset, so a
// failed load leaves what the user had exactly as it was.
import type { DatasetPayload } from '../../shared/ipc/contract';

export class DatasetStore {
  #current: DatasetPayload | undefined;

  get current(): DatasetPayload | undefined {
    return this.#current;
  }

  replace(next: DatasetPayload): void {
    this.#current = next;
  }
}
