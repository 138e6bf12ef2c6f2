// Story editing and the steps a story gives a presentation.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../../../shared/dataset/schema';
import { addStep, addStory, deleteStory, moveStep, newStoryId, removeStep, setNote, storyNotes, storySteps, updateStory } from './stories';

const story: Story = { id: 's', title: 'S', steps: [{ event: 'a', note: 'first' }, { event: 'b' }, { event: 'c', note: 'third' }] };

describe('story editing', () => {
  it('creates stories with unique ids, renames and deletes them', () => {
    expect(newStoryId([])).toBe('story-1');
    expect(newStoryId([{ id: 'story-2', title: 'x', steps: [] }])).toBe('story-3');
    expect(newStoryId([{ id: 'story-2', title: 'x', steps: [] }, { id: 'story-3', title: 'y', steps: [] }])).toBe('story-4');
    const two = addStory(addStory([], 'One'), 'Two');
    expect(two.map((s) => [s.id, s.title])).toEqual([['story-1', 'One'], ['story-2', 'Two']]);
    expect(updateStory(two, 'story-2', (s) => ({ ...s, title: 'Renamed' }))[1]?.title).toBe('Renamed');
    expect(deleteStory(two, 'story-1').map((s) => s.id)).toEqual(['story-2']);
  });

  it('adds, moves and removes steps, and edits notes', () => {
    expect(addStep(story, 'd', '  say this ').steps.at(-1)).toEqual({ event: 'd', note: 'say this' });
    expect(addStep(story, 'd', '  ').steps.at(-1)).toEqual({ event: 'd' });
    expect(moveStep(story, 0, 1).steps.map((s) => s.event)).toEqual(['b', 'a', 'c']);
    expect(moveStep(story, 2, -1).steps.map((s) => s.event)).toEqual(['a', 'c', 'b']);
    expect(moveStep(story, 0, -1)).toBe(story);
    expect(moveStep(story, 2, 1)).toBe(story);
    expect(removeStep(story, 1).steps.map((s) => s.event)).toEqual(['a', 'c']);
    expect(setNote(story, 1, 'now').steps[1]).toEqual({ event: 'b', note: 'now' });
    expect(setNote(story, 0, ' ').steps[0]).toEqual({ event: 'a' });
  });
});

describe('story steps', () => {
  const index = new Map([
    ['a', 5],
    ['b', 1],
    ['c', 9]
  ]);
  it('are the events in the story\'s order, not in time order', () => {
    expect(storySteps(story, index)).toEqual([5, 1, 9]);
    expect(storyNotes(story, index)).toEqual(['first', undefined, 'third']);
  });
  it('leave out events the dataset lacks or the filters hide, notes aligned', () => {
    expect(storySteps({ ...story, steps: [...story.steps, { event: 'gone' }] }, index)).toEqual([5, 1, 9]);
    expect(storySteps(story, index, (i) => i !== 1)).toEqual([5, 9]);
    expect(storyNotes(story, index, (i) => i !== 1)).toEqual(['first', 'third']);
  });
});
