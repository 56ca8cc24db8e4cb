/**
 * Camera motion (LABELS.md): how the camera moves, or that it is explicitly still. Framing
 * alone, time-lapse, slow motion and the subject moving do not count.
 */
import type { Cue } from '../cues';
import { nouns, verbs } from './inflect';
import {
  CAMERA_MODIFIERS, CAMERA_SUBJECTS, DETERMINERS, HANDHELD_PRODUCTS, PAN_DIRECTIONS, POSSESSIVES, SHOT_NOUNS, VERTICAL_DIRECTIONS,
} from './words';

/** A verb that is a camera move when the camera (or "we") does it: "the camera glides through". */
const MOTION_VERBS = [
  ...verbs('move', 'glide', 'drift', 'float', 'rise', 'descend', 'swoop', 'travel', 'creep', 'approach', 'rotate', 'roll', 'weave',
    'shake', 'hover', 'slide', 'dive', 'climb', 'lift', 'lower', 'retreat', 'recede', 'race', 'rush', 'sail', 'skim', 'soar', 'wander',
    'roam', 'push', 'pull', 'pan', 'tilt', 'track', 'follow', 'orbit', 'circle', 'arc', 'crane', 'boom', 'dolly', 'zoom', 'sweep',
    'lean', 'turn', 'swing', 'snake', 'bob', 'sway', 'jostle', 'jerk', 'shift', 'drop', 'dip', 'plunge', 'ascend',
    'advance', 'back', 'ease', 'inch', 'cruise', 'tail', 'chase', 'trail', 'spin', 'fly', 'whip', 'reveal', 'tighten', 'widen'),
  'rose', 'risen', 'flew', 'flies', 'flown', 'crept', 'spun', 'swept', 'swung', 'slid', 'dove',
];

const CAMERA_SUBJECT_BEFORE = { before: CAMERA_SUBJECTS, within: 3 } as const;
const MODIFIER_BEFORE = { before: CAMERA_MODIFIERS, within: 1 } as const;

