// A large dataset is set up in tasks of its own (its lanes and their index, then the first feed),
// so no task holds the page for long when one arrives. Anything asked of the timeline meanwhile
// finishes the setup first; new data drops what was left of the old.
export class StagedSetup {
  #steps: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #done: (() => void) | undefined;
  #stopped = false;

  /** Run `steps` in tasks of their own, one after the other; resolves when the last has run. */
  stage(steps: (() => void)[]): Promise<void> {
    this.drop();
    this.#steps = steps;
    const next = () => {
      this.#timer = undefined;
      if (this.#stopped) return;
      this.#steps.shift()?.();
      if (this.#steps.length > 0) this.#timer = setTimeout(next, 0);
      else this.#settled();
    };
    this.#timer = setTimeout(next, 0);
    return new Promise((resolve) => (this.#done = resolve));
  }

  /** Run at once whatever is left: whoever calls needs the lanes and the feed. */
  finish(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const steps = this.#steps;
    this.#steps = [];
    for (const step of steps) step();
    this.#settled();
  }

  /** Forget what was left (new data replaces it). Its promise never resolves: the data it was for is never shown. */
  drop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#steps = [];
    this.#done = undefined;
  }

  stop(): void {
    this.#stopped = true;
    this.drop();
  }

  #settled(): void {
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }
}
