/**
 * Audio direction (LABELS.md): sound to hear or to avoid — music, dialogue, voice-over, sound
 * effects, ambient sound, or explicit silence. Not sound-like words used for something else
 * ("safe and sound", "running track", an "audio engineer").
 */
import type { Cue } from '../cues';
import { nouns, verbs } from './inflect';
import {
  AMBIENCE_AUDIO_CONTEXT, AUDIO_NOT_AFTER, BASS_CONTEXT_AFTER, BASS_CONTEXT_BEFORE, BEAT_CONTEXT, BEAT_VERBS, DETERMINERS, DRONE_SOUND_WORDS,
  GENRE_CONTEXT, GENRE_VERBS, MUSIC_NOUNS, MUSIC_TRACK_CONTEXT, MUSIC_TRACK_VERBS, SCORE_CONTEXT, SCORE_VERBS, SOUND_ADJ_NOT,
  SOUND_ADJECTIVES, WRITTEN_THINGS,
} from './words';

const INSTRUMENTS = [
  'piano', 'pianos', 'guitar', 'guitars', 'violin', 'violins', 'cello', 'cellos', 'drums', 'drum', 'saxophone', 'sax', 'trumpet', 'trumpets',
  'flute', 'flutes', 'harp', 'ukulele', 'banjo', 'synth', 'synths', 'synthesizer', 'synthesizers', 'organ', 'accordion', 'bagpipes',
  'marimba', 'xylophone', 'harmonica', 'strings', 'horns', 'brass', 'percussion', 'bass', 'kalimba', 'sitar', 'koto', 'mandolin',
  'glockenspiel', 'celesta', 'timpani', 'clarinet', 'oboe', 'bassoon', 'trombone', 'tuba', 'viola', 'fiddle', 'handpan', 'steel drums',
];

const GENRES = [
  'jazz', 'hip hop', 'lo fi', 'techno', 'edm', 'rock', 'pop', 'classical', 'reggae', 'funk', 'blues', 'folk', 'country', 'punk', 'metal',
  'disco', 'trap', 'dubstep', 'rap', 'gospel', 'opera', 'synthwave', 'chillwave', 'r&b', 'soul', 'bossa nova', 'flamenco', 'salsa',
  'synth pop', 'synthpop', 'electro', 'city pop', 'dream pop', 'shoegaze', 'grunge', 'emo', 'ska', 'hardstyle', 'vaporwave', 'phonk', 'house', 'trance', 'ambient', 'indie', 'orchestral', 'electronic', 'acoustic', 'instrumental', 'k pop', 'afrobeat', 'reggaeton',
  'motown', 'swing', 'bebop', 'ragtime', 'baroque', 'bluegrass', 'downtempo', 'drum and bass',
];

