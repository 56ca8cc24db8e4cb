/**
 * Word lists the cues' context conditions refer to. Data only: each list says what a word
 * next to a cue tells us about the cue's sense ("camera" before "pans" makes it a camera move;
 * "frying" before "pan" makes it cookware).
 */

export const DETERMINERS = ['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'my', 'your', 'our', 'one', 'two', 'three', 'some', 'each', 'every', 'another', 'any'] as const;
export const POSSESSIVES = ['its', 'his', 'her', 'their', 'my', 'your', 'our'] as const;
export const PRONOUNS = ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'him', 'them', 'us', 'me', 'who'] as const;

const PREPOSITIONS = ['of', 'in', 'on', 'at', 'to', 'from', 'with', 'by', 'for', 'into', 'onto', 'over', 'under', 'through', 'across', 'along', 'around', 'behind', 'beside', 'between', 'near', 'above', 'below', 'beneath', 'inside', 'outside', 'against', 'toward', 'towards', 'past', 'up', 'down', 'off', 'out', 'as', 'like', 'upon', 'within', 'without', 'amid', 'among', 'atop'] as const;
const CONJUNCTIONS = ['and', 'or', 'but', 'then', 'while', 'so', 'yet', 'nor', 'than', 'because', 'until', 'when', 'where', 'which', 'that', 'whose', 'if'] as const;
const AUXILIARIES = ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', "it's", "doesn't", "don't", "isn't", "aren't", 'not', 'no'] as const;

/** Words that never carry content: a cue "modifies" something only if a non-function word follows. */
export const FUNCTION_WORDS = [...DETERMINERS, ...PRONOUNS, ...PREPOSITIONS, ...CONJUNCTIONS, ...AUXILIARIES] as const;

/** Who or what can be the subject of a camera move ("the camera pans", "we follow her"). */
export const CAMERA_SUBJECTS = ['camera', 'cam', 'cameras', 'lens', 'we', 'pov', 'gimbal', 'steadicam', 'viewpoint'] as const;
/** Words that make an ambiguous motion word a camera move when written just before it ("slow pan"). */
export const CAMERA_MODIFIERS = ['slow', 'slowly', 'quick', 'quickly', 'fast', 'whip', 'swish', 'smooth', 'smoothly', 'gentle', 'gently', 'steady', 'steadily', 'gradual', 'gradually', 'subtle', 'subtly', 'sweeping', 'lateral', 'horizontal', 'continuous', 'snap', 'sudden', 'rapid', 'slight', 'long', 'full', 'half', 'aerial', 'degree', '360', '180', '90', 'camera', 'final', 'opening', 'reverse', 'circular', 'wide', 'low', 'high', 'dramatic'] as const;
export const PAN_DIRECTIONS = ['left', 'right', 'across', 'over', 'around', 'along', 'through', 'to', 'toward', 'towards', 'past', 'up', 'down', 'sideways', 'from', 'between', 'back'] as const;
export const VERTICAL_DIRECTIONS = ['up', 'down', 'upward', 'upwards', 'downward', 'downwards'] as const;
/** Nouns naming a shot: "static … shot", "fixed camera". */
export const SHOT_NOUNS = ['shot', 'shots', 'camera', 'cam', 'frame', 'framing', 'angle', 'composition', 'take', 'view', 'close', 'wide', 'shooting', 'footage', 'tableau', 'lens'] as const;
/** Devices called "handheld" that are products, not a camera technique. */
export const HANDHELD_PRODUCTS = ['device', 'devices', 'console', 'fan', 'vacuum', 'mirror', 'game', 'gaming', 'blender', 'scanner', 'radio', 'computer', 'mixer', 'steamer', 'massager', 'gadget', 'torch', 'flashlight', 'controller', 'tool', 'shower', 'showerhead', 'sprayer', 'microphone', 'mic'] as const;
export const DRONE_SOUND_WORDS = ['tense', 'menacing', 'haunting', 'brooding', 'cello', 'synth', 'bass', 'low', 'deep', 'ambient', 'synth', 'electronic', 'eerie', 'dark', 'ominous', 'steady', 'sustained', 'humming', 'droning', 'constant', 'distant', 'faint', 'monotone', 'soft'] as const;

