/**
 * The homonym traps from issue 3, each both ways: the word where it is the checklist item, and
 * the look-alike where it is not. Evidence must point at the right words.
 */
import { describe, expect, it } from 'vitest';
import type { ChecklistKey } from '../../../src/shared/contracts/api';
import { analyzePrompt } from '../../../src/shared/quality';

const evidence = (prompt: string, key: ChecklistKey) => analyzePrompt(prompt).checklist[key].evidence;

describe('"pan": a camera move, not cookware', () => {
  it.each([
    ['The camera slowly pans left across a sunlit kitchen.', 'pans'],
    ['Whip pan to the open door.', 'Whip pan'],
    ['A slow pan across the harbor at dawn.', 'pan'],
    ['Pan right to reveal the chef.', 'Pan'],
  ])('%s', (prompt, word) => expect(evidence(prompt, 'camera')).toContain(word));

  it.each([
    'A pan sizzles on the stove in a busy restaurant kitchen.',
    'A chef flips vegetables in a frying pan.',
    'Pots and pans hang above the counter in a farmhouse kitchen.',
    'Sizzling pans and clattering plates in a diner kitchen.',
    'She slides the pan across the stove to the back burner.',
    'Pan-fried dumplings on a plate.',
  ])('%s', (prompt) => expect(evidence(prompt, 'camera')).toEqual([]));
});

describe('"shot": a jump shot and a shot glass are not camera, light or format', () => {
  it.each([
    'A basketball player takes a jump shot in an empty gym.',
    'A bartender fills a shot glass at a neon bar.',
    'A shot of espresso pours into a cup.',
    'Close-up shot of a perfume bottle.',
  ])('%s', (prompt) => {
    const { checklist } = analyzePrompt(prompt);
    expect(checklist.camera.present).toBe(false);
    expect(checklist.format.present).toBe(false);
  });
  it('a shot glass is not glass as a material, but a frosted glass bottle is', () => {
    expect(evidence('A shot glass on a bar counter.', 'detail')).toEqual([]);
    expect(evidence('A frosted glass bottle on a shelf.', 'detail')).toEqual(expect.arrayContaining(['frosted', 'glass']));
  });
});

describe('"track": music only when it is music, camera when the camera tracks', () => {
  it.each([
    ['A mellow jazz track plays in a dim lounge.', 'track'],
    ['Lo-fi hip-hop track over a rainy window.', 'track'],
    ['Sprinters race while a techno track pulses.', 'track'],
  ])('audio: %s', (prompt, word) => expect(evidence(prompt, 'audio')).toContain(word));
  it.each([
    'Sprinters burst from the blocks on a running track.',
    'Train tracks vanish into the fog.',
    'Tire tracks in fresh snow.',
    'A jogger circles the track at a college stadium.',
  ])('not audio: %s', (prompt) => expect(evidence(prompt, 'audio')).toEqual([]));
  it('"tracking shot along a running track" is a camera move and no music', () => {
    const { checklist } = analyzePrompt('Tracking shot along a running track as sprinters burst from the blocks.');
    expect(checklist.camera.evidence).toEqual(['Tracking shot']);
    expect(checklist.audio.present).toBe(false);
  });
});

describe('"drone": camera, subject or sound', () => {
  it('drone shots and footage are camera moves', () => {
    expect(evidence('Drone shot sweeping over a misty forest.', 'camera')).toContain('Drone shot');
    expect(evidence('Aerial drone flyover of a cargo ship.', 'camera')).toContain('drone flyover');
  });
  it('a drone that is the subject is not a camera move', () => {
    const { checklist } = analyzePrompt('A delivery drone hovers above a suburban backyard.');
    expect(checklist.camera.present).toBe(false);
    expect(checklist.audio.present).toBe(false);
    expect(checklist.subject.present).toBe(true);
  });
  it('a bass drone is sound', () => {
    expect(evidence('A low bass drone under a slow push-in.', 'audio')).toEqual(expect.arrayContaining(['drone']));
  });
});

describe('"second": an ordinal is not a duration', () => {
  it.each(['The second time the ball bounces, the dog catches it.', 'A man on the second floor waves.', 'A second cup of coffee.'])('%s', (prompt) => {
    expect(evidence(prompt, 'format')).toEqual([]);
  });
  it.each([
    ['A dog runs, 8 seconds.', '8 seconds'],
    ['An 8-second loop.', '8-second'],
    ['6 s, vertical.', '6 s'],
    ['8s, 16:9.', '8s'],
    ['A ten-second spot.', 'ten-second'],
  ])('%s', (prompt, word) => expect(evidence(prompt, 'format')).toContain(word));
  it('decades and action timing are not durations', () => {
    expect(evidence('A diner in the 80s, neon signs.', 'format')).toEqual([]);
    expect(evidence('A 1990s bedroom.', 'format')).toEqual([]);
    expect(evidence('Two seconds later the glass shatters.', 'format')).toEqual([]);
  });
  it('a resolution written as width x height is a format', () => {
    expect(evidence('A detective in an office, 1920x1080.', 'format')).toEqual(['1920x1080']);
  });
  it('slow motion is not a format, and a clock time is not an aspect ratio', () => {
    expect(evidence('Slow-motion close-up of a hummingbird.', 'format')).toEqual([]);
    expect(evidence('A watch face showing 10:10.', 'format')).toEqual([]);
  });
});

