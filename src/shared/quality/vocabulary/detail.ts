/**
 * Product or scene detail (LABELS.md): at least one explicit visual attribute — a colour,
 * material, texture, finish or pattern, or product specifics (logo, label, packaging, what a
 * screen shows). Not a name that contains a colour ("golden retriever", "red fox").
 */
import type { Cue } from '../cues';
import { nouns } from './inflect';
import {
  DETERMINERS, FRUIT_WORDS_AFTER, FRUIT_WORDS_BEFORE, GLASS_CONTAINERS, GLASS_MATERIAL_ADJ, GOLDEN_NOT_COLOUR, PRONOUNS, SCREEN_NOUNS, TREE_WORDS,
} from './words';

export const COLOURS = [
  'red', 'blue', 'green', 'yellow', 'purple', 'pink', 'white', 'black', 'brown', 'gray', 'grey', 'gold', 'silver', 'beige', 'ivory',
  'navy', 'teal', 'turquoise', 'cyan', 'magenta', 'crimson', 'scarlet', 'maroon', 'burgundy', 'lilac', 'indigo', 'khaki', 'emerald',
  'cobalt', 'azure', 'amber', 'bronze', 'copper', 'charcoal', 'pastel', 'pastels', 'ochre', 'sepia', 'monochrome', 'monochromatic',
  'colorful', 'colourful', 'multicolored', 'multicoloured', 'reddish', 'bluish', 'greenish', 'yellowish', 'pinkish', 'purplish',
  'brownish', 'greyish', 'grayish', 'whitish', 'blackish', 'vermilion', 'fuchsia', 'chartreuse', 'mauve', 'taupe', 'ecru', 'aquamarine',
  'cerulean', 'blonde', 'blond', 'auburn', 'platinum', 'rust', 'saffron', 'terracotta', 'ruby', 'sapphire', 'jet black',
  'off white', 'rose gold', 'sky blue', 'black and white', 'iridescent', 'rainbow',
];

const WOODS = ['bamboo', 'oak', 'pine', 'birch', 'cedar', 'maple', 'walnut', 'cherry', 'elm', 'beech', 'spruce', 'cypress', 'willow', 'acacia', 'olive', 'chestnut', 'hickory'];

const MATERIALS = [
  'wood', 'wooden', 'hardwood', 'softwood', 'oaken', 'mahogany', 'teak', 'ebony', 'rosewood', 'cherrywood', 'driftwood',
  'plywood', 'reclaimed wood', 'marble', 'granite', 'slate', 'concrete', 'cement', 'brick', 'bricks', 'brickwork', 'terracotta', 'clay',
  'ceramic', 'ceramics', 'porcelain', 'stoneware', 'earthenware', 'steel', 'stainless', 'metal', 'metallic', 'aluminum', 'aluminium',
  'brass', 'copper', 'bronze', 'chrome', 'chromed', 'titanium', 'pewter', 'leather', 'suede', 'denim', 'silk', 'satin', 'velvet', 'linen',
  'cotton', 'wool', 'woolen', 'woollen', 'knitted', 'knit', 'cashmere', 'tweed', 'canvas', 'paper', 'cardboard', 'parchment', 'plastic',
  'rubber', 'vinyl', 'acrylic', 'resin', 'enamel', 'lacquer', 'fur', 'faux fur', 'lace', 'mesh', 'nylon', 'polyester', 'sequins',
  'sequined', 'pearl', 'pearls', 'diamond', 'diamonds', 'gold', 'silver', 'quartz', 'jade', 'wax', 'wicker', 'rattan', 'burlap', 'jute',
  'fiberglass', 'fibreglass', 'foam', 'carbon fiber', 'carbon fibre', 'terrazzo', 'tile', 'tiles', 'tiled', 'cobblestone', 'cobblestones',
  'cobbled', 'mosaic', 'stucco', 'plaster', 'kraft', 'corduroy', 'chiffon', 'tulle', 'organza', 'neoprene', 'silicone', 'gemstone',
  'obsidian', 'onyx', 'sandstone', 'limestone', 'travertine', 'basalt', 'copperware', 'brassware', 'ironwork', 'wrought iron', 'cast iron',
  'gilded', 'gilt', 'mirror finish', 'stained glass', 'sea glass',
];