/** Nouns a word modifies when it means "little" or "pale", not lighting ("a light breeze"). */
export const LIGHT_NOT_LIGHTING = ['breeze', 'wind', 'winds', 'rain', 'drizzle', 'snow', 'snowfall', 'jacket', 'coat', 'sweater', 'dress', 'shirt', 'fabric', 'layer', 'layers', 'touch', 'weight', 'meal', 'snack', 'lunch', 'salad', 'load', 'step', 'steps', 'footsteps', 'jog', 'workout', 'exercise', 'stretch', 'stretching', 'sleeper', 'year', 'years', 'traffic', 'reading', 'read', 'hearted', 'headed', 'weighted', 'fog', 'mist', 'dusting', 'sprinkle', 'sprinkling', 'makeup', 'skin', 'tap', 'kiss', 'smile', 'laugh', 'chatter', 'music', 'jazz', 'beer', 'cream', 'rail', 'aircraft', 'sabers', 'saber', 'sabre', 'show', 'switch', 'switches', 'bulb', 'bulbs', 'fixture', 'fixtures', 'pole', 'poles'] as const;
export const NIGHT_COMPOUNDS = ['market', 'markets', 'club', 'clubs', 'shift', 'shifts', 'owl', 'owls', 'life', 'stand', 'stands', 'school', 'vision', 'mode', 'cream', 'train', 'bus', 'out', 'before', 'guard', 'watchman', 'shirt', 'gown', 'cap', 'time'] as const;
export const SUN_NOT_LIGHT = ['icon', 'icons', 'hat', 'hats', 'cream', 'glasses', 'lounger', 'loungers', 'deck', 'roof', 'dial', 'visor', 'dress', 'screen', 'block', 'bed', 'beds', 'chair', 'chairs', 'umbrella', 'logo', 'symbol', 'sticker', 'tattoo', 'emoji'] as const;
/** Colours and looks that make "tones", "palette" or "grade" a statement about the image's mood. */
export const TONE_MODIFIERS = ['warm', 'cool', 'cold', 'muted', 'desaturated', 'saturated', 'pastel', 'moody', 'earthy', 'golden', 'blue', 'teal', 'orange', 'amber', 'sepia', 'neutral', 'dark', 'bright', 'vivid', 'washed', 'faded', 'monochrome', 'green', 'red', 'pink', 'purple', 'grey', 'gray', 'soft', 'rich', 'deep', 'icy', 'cinematic', 'natural', 'high', 'low', 'film'] as const;
export const MOOD_NOUNS = ['mood', 'atmosphere', 'ambience', 'ambiance', 'feel', 'feeling', 'vibe', 'vibes', 'tone', 'energy', 'air', 'aura'] as const;
export const SKY_WORDS = ['sky', 'skies', 'clouds', 'cloudscape', 'lighting', 'light', 'shadows', 'sunset', 'sunrise', 'storm', 'backlight', 'contrast', 'glow'] as const;