describe('"light": lighting only when it is light', () => {
  it.each([
    'A light breeze ruffles the curtains.',
    'The screen lights up with a message.',
    'A jogger in a light jacket.',
    'Light blue ceramic mugs on a shelf.',
    'A light dusting of snow on the rooftops.',
  ])('not lighting: %s', (prompt) => expect(evidence(prompt, 'lighting')).toEqual([]));
  it.each([
    ['Soft light falls across the table.', 'light'],
    ['Warm morning light through the window.', 'light'],
    ['A room lit by a single candle.', 'lit'],
  ])('lighting: %s', (prompt, word) => expect(evidence(prompt, 'lighting')).toContain(word));
  it('"light blue" is a colour', () => {
    expect(evidence('Light blue ceramic mugs on a shelf.', 'detail')).toEqual(expect.arrayContaining(['blue', 'ceramic']));
  });
});

describe('sound-like words used for something else', () => {
  it.each([
    'Safe and sound, a toddler sleeps in a crib.',
    'An audio engineer adjusts faders in a recording studio.',
    'A grilled sea bass on a plate.',
    'Red bell peppers on a cutting board.',
    'A woman in a diamond ring smiles.',
  ])('%s', (prompt) => expect(evidence(prompt, 'audio')).toEqual([]));
  it('explicit silence and negated music still give audio direction', () => {
    expect(evidence('Snow on an empty street, complete silence.', 'audio')).toEqual(['silence']);
    expect(evidence('No music, only a faint crackle.', 'audio')).toEqual(['music', 'crackle']);
  });
});

describe('colour words inside names are not detail', () => {
  it.each(['A golden retriever runs along a beach.', 'A red fox in the snow.', 'A pine forest at dawn.', 'Golden hour over the bay.', 'Drinks at the Golden Gate Bridge.'])('%s', (prompt) => {
    expect(evidence(prompt, 'detail')).toEqual([]);
  });
  it('a colour that describes something is detail', () => {
    expect(evidence('A golden crown on a velvet pillow.', 'detail')).toEqual(['golden', 'velvet']);
  });
});

describe('camera: framing, speed and subject motion are not camera moves', () => {
  it.each([
    'Close-up of a chef, wide shot, overhead shot.',
    'Time-lapse of clouds over a mountain range.',
    'Slow-motion close-up of a splash.',
    'The product spins on a turntable.',
    'A parrot tilts its head.',
    'Tilt-shift shot of a busy intersection.',
    'A girl pulls back her hair.',
    'A construction crane lifts steel beams.',
    'A businessman on a Zoom call.',
    'A woman speaks to the camera.',
  ])('%s', (prompt) => expect(evidence(prompt, 'camera')).toEqual([]));
  it.each([
    ['Static locked-off wide shot.', 'locked-off'],
    ['The camera stays perfectly still.', 'still'],
    ['Pull back from the bouquet to reveal the party.', 'Pull back'],
    ['Camera cranes up over the crowd.', 'cranes'],
    ['Tripod-mounted shot of a waterfall.', 'Tripod-mounted'],
  ])('%s', (prompt, word) => expect(evidence(prompt, 'camera')).toContain(word));
});

describe('subject needs a subject and a setting', () => {
  it('a described town is a landscape; a bare city is not', () => {
    expect(evidence('Aerial establishing shot of a coastal town.', 'subject')).toContain('town');
    expect(evidence('Footage of a city.', 'subject')).toEqual([]);
  });
  it.each(['A cool video of a car.', 'Show the product.', 'Cinematic shot of a city.', 'A cat watches a bird through the window.'])('no: %s', (prompt) => {
    expect(evidence(prompt, 'subject')).toEqual([]);
  });
  it.each([
    ['A barista in a sunlit Brooklyn café.', ['barista', 'Brooklyn', 'café']],
    ['Drone shot over a misty pine forest.', ['pine', 'forest']],
    ['A surfer rides a wave off the coast of Portugal.', ['surfer', 'coast', 'Portugal']],
    ['Sneakers on a concrete floor in Havana.', ['Sneakers', 'floor', 'Havana']],
    ['Studio shot of a perfume bottle.', ['Studio', 'perfume']],
  ])('yes: %s', (prompt, words) => expect(evidence(prompt, 'subject')).toEqual(words));
});
