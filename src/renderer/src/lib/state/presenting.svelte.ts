// Presenting: the presentation's state machine (lib/present), which story it presents, the steps
// (a story's events in its order, or every event the filters show in time order, far-off context
// left out), the projector theme, and what a step does to the rest of the viewer: select its
// event and glide the timeline to it. The presenter view follows through PresenterChannel.svelte.
import { stringAt } from '../../../../shared/dataset/columns';
import type { Story } from '../../../../shared/dataset/schema';
import { presentationAction, type PresentAction } from '../present/keys';
import { INITIAL, reduce, resume, type PresentState } from '../present/presentation';
import { applyCommand, audienceState, datasetIdentity, type AudienceState, type PresenterCommand } from '../present/presenterSync';
import { stepMapFrame, type StepMapFrame } from '../present/stepFrame';
import { defaultSteps, stepWindow } from '../present/steps';
import { storySteps } from '../present/stories';
import { loadProjectorTheme, saveProjectorTheme } from '../present/theme';
import type { ViewerState } from './viewer.svelte';

/** What the type is sized for: the screen, the projector theme, or a presentation (larger still on the timeline). */
export type TypeScale = 'screen' | 'projector' | 'presenting';

const NO_EVENTS = 'No events to present: the filters leave none.';

export class PresentingState {
  state = $state.raw<PresentState>(INITIAL);
  /** The story Present presents (undefined: every event). */
  storyId = $state<string | undefined>(undefined);
  projector = $state(loadProjectorTheme());
  /** When the presentation started (for the presenter view's clock). */
  startedAt = $state<number | undefined>(undefined);
  /** Whether presenting put the window in fullscreen (so leaving takes it out, and only then). */
  #fullscreen = false;
  /** The step's event the timeline was last moved to (a black screen or a typed digit does not move it). */
  #shown: number | undefined;
  readonly #viewer: ViewerState;

  constructor(viewer: ViewerState) {
    this.#viewer = viewer;
    this.story = $derived(this.#viewer.payload?.header.stories.find((s) => s.id === this.storyId));
    this.steps = $derived.by(() => {
      const v = this.#viewer;
      if (!v.payload) return [];
      return this.story ? storySteps(this.story, v.indexOfId) : defaultSteps(v.eventCount, v.include, v.isFarContext);
    });
    this.mapFrame = $derived.by(() => {
      const payload = this.#viewer.payload;
      return payload && this.state.active ? stepMapFrame(this.steps, this.state.step, payload.columns, payload.header.places) : undefined;
    });
  }

  readonly active: boolean = $derived(this.state.active);
  readonly story: Story | undefined;
  /** Steps: a story's events in the story's order, or every event the filters show (far-off context aside), in time order. */
  readonly steps: readonly number[];
  /**
   * Where the map looks for the step shown (stepFrame.ts: its event's places, a region wide at
   * least; every step's places when it has none): undefined when not presenting or nothing to
   * frame. The map view follows it while presenting (e.g. fitBounds on bounds' west/south/east/north).
   */
  readonly mapFrame: StepMapFrame | undefined;
  readonly typeScale: TypeScale = $derived(this.state.active ? 'presenting' : this.projector ? 'projector' : 'screen');

  /** A key while presenting: true when it was the presentation's (the caller prevents its default). */
  key(event: KeyboardEvent): boolean {
    const action = presentationAction(event);
    if (!action) return false;
    this.act(action);
    return true;
  }

  act(action: PresentAction): void {
    const was = this.state;
    this.#set(reduce(was, action, { steps: this.steps, selected: this.#viewer.selectedIndex }), was);
    if (!was.active && !this.state.active && action.kind === 'start') this.#viewer.notices.show(NO_EVENTS);
  }

  /** The Present button: resume where the presentation was left, or start from the beginning. */
  resume(): void {
    if (this.state.active) return;
    const was = this.state;
    this.#set(resume(was, { steps: this.steps }), was);
    if (!this.state.active) this.#viewer.notices.show(NO_EVENTS);
  }

  /** A command from the presenter view. */
  command(command: PresenterCommand): void {
    if (!this.state.active) return;
    const was = this.state;
    this.#set(applyCommand(was, command, { steps: this.steps, selected: this.#viewer.selectedIndex }), was);
  }

  chooseStory(id: string | undefined): void {
    this.storyId = id;
    // A different list of steps: the kept place belongs to the old one.
    this.state = INITIAL;
  }

  toggleProjector(): void {
    this.projector = !this.projector;
    saveProjectorTheme(this.projector);
  }

  /** A new dataset: the presentation and its kept place belong to the old one. */
  stop(): void {
    if (this.state.active) this.#exitFullscreen();
    this.#shown = undefined;
    this.state = INITIAL;
  }

  /** Leaving fullscreen (Esc is often the browser's or the system's there) leaves the presentation. */
  fullscreenChanged(): void {
    if (!document.fullscreenElement && this.#fullscreen && this.state.active) {
      this.#fullscreen = false;
      this.act({ kind: 'leave' });
    }
  }

  /** What the presenter view is told (undefined: no dataset). */
  broadcast(): AudienceState | undefined {
    const payload = this.#viewer.payload;
    if (!payload) return undefined;
    return audienceState(this.state, {
      dataset: datasetIdentity(payload),
      story: this.story?.id,
      // Steps are computed only while presenting (not for a million events shown to nobody).
      steps: this.state.active ? this.steps : [],
      idOf: (i) => stringAt(payload.columns.ids, i),
      startedAt: this.startedAt
    });
  }

  #set(next: PresentState, was: PresentState): void {
    this.state = next;
    if (!was.active && next.active) this.#enter();
    else if (was.active && !next.active) this.#leave();
    if (next.active && (!was.active || next.step !== was.step)) this.#showStep(next.step);
  }

  #enter(): void {
    this.#shown = undefined;
    this.startedAt = Date.now();
    this.#viewer.enterPresentation();
    // Fullscreen where the platform allows it; a refusal (no user gesture, a kiosk) is fine.
    if (!document.fullscreenElement && typeof document.documentElement.requestFullscreen === 'function') {
      document.documentElement.requestFullscreen().then(
        () => (this.#fullscreen = true),
        () => (this.#fullscreen = false)
      );
    }
  }

  #leave(): void {
    this.#shown = undefined;
    this.#exitFullscreen();
    // The event shown stays selected, so Shift+F5 (and the Present button) resume there.
    this.#viewer.leavePresentation();
    const at = this.state.resumeEvent !== undefined ? this.steps.indexOf(this.state.resumeEvent) : -1;
    if (at >= 0) this.#viewer.notices.show(`Presentation left at step ${at + 1} of ${this.steps.length}. Present or Shift+F5 resumes there.`);
  }

  #exitFullscreen(): void {
    if (this.#fullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.#fullscreen = false;
  }

  /** A step: select its event (details fetched as the detail panel's are), glide the timeline to it. */
  #showStep(position: number): void {
    const payload = this.#viewer.payload;
    const index = this.steps[position];
    if (!payload || index === undefined || index === this.#shown) return;
    this.#shown = index;
    // A story-sized dataset: a window around the event reaching its neighbours. A large one: the
    // timeline's reveal, which zooms in until the event's lane shows events, not density.
    const window = payload.columns.count <= 200 ? stepWindow(this.steps, position, payload.columns.start, payload.columns.end) : undefined;
    this.#viewer.showPresentationStep(index, window);
  }
}