/** Nouns that make an instrument or genre word a sound to hear ("piano score", "jazz track"). */
export const MUSIC_NOUNS = ['glissando', 'flourish', 'trill', 'strum', 'stab', 'stabs', 'fanfare', 'music', 'score', 'melody', 'melodies', 'tune', 'tunes', 'riff', 'riffs', 'solo', 'chords', 'chord', 'notes', 'note', 'loop', 'track', 'tracks', 'ballad', 'accompaniment', 'soundtrack', 'playing', 'plays', 'strums', 'strumming', 'intro', 'line', 'arpeggio', 'arpeggios', 'cover', 'piece', 'motif', 'sting', 'song', 'songs', 'beat', 'beats', 'band', 'trio', 'quartet', 'ensemble', 'playlist', 'station', 'vibes', 'groove', 'rhythm', 'theme', 'jingle', 'hum', 'crescendo', 'swell', 'swells', 'drone', 'pad', 'pads', 'bassline', 'vocals', 'cue', 'lullaby', 'anthem', 'sounds', 'sound'] as const;
/** Adjectives that describe how something sounds, before an instrument ("soft piano"). */
export const SOUND_ADJECTIVES = ['soft', 'gentle', 'quiet', 'loud', 'playful', 'melancholic', 'melancholy', 'upbeat', 'distant', 'solo', 'lone', 'mellow', 'haunting', 'sparse', 'tinkling', 'twangy', 'strumming', 'swelling', 'soaring', 'delicate', 'jaunty', 'plucked', 'live', 'brushed', 'pounding', 'booming', 'thumping', 'driving', 'pulsing', 'faint', 'dreamy', 'lilting', 'wistful', 'funky', 'slow', 'fast', 'tense', 'eerie', 'ominous', 'somber', 'sombre', 'cheerful', 'joyful', 'romantic', 'nostalgic', 'dramatic', 'epic', 'minimal', 'ambient', 'acoustic', 'electric', 'distorted', 'reverb', 'heavy', 'warm', 'bright', 'rising', 'building', 'light', 'lively', 'bouncy', 'jazzy', 'bluesy', 'plinking'] as const;
export const SCORE_CONTEXT = ['film', 'orchestral', 'cinematic', 'musical', 'original', 'background', 'swelling', 'epic', 'dramatic', 'minimalist', 'minimal', 'ambient', 'electronic', 'synth', 'string', 'strings', 'piano', 'guitar', 'soft', 'gentle', 'playful', 'tense', 'hopeful', 'uplifting', 'sweeping', 'haunting', 'melancholic', 'melancholy', 'emotional', 'moody', 'subtle', 'rousing', 'triumphant', 'jazzy', 'lush', 'sparse', 'brooding', 'percussive', 'quiet', 'whimsical', 'eerie', 'suspenseful', 'somber', 'sombre', 'upbeat', 'warm', 'dreamy', 'heroic', 'romantic', 'nostalgic', 'ominous', 'choral', 'cello', 'violin', 'bright', 'light', 'delicate', 'driving', 'pulsing', 'building', 'rising', 'thriller', 'horror', 'retro', 'lo', 'fi', 'jazz', 'folk', 'acoustic', 'music'] as const;
export const SCORE_VERBS = ['swells', 'builds', 'rises', 'plays', 'playing', 'underscores', 'fades', 'kicks', 'swelling', 'building', 'rising', 'soars', 'drops', 'crescendos'] as const;
/** Words before "track" that make it a piece of music ("jazz track", not "running track"). */
export const MUSIC_TRACK_CONTEXT = ['music', 'musical', 'audio', 'backing', 'sound', 'jazz', 'techno', 'house', 'ambient', 'electronic', 'instrumental', 'piano', 'acoustic', 'drum', 'bass', 'hip', 'hop', 'lo', 'fi', 'pop', 'rock', 'synth', 'synthwave', 'theme', 'title', 'bonus', 'catchy', 'upbeat', 'chill', 'dance', 'edm', 'trap', 'rap', 'orchestral', 'indie', 'folk', 'funk', 'disco', 'vocal', 'classical', 'country', 'reggae', 'soul', 'blues', 'punk', 'metal', 'gospel', 'chillwave', 'downtempo', 'trance', 'dubstep', 'drill', 'grime', 'r&b', 'melodic', 'moody', 'dreamy', 'mellow', 'energetic', 'driving', 'pulsing', 'guitar', 'string', 'choral', 'cinematic', 'retro', 'funky', 'jazzy', 'percussive', 'licensed', 'stock', 'royalty'] as const;
export const MUSIC_TRACK_VERBS = ['plays', 'playing', 'fades', 'builds', 'kicks', 'drops', 'swells', 'loops', 'by', 'underneath', 'underscores', 'pulses', 'thumps', 'blares', 'blaring', 'starts', 'begins'] as const;
export const BEAT_CONTEXT = ['drum', 'drums', 'hip', 'hop', 'techno', 'electronic', 'lo', 'fi', 'pulsing', 'driving', 'thumping', 'heavy', 'upbeat', 'trap', 'house', 'dance', 'funky', 'rhythmic', 'bass', 'catchy', 'punchy', 'deep', 'steady', 'tribal', 'chill', 'boom', 'bap', 'club', 'synth', 'edm', 'throbbing', 'pounding', 'minimal', 'jazzy', 'groovy', 'percussive', 'rap', 'drill', 'reggaeton'] as const;
export const BEAT_VERBS = ['drops', 'kicks', 'pulses', 'plays', 'playing', 'thumps', 'pounds', 'builds', 'drop', 'hits'] as const;
export const GENRE_CONTEXT = ['swell', 'swells', 'glissando', 'flourish', 'sting', 'stab', 'stabs', 'hit', 'hits', 'music', 'track', 'tracks', 'song', 'songs', 'beat', 'beats', 'tune', 'tunes', 'score', 'soundtrack', 'playlist', 'playing', 'plays', 'band', 'trio', 'quartet', 'ensemble', 'melody', 'radio', 'station', 'riff', 'groove', 'instrumental', 'loop', 'sting', 'jingle', 'cover', 'ballad', 'vocals', 'singer'] as const;
export const GENRE_VERBS = ['50s', '60s', '70s', '80s', '90s', 'plays', 'playing', 'blasting', 'blaring', 'light', 'live', 'soft', 'smooth', 'mellow', 'upbeat', 'chill', 'quiet', 'loud', 'soothing', 'relaxing', 'background', 'dreamy', 'funky', 'moody', 'retro'] as const;
export const BASS_CONTEXT_AFTER = ['line', 'lines', 'drop', 'drops', 'hum', 'boom', 'note', 'notes', 'thump', 'thumps', 'pulse', 'heavy', 'beat', 'beats', 'throb', 'rumble', 'groove', 'synth', 'guitar', 'music', 'tones'] as const;
export const BASS_CONTEXT_BEFORE = ['deep', 'heavy', 'thumping', 'booming', 'low', 'pulsing', 'throbbing', 'thudding', 'rumbling', 'pounding', 'sub', 'driving', 'funky', 'walking', 'distorted'] as const;
/** Things that "say" or "read" words as writing, not speech ("a sign that says OPEN"). */
export const WRITTEN_THINGS = ['sign', 'signs', 'label', 'labels', 'note', 'notes', 'screen', 'text', 'caption', 'banner', 'poster', 'card', 'shirt', 't', 'headline', 'letter', 'board', 'billboard', 'tag', 'placard', 'message', 'display', 'sticker', 'mug', 'cup', 'packaging', 'box', 'neon', 'title', 'subtitle', 'graffiti', 'chalkboard', 'menu', 'page', 'book', 'newspaper', 'tattoo', 'plate'] as const;
export const SOUND_ADJ_NOT = ['asleep', 'sleep', 'advice', 'mind', 'judgment', 'judgement', 'investment', 'decision', 'structure', 'foundation', 'logic', 'reasoning', 'footing', 'health', 'body', 'barrier', 'proof', 'proofing', 'bar', 'engineer', 'engineers', 'engineering', 'check', 'system', 'card', 'stage', 'wave', 'waves'] as const;
export const AUDIO_NOT_AFTER = ['engineer', 'engineers', 'interface', 'jack', 'cable', 'cables', 'equipment', 'mixer', 'console', 'gear', 'technician', 'book', 'books', 'player', 'port'] as const;
/** Nouns, places included, that mean "sound of a place" after them: "forest ambience". */
export const AMBIENCE_AUDIO_CONTEXT = ['audio', 'sound', 'sonic', 'crowd', 'city', 'street', 'traffic', 'nature', 'forest', 'ocean', 'room', 'cafe', 'café', 'background', 'natural', 'jungle', 'office', 'restaurant', 'bar', 'market', 'rain', 'wind', 'beach', 'night'] as const;
export const AUDIO_NOUNS_AFTER_MOOD = ['music', 'score', 'soundtrack', 'melody', 'tune', 'song', 'track', 'beat', 'piano', 'guitar', 'strings', 'synth', 'synths', 'hum', 'drone', 'voice', 'voiceover', 'narration', 'whisper', 'whispers', 'sound', 'sounds', 'soundscape', 'cello', 'violin', 'choir', 'chords', 'notes', 'chime', 'chimes', 'bells', 'jazz', 'tones'] as const;