const TEXTURES = [
  'matte', 'matt', 'glossy', 'gloss', 'shiny', 'polished', 'brushed', 'frosted', 'textured', 'texture', 'textures', 'weathered', 'rusty',
  'rusted', 'cracked', 'distressed', 'peeling', 'faded', 'mossy', 'moss covered', 'rocky', 'dusty', 'muddy', 'woven', 'quilted', 'ribbed',
  'pleated', 'crinkled', 'crumpled', 'wrinkled', 'fluffy', 'fuzzy', 'velvety', 'silky', 'grainy', 'embossed', 'engraved', 'hammered',
  'lacquered', 'varnished', 'patina', 'translucent', 'transparent', 'holographic', 'pearlescent', 'glittery', 'glittering', 'glitter',
  'sparkly', 'speckled', 'dewy', 'condensation', 'beaded', 'mirrored', 'reflective', 'hand drawn', 'hand painted', 'hand stitched',
  'stitched', 'stitching', 'carved', 'chipped', 'tarnished', 'burnished', 'perforated', 'corrugated', 'scratched', 'knotted', 'braided',
  'furry', 'satin finish', 'gloss finish', 'matte finish', 'soft touch', 'sheer', 'opaque', 'tinted', 'smoked', 'scuffed', 'worn leather',
  'crackled', 'crystalline', 'porous', 'gnarled', 'lacy', 'feathered', 'feathery', 'scaly', 'jagged', 'glazed', 'glaze', 'sun bleached',
  'bleached', 'rippled', 'faceted', 'fluted', 'padded', 'tufted', 'upholstered', 'whitewashed', 'sandblasted', 'powder coated', 'anodized',
  'anodised', 'galvanized', 'galvanised', 'enameled', 'enamelled', 'painted', 'hand knitted', 'embroidered', 'beveled', 'bevelled',
];

const PATTERNS = [
  'striped', 'stripes', 'stripe', 'pinstripe', 'pinstriped', 'checkered', 'chequered', 'plaid', 'tartan', 'gingham', 'polka dot',
  'polka dots', 'polka dotted', 'floral', 'paisley', 'herringbone', 'houndstooth', 'camo', 'camouflage', 'geometric', 'chevron', 'marbled',
  'leopard print', 'animal print', 'zebra print', 'tie dye', 'argyle', 'dotted', 'patterned', 'pattern', 'patterns', 'checkerboard',
  'harlequin', 'ikat', 'damask', 'toile', 'mottled', 'dappled', 'tessellated', 'honeycomb pattern',
];

const PRODUCT_SPECIFICS = [
  ...nouns('logo', 'label', 'sticker', 'decal', 'emblem', 'wordmark', 'monogram', 'barcode', 'price tag', 'insignia', 'engraving', 'nameplate', 'hang tag'),
  'packaging', 'branding', 'lettering', 'typography', 'monogrammed', 'brand name', 'serial number', 'product name', 'embossing', 'badge logo',
  'nutrition label', 'swoosh logo', 'ui', 'user interface', 'app interface', 'heart rate graph', 'notification', 'notifications',
];

/** What a screen or sign shows ("the screen lights up showing a heart-rate graph", "a sign that says OPEN"). */
const SHOWS = ['showing', 'shows', 'displaying', 'displays', 'reads', 'reading', 'says', 'saying', 'lights up with', 'flashing', 'playing'];