export const AUDIO_CUES: readonly Cue[] = [
  {
    tag: 'audio:music',
    terms: [
      'music', 'soundtrack', 'soundtracks', ...nouns('song', 'melody', 'jingle', 'anthem', 'ballad', 'lullaby', 'hymn', 'symphony', 'choir',
        'orchestra', 'quartet', 'chorus', 'underscore', 'riff', 'bassline', 'crescendo', 'refrain', 'serenade', 'waltz', 'tango', 'aria', 'chant'),
      'symphonic', 'string quartet', 'string section', 'string orchestra', 'synth pad', 'synth pads', 'smooth jazz', 'musical score',
      'film score', 'needle drop', 'playlist', 'music box', 'singer', 'singers', 'vocals', 'a cappella', 'chiptune', 'beatboxing',
    ],
    unless: [{ after: ['video', 'videos', 'stand', 'sheet', 'sheets', 'teacher', 'class', 'lesson', 'store', 'shop', 'festival', 'hall'] }],
  },
  { tag: 'audio:music', terms: ['tune', 'tunes'], unless: [{ after: DETERMINERS }, { before: ['fine', 'to'] }] },
  { tag: 'audio:music', terms: ['score'], need: [{ before: SCORE_CONTEXT, within: 2 }, { after: SCORE_VERBS }] },
  { tag: 'audio:music', terms: ['track', 'tracks'], need: [{ before: MUSIC_TRACK_CONTEXT, within: 3 }, { after: MUSIC_TRACK_VERBS, within: 2 }] },
  { tag: 'audio:music', terms: ['beat', 'beats'], need: [{ before: BEAT_CONTEXT, within: 2 }, { after: BEAT_VERBS }, { before: ['to', 'on'], within: 2 }] },
  { tag: 'audio:music', terms: INSTRUMENTS, need: [{ after: MUSIC_NOUNS, within: 2 }, { before: SOUND_ADJECTIVES, within: 2 }], unless: [{ before: DETERMINERS }] },
  { tag: 'audio:music', terms: GENRES, need: [{ after: GENRE_CONTEXT, within: 2 }, { before: GENRE_VERBS, within: 2 }, { before: SOUND_ADJECTIVES }] },
  { tag: 'audio:music', terms: ['radio', 'jukebox', 'speaker', 'speakers', 'record player', 'gramophone', 'boombox'], need: [{ after: ['plays', 'playing', 'blares', 'blaring', 'crackles', 'crackling', 'static', 'chatter', 'broadcast', 'announcer', 'hums', 'humming', 'blasts', 'blasting', 'pumps', 'pumping', 'spins', 'spinning'], within: 2 }] },

  {
    tag: 'audio:speech',
    terms: [
      'dialogue', 'dialog', 'dialogues', 'monologue', 'narration', 'narrator', 'voice over', 'voiceover', 'voiceovers', 'voice overs',
      ...verbs('narrate', 'speak', 'whisper', 'shout', 'yell', 'scream', 'chant', 'announce', 'exclaim', 'murmur', 'mutter', 'sing', 'hum',
        'talk', 'chat', 'converse', 'cheer', 'recite', 'rap', 'laugh', 'giggle', 'chuckle', 'sob', 'sniffle'),
      'spoke', 'spoken', 'sang', 'sung', 'speech', 'chatter', 'chattering', 'laughter', 'announcer', 'conversation', 'conversations',
      'lip sync', 'lip syncing', 'vo', 'voiced',
    ],
    unless: [{ after: ['show', 'shows', 'bubble', 'bubbles', 'lines', 'line', 'emoji', 'box'] }, { before: ['talk', 'chat'] }],
  },
  { tag: 'audio:speech', terms: ['voice', 'voices'], unless: [{ after: ['assistant', 'assistants', 'control', 'command', 'commands', 'recorder', 'memo', 'search', 'actor', 'actors', 'of', 'typing'] }] },
  { tag: 'audio:speech', terms: ['says', 'say', 'said', 'saying', 'asks', 'asking', 'replies', 'call out', 'calls out', 'calling out', 'called out', 'tells'], unless: [{ before: WRITTEN_THINGS, within: 3 }, { before: ['that', 'which'] }] },

  {
    tag: 'audio:sound',
    terms: [
      'sound effects', 'sound effect', 'sfx', 'foley', 'room tone', 'ambient tone', 'wild track', 'diegetic sound', ...nouns('noise', 'soundscape', 'audio cue'), 'noisy', 'asmr', 'sound design',
      ...verbs('hiss', 'crackle', 'clatter', 'clink', 'sizzle', 'rumble', 'howl', 'whistle', 'screech', 'squeal', 'creak', 'chirp', 'whir',
        'whoosh', 'thud', 'thump', 'beep', 'chime', 'patter', 'gurgle', 'purr', 'growl', 'croak', 'splutter', 'clang', 'clank', 'jingle',
        'rattle', 'squeak', 'honk', 'hoot', 'caw', 'quack', 'squawk', 'bleat', 'neigh', 'whine', 'whimper', 'wail', 'crunch',
        'fizz', 'sputter', 'buzz', 'whirr', 'clap', 'rev'),
      'roaring', 'roar', 'roars', 'birdsong', 'birdsongs', 'birdcall', 'birdcalls', 'ringing', 'applause', 'footsteps', 'gunshot', 'gunshots',
      'thunder', 'thundering', 'thunderclap', 'heartbeat', 'heartbeats', 'tick tock', 'ticking', 'sirens', 'siren', 'reverb', 'echo',
      'echoes', 'echoing', 'white noise', 'hubbub', 'din', 'cacophony', 'clamor', 'clamour', 'lapping water', 'lapping waves', 'barking',
      'barks', 'meowing', 'mooing', 'revving', 'clinking', 'bells', 'bell', 'church bells', 'wind chimes', 'fanfare', 'audible',
      'thwack', 'whack', 'smack', 'clunk', 'clonk', 'ping', 'pings', 'plink', 'twang', 'tinkle', 'tinkling', 'jingling', 'swish',
      'rustle', 'rustles', 'rustling', 'sizzling', 'crackling', 'creaking', 'humming', 'chirping', 'buzzing', 'whirring',
    ],
    unless: [
      { after: ['logo', 'logos', 'design', 'cut', 'art', 'pepper', 'peppers', 'jar', 'tower', 'towers', 'bottom', 'bottoms', 'boy', 'boys', 'hop', 'top', 'tops', 'culture', 'star', 'stars', 'up'] },
      { name: true },
      { before: ['tree', 'birch', 'oak', 'pine', 'diamond', 'wedding', 'engagement', 'gold', 'silver', 'onion', 'key', 'boxing', 'pop', 'k'], within: 1 },
    ],
  },
  { tag: 'audio:sound', terms: ['click', 'clicks', 'clicking', 'clack', 'clacks', 'clacking'], need: [{ before: ['key', 'keys', 'keyboard', 'mouse', 'shutter', 'camera', 'lock', 'heel', 'heels', 'tongue', 'metallic', 'soft', 'faint', 'loud', 'audible', 'rhythmic', 'satisfying', 'mechanical', 'typewriter', 'lighter', 'clock'], within: 2 }, { after: ['of'] }] },
  { tag: 'audio:sound', terms: ['breathing', 'breaths', 'breath', 'panting', 'gasps', 'gasping', 'sighs', 'wheezing'], need: [{ before: ['heavy', 'labored', 'laboured', 'ragged', 'deep', 'soft', 'quiet', 'shallow', 'her', 'his', 'their', 'audible', 'loud', 'rhythmic', 'steady', 'only', 'hoarse', 'sharp', 'faint'], within: 2 }] },
  { tag: 'audio:sound', terms: ['calling', 'calls', 'call'], need: [{ before: ['monkeys', 'birds', 'gulls', 'seagulls', 'loons', 'owls', 'owl', 'frogs', 'crickets', 'whales', 'wolves', 'geese', 'crows', 'ravens', 'doves', 'animals', 'cicadas', 'toucans', 'parrots', 'bird', 'mating', 'distant', 'bird\'s'], within: 2 }] },
  { tag: 'audio:sound', terms: ['sound', 'sounds'], unless: [{ after: SOUND_ADJ_NOT }, { name: true }, { before: ['puget', 'long'] }, { after: ['like'] }] },
  { tag: 'audio:sound', terms: ['audio'], unless: [{ after: AUDIO_NOT_AFTER }] },
  { tag: 'audio:sound', terms: ['ambience', 'ambiance'], need: [{ before: AMBIENCE_AUDIO_CONTEXT }, { after: ['sound', 'sounds', 'noise', 'track', 'audio'] }] },
  { tag: 'audio:sound', terms: ['ambient'], need: [{ after: ['noise', 'noises', 'sound', 'sounds', 'audio', 'hum', 'chatter', 'music', 'soundscape', 'track', 'crowd', 'traffic', 'room', 'tone', 'drone', 'birdsong', 'city', 'street', 'nature', 'forest', 'wind'], within: 2 }] },
  { tag: 'audio:sound', terms: ['drone', 'drones', 'droning'], need: [{ before: DRONE_SOUND_WORDS, within: 2 }, { after: ['of', 'hums', 'humming', 'underneath', 'beneath', 'throbs', 'swells', 'builds', 'underscore', 'score', 'music', 'soundtrack'] }] },
  { tag: 'audio:sound', terms: ['bass'], need: [{ after: BASS_CONTEXT_AFTER }, { before: BASS_CONTEXT_BEFORE }] },
  { tag: 'audio:sound', terms: ['boom', 'booms', 'booming'], unless: [{ after: ['up', 'down', 'shot', 'mic', 'microphone', 'operator', 'pole', 'arm', 'lift', 'gate', 'box', 'town', 'times'] }, { before: ['baby', 'tech', 'economic', 'housing', 'population', 'camera'] }] },
  { tag: 'audio:sound', terms: ['static'], need: [{ before: ['radio', 'tv', 'television', 'walkie', 'crackling', 'hissing', 'white'] }, { after: ['crackle', 'crackles', 'crackling', 'hiss', 'hisses', 'hissing', 'hum', 'buzz', 'noise', 'fills', 'interference'] }] },
  { tag: 'audio:sound', terms: ['horn', 'horns'], need: [{ before: ['car', 'cars', 'truck', 'ship', 'fog', 'air', 'blaring', 'honking', 'distant', 'taxi', 'bus', 'train', 'boat', 'tugboat'] }, { after: ['blare', 'blares', 'blaring', 'honk', 'honks', 'honking', 'blast', 'blasts', 'sound', 'sounds'] }] },
  { tag: 'audio:sound', terms: ['crash', 'crashes', 'splash', 'bang', 'explosion'], need: [{ before: ['loud', 'deafening', 'distant', 'audible', 'sudden', 'thunderous', 'muffled'] }, { after: ['echoes', 'echoing', 'rings', 'sound'] }] },

  {
    tag: 'audio:silence',
    terms: [
      'silent', 'silence', 'no sound', 'no audio', 'without sound', 'without audio', 'muted audio', 'audio muted', 'on mute',
      'no noise', 'soundless', 'sound off', 'audio off', 'dead silence', 'hushed', 'noiseless',
    ],
    unless: [{ after: ['film', 'films', 'movie', 'movies', 'auction', 'disco', 'partner', 'treatment', 'letter', 'reading', 'night', 'prayer'] }],
  },

  {
    tag: 'not:audio',
    terms: [
      'safe and sound', 'sound asleep', 'sound sleep', 'sound advice', 'sound mind', 'sound judgment', 'sound investment', 'running track',
      'race track', ...nouns('train track', 'tire track', 'tyre track', 'dirt track', 'railroad track', 'railway track', 'cinder track', 'track suit', 'track meet', 'track star', 'track athlete'),
      'on track', 'track record', 'track and field', 'fast track', 'sea bass', 'striped bass', 'bass fishing', 'bass boat', 'largemouth bass',
      ...nouns('bell pepper', 'bell jar', 'bell tower', 'bell bottom', 'bell boy'), 'buzz cut', 'roaring fire', 'roaring twenties',
      'beat up', 'beaten up', 'final score', 'high score', 'score board', 'swoosh logo', 'audio engineer', 'sound engineer', 'tree bark',
      'dog tag', 'heart rate', 'ring light', 'ring lights', 'boxing ring', 'onion rings', 'key ring', 'pop up', 'pop art', 'pop corn',
      'pop of color', 'pop of colour', 'pops of color', 'pops of colour', 'snap shot', 'clap board', 'hum drum', 'flash pop', 'drum roll',
      'in the drum', 'shot glass', 'sound stage', 'soundstage', 'sound booth', 'sound bar', 'soundbar', 'ring finger', 'wedding ring',
    ],
  },
];