/** Nouns a wood species names a tree by, not a material ("pine forest", "oak tree"). */
export const TREE_WORDS = ['tree', 'trees', 'forest', 'forests', 'woods', 'grove', 'groves', 'needles', 'cones', 'cone', 'leaves', 'leaf', 'branch', 'branches', 'bark', 'syrup', 'nuts', 'nut', 'sapling', 'saplings', 'trunk', 'trunks', 'canopy', 'woodland', 'stand', 'seedlings', 'wood', 'marten', 'tar', 'scent', 'resin'] as const;
export const GLASS_CONTAINERS = ['shot', 'wine', 'pint', 'beer', 'champagne', 'martini', 'cocktail', 'whiskey', 'whisky', 'drinking', 'magnifying', 'looking', 'hour', 'sun', 'eye', 'spy', 'field', 'water', 'highball', 'rocks', 'tumbler', 'brandy', 'shatterproof'] as const;
export const GLASS_MATERIAL_ADJ = ['frosted', 'stained', 'tempered', 'clear', 'blown', 'sea', 'smoked', 'cut', 'crystal', 'recycled', 'textured', 'fluted', 'amber', 'green', 'blue', 'tinted', 'colored', 'coloured', 'ribbed', 'hammered', 'opaque', 'transparent', 'murano', 'leaded', 'cracked', 'broken', 'shattered'] as const;
export const GOLDEN_NOT_COLOUR = ['hour', 'hours', 'retriever', 'retrievers', 'age', 'ratio', 'gate', 'globe', 'globes', 'rule', 'eagle', 'eagles', 'years', 'ticket', 'boy', 'girl', 'child', 'oldies', 'oldie', 'doodle', 'doodles', 'jubilee', 'anniversary', 'state', 'era', 'goose', 'opportunity', 'moment', 'mean', 'handshake', 'parachute', 'snitch'] as const;
export const FRUIT_WORDS_BEFORE = ['ripe', 'fresh', 'juicy', 'sliced', 'peeled', 'blood', 'mandarin', 'navel', 'half', 'halved', 'squeezed', 'whole', 'one'] as const;
export const FRUIT_WORDS_AFTER = ['juice', 'slice', 'slices', 'peel', 'tree', 'trees', 'grove', 'groves', 'zest', 'wedge', 'wedges', 'segments', 'blossom', 'blossoms', 'marmalade', 'soda'] as const;

