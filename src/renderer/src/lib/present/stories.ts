// Stories as the author edits them: plain functions returning new lists (the panel keeps a draft
// until Save), and the steps a story gives a presentation: its events' column indices, in the
// story's order (steps whose event the dataset lacks, or the filters hide, are left out).
import type { Story, StoryStep } from '../../../../shared/dataset/schema';

/** A fresh id, unique among the stories: "story-1", "story-2"… */
export function newStoryId(stories: readonly Story[]): string {
  const taken = new Set(stories.map((s) => s.id));
  let n = stories.length + 1;
  while (taken.has(`story-${n}`)) n++;
  return `story-${n}`;
}

export function addStory(stories: readonly Story[], title: string): Story[] {
  return [...stories, { id: newStoryId(stories), title, steps: [] }];
}

export function updateStory(stories: readonly Story[], id: string, change: (story: Story) => Story): Story[] {
  return stories.map((s) => (s.id === id ? change(s) : s));
}

export function deleteStory(stories: readonly Story[], id: string): Story[] {
  return stories.filter((s) => s.id !== id);
}

/** The story with a step for `event` added at the end (a story may show an event twice, e.g. to return to it). */
export function addStep(story: Story, event: string, note?: string): Story {
  const step: StoryStep = note?.trim() ? { event, note: note.trim() } : { event };
  return { ...story, steps: [...story.steps, step] };
}

/** The story with step `at` moved by `by` places (clamped to the ends). */
export function moveStep(story: Story, at: number, by: number): Story {
  const to = Math.max(0, Math.min(story.steps.length - 1, at + by));
  if (at < 0 || at >= story.steps.length || to === at) return story;
  const steps = [...story.steps];
  const [step] = steps.splice(at, 1);
  steps.splice(to, 0, step!);
  return { ...story, steps };
}

export function removeStep(story: Story, at: number): Story {
  return { ...story, steps: story.steps.filter((_, i) => i !== at) };
}

export function setNote(story: Story, at: number, note: string): Story {
  return {
    ...story,
    steps: story.steps.map((s, i) => (i !== at ? s : note.trim() ? { event: s.event, note } : { event: s.event }))
  };
}

/** The presentation's steps for a story: column indices in the story's order. */
export function storySteps(story: Story, indexOfId: ReadonlyMap<string, number>, include?: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (const step of story.steps) {
    const i = indexOfId.get(step.event);
    if (i !== undefined && (!include || include(i))) out.push(i);
  }
  return out;
}

/** The notes of a story's steps as presented (aligned with storySteps). */
export function storyNotes(story: Story, indexOfId: ReadonlyMap<string, number>, include?: (i: number) => boolean): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const step of story.steps) {
    const i = indexOfId.get(step.event);
    if (i !== undefined && (!include || include(i))) out.push(step.note);
  }
  return out;
}