export const CAMERA_CUES: readonly Cue[] = [
  // Moves whose name only ever means a camera move.
  {
    tag: 'camera:move',
    terms: [
      ...verbs('dolly'), 'dolly in', 'dolly out', 'dolly shot', 'dolly zoom', 'whip pan', 'whip pans', 'swish pan', 'whip-pan', 'steadicam',
      'hand held', 'shaky cam', 'shakycam', 'tracking shot', 'tracking shots', 'follow shot', 'following shot', 'follow cam', 'chase cam',
      'orbit shot', 'orbiting shot', 'orbital shot', 'arc shot', 'arcing shot', 'crane shot', 'crane shots', 'jib shot', 'jib', 'boom shot',
      'drone shot', 'drone shots', 'drone footage', 'drone flyover', 'drone camera', 'drone cam', 'drone view', 'drone pov', 'drone tracking',
      'drone video', 'drone perspective', 'drone fly through', 'fpv', 'flyover', 'flyovers', 'flythrough', 'fly through shot', 'pullback',
      'pull back shot', 'push in shot', 'crash zoom', 'snap zoom', 'zoom in', 'zoom out', 'zooms in', 'zooms out', 'zooming in',
      'zooming out', 'panning', 'panning shot', 'trucking shot', 'trucking', 'truck left', 'truck right', 'trucks left', 'trucks right',
      'pedestal up', 'pedestal down', 'boom up', 'boom down', 'booms up', 'booms down', 'moving camera', 'moving shot', 'camera movement',
      'camera motion', 'camera move', 'camera moves', 'slider shot', 'gimbal shot', 'rotating camera', 'spinning camera', 'roving camera',
      'traveling shot', 'travelling shot', 'reverse tracking', 'aerial tracking', 'aerial orbit', 'aerial flyover', 'flying camera',
      'point of view following', 'chase shot', 'drone chase', 'fpv chase', 'chase camera', 'helicopter shot', 'heli shot', 'helicopter footage', 'slider move', 'slider shot', 'cable cam', 'cablecam',
      'snorricam', 'dolly track', 'rack focus pull',
    ],
  },
  { tag: 'camera:move', terms: ['handheld'], unless: [{ after: HANDHELD_PRODUCTS }] },
  { tag: 'camera:move', terms: ['gimbal'], need: [{ before: ['on', 'a', 'smooth'] }, { after: ['shot', 'move', 'movement', 'follow', 'tracking'] }] },
  // "push in", "pull back": a camera move when the camera does it, when it opens an instruction, or hyphenated.
  {
    tag: 'camera:move',
    terms: [...verbs('push in', 'push into', 'push toward', 'push towards', 'push forward', 'pull back', 'pull out', 'pull away', 'move in', 'creep in', 'ease in')],
    need: [{ hyphenated: true }, { clauseStart: true }, CAMERA_SUBJECT_BEFORE, { before: CAMERA_MODIFIERS, within: 2 }, { before: ['shot', 'shots', 'footage', 'drone', 'helicopter'], within: 2 }],
  },
  {
    tag: 'camera:move',
    terms: ['zoom', 'zooms', 'zoomed', 'zooming'],
    unless: [{ after: ['lens', 'lenses', 'call', 'calls', 'meeting', 'meetings', 'link', 'background', 'room'] }, { name: true }],
  },
  // "pan": a camera move ("slow pan right", "camera pans"), not cookware ("a pan sizzles", "sizzling pans").
  {
    tag: 'camera:move',
    terms: ['pan', 'pans', 'panned'],
    need: [CAMERA_SUBJECT_BEFORE, MODIFIER_BEFORE, { after: PAN_DIRECTIONS }],
    unless: [{ before: [...DETERMINERS, 'and', 'frying', 'sauce', 'cake', 'baking', 'sheet', 'roasting', 'hot', 'iron', 'pie', 'loaf', 'dust', 'grill', 'paella', 'wok', 'sizzling', 'greased', 'oiled', 'empty', 'heavy', 'steel', 'copper', 'nonstick', 'stick'] }],
  },
  {
    tag: 'camera:move',
    terms: ['tilt', 'tilts', 'tilted', 'tilting'],
    need: [CAMERA_SUBJECT_BEFORE, { after: VERTICAL_DIRECTIONS }, MODIFIER_BEFORE, { after: ['shot'] }],
    unless: [{ after: POSSESSIVES }, { before: ['head', 'dutch'] }, { after: ['shift'] }],
  },
  {
    tag: 'camera:move',
    terms: ['tracking', 'tracked'],
    unless: [
      { before: ['fitness', 'sleep', 'activity', 'eye', 'package', 'parcel', 'order', 'gps', 'satellite', 'face', 'motion', 'location', 'habit', 'expense', 'time', 'budget', 'heart', 'rate'] },
      { after: ['device', 'devices', 'app', 'number', 'data', 'system', 'code', 'collar', 'tag', 'tags', 'chip', 'software', 'feature', 'bracelet', 'band'] },
    ],
  },
  {
    tag: 'camera:move',
    terms: ['track', 'tracks'],
    need: [CAMERA_SUBJECT_BEFORE, { after: ['left', 'right', 'alongside', 'backward', 'backwards', 'forward', 'sideways', 'laterally', 'with', 'behind', 'beside'] }],
    unless: [{ before: DETERMINERS }],
  },
  {
    tag: 'camera:move',
    terms: ['crane', 'cranes', 'craning', 'craned'],
    need: [{ after: ['shot', 'shots', 'up', 'down', 'upward', 'downward', 'over', 'move', 'movement', 'rises', 'rising', 'descends', 'reveal'] }, CAMERA_SUBJECT_BEFORE, MODIFIER_BEFORE],
    unless: [{ before: ['construction', 'paper', 'origami', 'tower', 'gantry', 'harbor', 'harbour', 'port', 'dock', 'sandhill', 'whooping', 'cargo', 'container', 'loading', 'neck'], within: 2 }],
  },
  {
    tag: 'camera:move',
    terms: ['orbit', 'orbits', 'orbited', 'orbiting'],
    need: [CAMERA_SUBJECT_BEFORE, { after: ['shot', 'shots', 'move', 'movement', 'around', 'camera', 'left', 'right'] }, MODIFIER_BEFORE, { before: ['360', '180', 'degree', 'full', 'half', 'slow', 'steadicam', 'drone', 'gimbal'], within: 2 }],
    unless: [{ before: ['in', 'into', 'lunar', 'earth', 'low', 'planetary', 'satellite', 'moon', 'elliptical'] }],
  },
  { tag: 'camera:move', terms: ['arc', 'arcs', 'arcing', 'arced'], need: [{ after: ['shot', 'around', 'left', 'right', 'move'] }, CAMERA_SUBJECT_BEFORE, MODIFIER_BEFORE], unless: [{ before: ['rainbow', 'electric', 'story', 'narrative'] }, { after: ['of'] }] },
  { tag: 'camera:move', terms: ['circle', 'circles', 'circling', 'circled'], need: [CAMERA_SUBJECT_BEFORE, { after: ['shot'] }, { before: ['steadicam', 'drone', 'slow', 'sweeping', 'gimbal', 'handheld', 'camera', 'orbiting'], within: 2 }] },
  { tag: 'camera:move', terms: ['sweep', 'sweeps', 'sweeping', 'swept'], need: [CAMERA_SUBJECT_BEFORE, { after: ['shot', 'pan', 'crane', 'aerial', 'move', 'camera', 'steadicam', 'drone', 'tracking', 'dolly', 'orbit', 'arc'] }, { before: ['shot', 'drone', 'pan', 'crane'], within: 2 }] },
  { tag: 'camera:move', terms: verbs('follow'), need: [CAMERA_SUBJECT_BEFORE, { after: ['shot', 'cam', 'camera'] }, { before: ['handheld', 'steadicam', 'gimbal', 'drone', 'tracking', 'pov', 'slow', 'close', 'shot', 'camera', 'footage', 'aerial', 'fpv'], within: 2 }] },
  { tag: 'camera:move', terms: ['pov', 'point of view'], need: [{ after: ['following', 'walking', 'running', 'moving', 'flying', 'riding', 'cycling', 'skiing', 'driving', 'tracking', 'through', 'gliding', 'racing', 'diving', 'climbing', 'skating', 'descending', 'swooping', 'pushing'], within: 3 }] },
  { tag: 'camera:move', terms: ['fly through', 'fly over'], need: [{ hyphenated: true }, { clauseStart: true }, { before: ['drone', 'fpv', 'slow', 'camera', 'aerial', 'cinematic'], within: 2 }] },
  // A move named as a direction of its own: ", slow drift forward," — the clause is the camera's.
  {
    tag: 'camera:move',
    terms: ['slow', 'gentle', 'smooth', 'steady', 'subtle', 'gradual', 'quick', 'fast', 'continuous', 'graceful', 'sweeping'].flatMap((m) =>
      ['drift', 'glide', 'push', 'creep', 'rise', 'descent', 'descend', 'move', 'movement', 'float', 'sweep', 'slide', 'climb', 'fly', 'pull', 'spiral'].map((v) => `${m} ${v}`)),
    need: [{ clauseStart: true }],
  },
  { tag: 'camera:move', terms: ['slider'], need: [{ after: ['move', 'shot', 'from', 'left', 'right', 'in', 'out', 'across', 'along', 'past'] }, { before: ['camera', 'slow', 'macro', 'motorized', 'on', 'a'] }] },
  // "Drone descends into…": a drone with no article, opening its clause, is the camera.
  { tag: 'camera:move', terms: MOTION_VERBS.map((v) => `drone ${v}`), need: [{ clauseStart: true }] },
  // Any motion verb the camera itself does.
  { tag: 'camera:move', terms: MOTION_VERBS, need: [CAMERA_SUBJECT_BEFORE] },

  // Explicit stillness.
  {
    tag: 'camera:still',
    terms: [
      'locked off', 'lock off', 'locked down', 'lockoff', 'locked shot', 'locked camera', 'locked frame', 'no camera movement', 'no camera motion',
      'no camera moves', 'without camera movement', 'static camera', 'static shot', 'fixed camera', 'still camera', 'stationary camera',
      'tripod shot', 'tripod mounted', 'on a tripod', 'from a tripod', 'locked tripod', 'static frame', 'static framing',
    ],
  },
  {
    tag: 'camera:still',
    terms: ['static'],
    need: [{ after: SHOT_NOUNS, within: 3 }, CAMERA_SUBJECT_BEFORE, { clauseAlone: true }],
    unless: [{ after: ['electricity', 'charge', 'noise', 'crackle', 'crackles', 'crackling', 'hiss', 'hissing', 'interference', 'shock', 'buzz', 'fills', 'on'] }, { before: ['radio', 'tv', 'television', 'white'] }],
  },
  { tag: 'camera:still', terms: ['still', 'motionless', 'unmoving', 'immobile', 'stationary', 'steady', 'stable', 'fixed', 'static'], need: [{ before: CAMERA_SUBJECTS, within: 4 }] },
  // The camera staying put: "the camera holds on her face", "camera remains static".
  { tag: 'camera:still', terms: [...verbs('stay', 'remain', 'hold', 'settle', 'rest', 'freeze', 'pause', 'linger'), 'held'], need: [CAMERA_SUBJECT_BEFORE] },
  { tag: 'camera:still', terms: ['fixed', 'stationary', 'steady', 'locked'], need: [{ after: ['camera', 'shot', 'frame', 'angle', 'position', 'tripod', 'wide', 'close', 'framing', 'composition'], within: 2 }] },
  { tag: 'camera:still', terms: ['locked off', 'locked', 'stationary', 'fixed', 'still'], need: [{ clauseAlone: true }] },
  { tag: 'camera:still', terms: ['tripod'], need: [{ before: ['on', 'from', 'off'], within: 2 }, { after: ['shot', 'shots', 'mounted', 'mount', 'camera', 'cam', 'locked', 'static'] }] },
  { tag: 'camera:still', terms: ["doesn't move", 'does not move', 'never moves', 'not moving', "isn't moving", 'not move', 'no movement', 'no motion', 'stays put', 'holds still', 'holds steady', 'remains still'], need: [{ before: CAMERA_SUBJECTS, within: 3 }, { before: ['static', 'locked', 'fixed'], within: 4 }] },

  // Look-alikes: cookware, lenses, sport, framing.
  {
    tag: 'not:camera',
    terms: [
      'frying pan', 'sauce pan', 'cake pan', 'baking pan', 'sheet pan', 'roasting pan', 'pots and pans', 'pan fried', 'pan seared', 'dust pan',
      'pie pan', 'peter pan', 'tilt shift', 'dutch tilt', 'dutch angle', 'running track', 'race track', ...nouns('train track', 'tire track', 'tyre track', 'railroad track', 'railway track', 'animal track', 'paw track', 'dirt track', 'cinder track'),
      'shot glass', 'jump shot', 'mug shot', 'flu shot', 'slow motion', 'crane fly', 'paper crane', 'follow up', 'follow through', 'camera phone',
      'zoom lens', 'tracking number', 'time lapse',
    ],
  },
];