/** Screens and signs whose content is a product detail when the prompt says what they show. */
export const SCREEN_NOUNS = ['screen', 'screens', 'display', 'displays', 'monitor', 'monitors', 'smartphone', 'phone', 'tablet', 'laptop', 'dashboard', 'billboard', 'sign', 'signs', 'tv', 'television', 'ipad', 'iphone', 'smartwatch', 'watch', 'app', 'interface', 'ui', 'scoreboard', 'marquee', 'ticker', 'readout', 'dial'] as const;

export const FORMAT_NOUNS = ['format', 'video', 'videos', 'clip', 'clips', 'frame', 'orientation', 'aspect', 'ratio', 'crop', 'version', 'cut', 'reel', 'reels', 'short', 'shorts', 'story', 'stories', 'post', 'ad', 'deliverable', 'output', 'mode', 'film', 'footage', 'composition', 'framing', 'export', 'render', 'spot', 'teaser', 'loop', 'shot', 'aspect ratio', 'tiktok', 'instagram', 'youtube', 'social', 'feed', 'mobile', 'phone', 'screen', 'screens', '9:16', '16:9', '1:1', '4:5', '4:3', '3:4', '21:9', '2:3', '3:2', '5:4', '2.39:1', '2.35:1', '1.85:1'] as const;
/** Nouns after a decade-like "80s" that show it is an era, not a duration. */
export const VIDEO_NOUNS = ['spot', 'spots', 'ad', 'ads', 'clip', 'clips', 'video', 'videos', 'cut', 'cuts', 'loop', 'loops', 'version', 'versions', 'teaser', 'teasers', 'reel', 'reels', 'commercial', 'commercials', 'shot', 'shots', 'take', 'takes', 'film', 'sequence', 'trailer', 'promo', 'segment', 'long', 'max', 'total', 'duration', 'runtime', 'or', 'and', 'to'] as const;
export const DECADE_BEFORE = ['the', 'early', 'late', 'mid', "'", '’', 'of', 'from', 'retro', 'classic', 'vintage', 'in'] as const;
export const TIMING_AFTER = ['later', 'after', 'ago', 'before', 'earlier', 'into', 'in', 'passes', 'pass', 'elapse', 'of'] as const;
export const KNOWN_RATIOS = ['16:9', '9:16', '1:1', '4:5', '5:4', '4:3', '3:4', '21:9', '9:21', '2:1', '1:2', '3:2', '2:3', '2.39:1', '2.35:1', '2.4:1', '2.40:1', '1.85:1', '1.33:1', '1.66:1', '1.78:1', '1.9:1', '32:9', '18:9', '9:18', '19.5:9'] as const;
export const RESOLUTION_LINES = [240, 360, 480, 540, 576, 720, 1080, 1440, 2160, 4320] as const;
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, half: 0.5,
};
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60,
};