export const DETAIL_CUES: readonly Cue[] = [
  { tag: 'detail:colour', terms: COLOURS, unless: [{ name: true }] },
  { tag: 'detail:colour', terms: ['golden'], unless: [{ after: GOLDEN_NOT_COLOUR }, { name: true }] },
  { tag: 'detail:colour', terms: ['orange', 'peach', 'lavender', 'violet', 'olive', 'cream', 'tan', 'coral', 'mint', 'plum', 'lime', 'rose', 'salmon', 'chocolate', 'honey', 'caramel', 'lemon', 'wine', 'sand', 'mustard', 'cherry'], need: [{ modifies: true }, { before: ['in', 'bathed', 'painted', 'dyed', 'glowing', 'bright', 'deep', 'pale', 'burnt', 'dark', 'light', 'soft', 'vivid', 'and', 'or'] }], unless: [{ before: FRUIT_WORDS_BEFORE }, { after: FRUIT_WORDS_AFTER }, { before: ['a', 'the'] }, { name: true }] },
  { tag: 'detail:colour', terms: ['colored', 'coloured', 'toned', 'tinted', 'hued', 'hue', 'hues', 'color', 'colour', 'colors', 'colours'], need: [{ before: ['peach', 'lavender', 'violet', 'olive', 'cream', 'tan', 'coral', 'mint', 'plum', 'lime', 'rose', 'salmon', 'chocolate', 'honey', 'caramel', 'lemon', 'wine', 'sand', 'mustard', 'cherry', 'orange', 'jewel', 'earth', 'candy', 'two', 'rich', 'bold', 'vivid', 'bright', 'warm', 'cool', 'primary', 'muted', 'pastel', 'sun', 'rust', 'butter', 'dusty'] }] },
  { tag: 'detail:material', terms: MATERIALS },
  { tag: 'detail:material', terms: WOODS, need: [{ modifies: true }], unless: [{ after: TREE_WORDS }, { after: ['shoots', 'stalks', 'blossom', 'blossoms', 'pie', 'tomato', 'tomatoes', 'oil', 'grove', 'branch', 'juice', 'syrup', 'leaf'] }] },
  { tag: 'detail:material', terms: ['stone', 'iron', 'tin', 'straw', 'crystal', 'felt', 'porcelain', 'glass', 'rope', 'bone', 'ivory', 'horn', 'shell'], need: [{ modifies: true }], unless: [{ before: [...GLASS_CONTAINERS, ...PRONOUNS, 'drinking'] }, { after: ['clear', 'age', 'cold', 'throw', 'like', 'as', 'that'] }] },
  { tag: 'detail:material', terms: ['glass', 'crystal'], need: [{ before: GLASS_MATERIAL_ADJ }, { after: ['walled', 'fronted', 'topped', 'encased', 'domed', 'bottomed', 'paned'] }] },
  { tag: 'detail:material', terms: ['made of', 'made from', 'crafted from', 'carved from', 'cast in'] },
  { tag: 'detail:texture', terms: TEXTURES },
  { tag: 'detail:texture', terms: ['worn', 'gleaming', 'glistening', 'shimmering'], need: [{ modifies: true }], unless: [{ after: ['camera', 'dolly', 'pan', 'tracking', 'motion', 'movement', 'glide', 'move', 'shot', 'transition', 'jazz', 'by', 'out', 'sea', 'seas', 'waters', 'road', 'roads', 'street', 'streets', 'asphalt', 'pavement', 'sand', 'grass', 'beach'] }, { before: DETERMINERS }] },
  { tag: 'detail:pattern', terms: PATTERNS },
  { tag: 'detail:product', terms: PRODUCT_SPECIFICS, unless: [{ after: ['off', 'on'] }] },
  { tag: 'detail:product', terms: SHOWS, need: [{ before: SCREEN_NOUNS, within: 4 }] },
  { tag: 'detail:product', terms: ['that says', 'that reads', 'which reads', 'reading', 'printed with', 'embroidered with', 'engraved with', 'stamped with'], need: [{ after: ['"', '“', "'"] }, { before: SCREEN_NOUNS, within: 4 }] },

  {
    tag: 'not:detail',
    terms: [
      ...nouns('golden retriever', 'golden eagle', 'bald eagle', 'red fox', 'red panda', 'red squirrel', 'red deer', 'red kite', 'black bear',
        'brown bear', 'polar bear', 'black panther', 'blue whale', 'gray whale', 'grey whale', 'blue jay', 'red robin', 'grey wolf', 'gray wolf',
        'white shark', 'black widow', 'silver fox', 'blue tit', 'great tit', 'white rhino', 'black rhino', 'golden doodle', 'red cardinal',
        'black lab', 'yellow lab', 'chocolate lab', 'black mamba', 'green mamba', 'grey heron', 'gray heron', 'blue heron', 'snowy owl',
        'red snapper', 'sea bass', 'brown trout', 'rainbow trout', 'goldfinch', 'greenfinch', 'blackbird', 'bluebird', 'red wine', 'white wine',
        'green tea', 'black tea', 'black coffee', 'white rice', 'brown rice', 'green bean', 'white noise', 'black hole', 'black market',
        'black belt', 'blue cheese', 'hash brown', 'white collar', 'blue collar', 'silver screen', 'silver lining', 'green light'),
      ...nouns('vinyl record', 'glass of', 'paper towel', 'paper plate', 'plastic bag'), 'golden hour', 'blue hour', 'white house', 'earl grey', 'grey matter', 'gray matter', 'great white', 'snow white', 'red carpet', 'blue moon',
      'black friday', 'yellow pages', 'rainbow trout', 'neon lights', 'neon light', 'red eye', 'blue chip', 'golden gate', 'green screen',
      'in the pink', 'pitch black', 'pitch dark', 'white water', 'whitewater',
    ],
  },
];
