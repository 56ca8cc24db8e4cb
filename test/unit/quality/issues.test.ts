/** Each issue rule: fires on what it is about, stays quiet on its look-alikes. */
import { describe, expect, it } from 'vitest';
import { analyzePrompt, type AnalyzeOptions } from '../../../src/shared/quality';

const codes = (prompt: string, options: AnalyzeOptions = {}) => analyzePrompt(prompt, options).issues.map((i) => i.code);
const issue = (prompt: string, code: string, options: AnalyzeOptions = {}) => analyzePrompt(prompt, options).issues.find((i) => i.code === code);

const GOOD = 'A barista in a sunlit Brooklyn café pours latte art into a white ceramic cup; slow dolly-in from a medium shot to a close-up; warm morning light through the window; 8 seconds, 16:9; soft espresso machine hiss and quiet chatter.';

describe('a complete, consistent prompt', () => {
  it('has no issues', () => expect(codes(GOOD)).toEqual([]));
});

describe('length for the duration', () => {
  it('is too short for the duration, whatever the filler', () => {
    expect(codes('Show the product.')).toContain('too_short');
    expect(codes('A beautiful, amazing, stunning, gorgeous, breathtaking, spectacular car.')).toContain('too_short');
  });
  it('needs more words for a longer clip', () => {
    const prompt = 'A red kite over a windy beach at sunset, handheld.';
    expect(codes(prompt, { durationSeconds: 4 })).not.toContain('too_short');
    expect(codes(prompt, { durationSeconds: 20 })).toContain('too_short');
  });
  it('is too long for a short clip', () => {
    const long = `${GOOD} `.repeat(6);
    expect(codes(long, { durationSeconds: 4 })).toContain('too_long');
    expect(codes(GOOD, { durationSeconds: 4 })).not.toContain('too_long');
  });
  it('an empty prompt is an error, not a crash', () => {
    const report = analyzePrompt('   ');
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['empty', 'error']]);
    expect(report.score).toBe(0);
  });
});

describe('vague filler', () => {
  it('names each vague word once, with every place it stands', () => {
    const report = analyzePrompt('Make it beautiful and amazing, beautiful light, very cinematic, the best quality possible.');
    const vague = report.issues.filter((i) => i.code === 'vague_filler');
    expect(vague.map((i) => i.spans!.map((s) => s.text))).toEqual([['beautiful', 'beautiful'], ['amazing'], ['best quality']]);
    expect(vague.every((i) => i.severity === 'warning' && i.suggestion)).toBe(true);
    expect(codes('Cinematic shot of a city.')).toContain('vague_style');
  });
  it('"cool" as a colour temperature and "great" in a name are not filler', () => {
    expect(codes('A cool blue light over a great white shark in the ocean.')).not.toContain('vague_filler');
    expect(codes('A cool video of a car.')).toContain('vague_filler');
  });
});

describe('contradictions', () => {
  it('night and noon', () => {
    expect(issue('A street at night under the harsh noon sun.', 'contradictory_time_of_day')?.spans?.map((s) => s.text)).toEqual(['night', 'noon sun']);
    expect(codes('Time-lapse of a harbor from dawn to dusk.')).not.toContain('contradictory_time_of_day');
    expect(codes('A night market at noon.')).not.toContain('contradictory_time_of_day');
  });
  it('a static camera that also pans', () => {
    expect(codes('A static camera that also pans left across the desk.')).toContain('contradictory_camera');
    expect(codes('Locked-off shot, then a slow pan left.')).not.toContain('contradictory_camera');
    expect(codes('Static shot of a frying pan on the stove.')).not.toContain('contradictory_camera');
  });
  it('silence and sound', () => {
    expect(codes('A silent forest, upbeat electronic music.')).toContain('contradictory_audio');
    expect(codes('Silent except for the ticking of a clock.')).not.toContain('contradictory_audio');
    expect(codes('No music, only a faint crackle.')).not.toContain('contradictory_audio');
  });
  it('slow motion and time-lapse', () => {
    expect(codes('Slow-motion time-lapse of traffic.')).toContain('contradictory_speed');
  });
  it('two durations, or two frame shapes', () => {
    expect(codes('A dog on a beach, 8 seconds, 6 s.')).toContain('contradictory_format');
    expect(codes('Vertical video of a dog on a beach, 16:9.')).toContain('contradictory_format');
    expect(codes('Vertical 9:16 video of a dog on a beach.')).not.toContain('contradictory_format');
  });
});

describe('negations that belong in the negative prompt', () => {
  it('flags the negated thing and suggests the negative prompt', () => {
    const found = analyzePrompt('An empty street at dawn, no cars, without people.').issues.filter((i) => i.code === 'negative_phrasing');
    expect(found.map((i) => i.spans![0]!.text)).toEqual(['no cars', 'without people']);
    expect(found[0]!.suggestion).toContain('negative prompt');
  });
  it('negated sound, stillness and cuts are directions, not negations to move', () => {
    expect(codes('No music, only the wind.')).not.toContain('negative_phrasing');
    expect(codes("The camera doesn't move.")).not.toContain('negative_phrasing');
    expect(codes('One continuous take, no cuts.')).not.toContain('negative_phrasing');
    expect(codes('Not only a dog but a cat.')).not.toContain('negative_phrasing');
  });
});

describe('scenes the duration cannot hold', () => {
  it('counts cuts and numbered scenes against the duration', () => {
    expect(codes('A chef plates a dessert, then cut to the diner, then cut to the kitchen, then cut to the street.', { durationSeconds: 8 })).toContain('too_many_scenes');
    expect(codes('Scene 1: a kitchen. Scene 2: a garden. Scene 3: a beach.', { durationSeconds: 6 })).toContain('too_many_scenes');
    expect(codes('A chef plates a dessert, then cut to the diner tasting it.', { durationSeconds: 8 })).not.toContain('too_many_scenes');
  });
  it('a jump shot and the second time are not scenes', () => {
    expect(codes('A player takes a jump shot; the second time he scores.', { durationSeconds: 4 })).not.toContain('too_many_scenes');
    expect(codes('Jump cut to the crowd, jump cut to the coach.', { durationSeconds: 4 })).toContain('too_many_scenes');
  });
});

describe('audio asked for while audio generation is off', () => {
  it('warns only when audio is off and sound is asked for', () => {
    expect(codes(GOOD, { generateAudio: false })).toContain('audio_disabled');
    expect(codes(GOOD, { generateAudio: true })).not.toContain('audio_disabled');
    expect(codes(GOOD)).not.toContain('audio_disabled');
    expect(codes('A snowy field at dawn, complete silence, no music.', { generateAudio: false })).not.toContain('audio_disabled');
  });
});

describe('a stated duration that is not the chosen one', () => {
  it('compares with the chosen duration only', () => {
    expect(issue(GOOD, 'duration_mismatch', { durationSeconds: 4 })?.message).toContain('8 seconds');
    expect(codes(GOOD, { durationSeconds: 8 })).not.toContain('duration_mismatch');
    expect(codes(GOOD)).not.toContain('duration_mismatch');
  });
  it('uses the stated duration when none is chosen', () => {
    const prompt = 'A red kite over a windy beach at sunset, handheld, 20 seconds.';
    expect(codes(prompt)).toContain('too_short');
  });
});