/** Locative words that put a subject somewhere ("in a café", "on a rocky cliff"). */
export const LOCATIVE_PREPOSITIONS = ['in', 'inside', 'on', 'at', 'atop', 'across', 'along', 'over', 'through', 'throughout', 'under', 'beneath', 'below', 'above', 'near', 'beside', 'by', 'around', 'into', 'onto', 'within', 'against', 'amid', 'amidst', 'among', 'past', 'outside', 'behind', 'upon', 'off', 'from', 'down', 'up', 'toward', 'towards', 'before', 'overlooking', 'between', 'under', 'underneath', 'alongside', 'out'] as const;

/**
 * Words that are never the concrete subject: function words, instructions, what the clip is
 * ("video", "shot"), framing, vagueness, general adjectives. Anything else may name a subject.
 */
export const NOT_SUBJECT = [
  'video', 'videos', 'clip', 'clips', 'shot', 'shots', 'footage', 'ad', 'ads', 'advert', 'commercial', 'film', 'movie', 'scene', 'scenes',
  'frame', 'frames', 'take', 'content', 'thing', 'things', 'something', 'anything', 'everything', 'stuff', 'quality', 'style', 'look',
  'version', 'image', 'images', 'picture', 'visual', 'visuals', 'sequence', 'story', 'brand', 'campaign', 'spot', 'teaser', 'trailer',
  'promo', 'reel', 'post', 'format', 'make', 'makes', 'show', 'shows', 'showing', 'create', 'generate', 'render', 'capture', 'depict',
  'feature', 'featuring', 'include', 'give', 'use', 'want', 'need', 'let', 'see', 'imagine', 'try', 'please', 'possible', 'way',
  'close', 'up', 'closeup', 'wide', 'medium', 'establishing', 'overhead', 'top', 'down', 'low', 'high', 'angle', 'angles', 'macro',
  'lens', 'fisheye', 'view', 'focus', 'depth', 'field', 'rack', 'profile', 'side', 'extreme', 'tight', 'full', 'long', 'insert',
  'cutaway', 'shoulder', 'eye', 'level', 'bird', 'worm', 'dutch', 'shallow', 'bokeh', 'lapse', 'time', 'motion', 'slow', 'fast',
  'new', 'old', 'big', 'small', 'large', 'little', 'tiny', 'huge', 'good', 'bad', 'best', 'better', 'nice', 'cool', 'great', 'very',
  'really', 'super', 'so', 'just', 'only', 'also', 'more', 'most', 'less', 'quite', 'cinematic', 'realistic', 'hyperrealistic',
  'photorealistic', 'professional', 'modern', 'simple', 'clean', 'real', 'our', 'first', 'second', 'third', 'last', 'next', 'final',
  'seconds', 'second', 'minute', 'minutes', 'vertical', 'horizontal', 'square', 'portrait', 'landscape', 'widescreen', 'loop', 'hd',
  'here', 'there', 'it', 'me', 'him', 'her', 'them', 'all', 'both', 'other', 'same', 'such', 'own', 'many', 'much', 'few', 'several',
  'background', 'setting', 'backdrop', 'environment', 'interior', 'exterior', 'scenery', 'area', 'place', 'location', 'space', 'world',
  'left', 'right', 'forward', 'backward', 'away', 'closer', 'toward', 'towards', 'overhead', 'above', 'below', 'around', 'slowly',
  'quickly', 'gently', 'softly', 'harsh', 'soft', 'warm', 'hot', 'cold', 'bright', 'dark', 'empty', 'busy', 'quiet', 'loud', 'gentle',
  'mellow', 'vivid', 'deep', 'rich', 'subtle', 'strong', 'heavy', 'light', 'clear', 'fresh', 'pure', 'crisp', 'sharp', 'blurry',
  'blurred', 'smooth', 'rough', 'beautiful', 'pretty', 'lovely', 'vibrant', 'dynamic', 'dramatic', 'natural', 'minimalist', 'minimal',
  'vintage', 'retro', 'futuristic', 'classic', 'iconic', 'lush', 'shot', 'filmed', 'shooting', 'seen', 'looking', 'visible', 'animated',
  'animation', 'cartoon', 'aerial', 'establishing', 'stop', 'reveal', 'intro', 'outro', 'logo', 'hero', 'b', 'roll', 'montage', 'unboxing', 'explainer', 'tutorial',
] as const;
