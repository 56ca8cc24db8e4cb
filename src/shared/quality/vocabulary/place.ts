/**
 * Settings (LABELS.md, "Subject and setting"): where the subject is — a place, an environment, a
 * background. A landscape is a setting and a subject at once.
 */
import type { Cue } from '../cues';
import { nouns } from './inflect';

/** Outdoor vistas: a prompt naming one has a subject and a setting ("a misty pine forest"). */
const LANDSCAPES = [
  ...nouns('forest', 'jungle', 'rainforest', 'desert', 'dune', 'canyon', 'valley', 'mountain', 'mountain range', 'hill', 'hillside',
    'hilltop', 'cliff', 'cliffside', 'coast', 'coastline', 'shore', 'shoreline', 'beach', 'ocean', 'sea', 'seascape', 'bay', 'lagoon',
    'lake', 'lakeside', 'river', 'riverbank', 'riverside', 'stream', 'creek', 'waterfall', 'glacier', 'volcano', 'tundra', 'prairie',
    'savanna', 'savannah', 'meadow', 'farmland', 'vineyard', 'orchard', 'island', 'reef', 'cave', 'cavern', 'swamp', 'marsh', 'wetland',
    'skyline', 'cityscape', 'horizon', 'pond', 'fjord', 'peninsula', 'plateau', 'ridge', 'summit', 'peak', 'slope', 'gorge', 'ravine',
    'grove', 'countryside', 'village', 'steppe', 'moor', 'heath', 'badland', 'oasis', 'archipelago', 'delta', 'estuary', 'bayou',
    'glade', 'clearing', 'woodland', 'wilderness', 'highland', 'lowland', 'tide pool', 'salt flat', 'rice terrace', 'iceberg', 'ice field',
    'snowfield', 'treeline', 'mountainside', 'seaside', 'seafront', 'waterfront', 'harbor', 'harbour', 'bazaar', 'market', 'street market',
    'night market', 'suburb', 'neighborhood', 'neighbourhood', 'metropolis', 'megacity', 'boulevard', 'highway', 'freeway', 'trail',
    'wheat field', 'rice paddy', 'pumpkin patch', 'sunflower field', 'lavender field', 'tulip field', 'field', 'pasture', 'ranch', 'farm'),
  'woods', 'outback', 'backcountry', 'mountains', 'alps', 'rockies', 'arctic', 'antarctic', 'aurora borealis', 'northern lights',
];

/** Places that are a setting wherever they are named ("Kitchen background", "studio shot"). */
const PLACES = [
  ...nouns('kitchen', 'studio', 'café', 'cafe', 'cafeteria', 'restaurant', 'pub', 'diner', 'bakery', 'gym', 'office', 'classroom', 'library',
    'museum', 'gallery', 'warehouse', 'factory', 'workshop', 'garage', 'basement', 'attic', 'bedroom', 'bathroom', 'living room',
    'dining room', 'lobby', 'hallway', 'corridor', 'atrium', 'ballroom', 'cellar', 'cabin', 'cottage', 'farmhouse', 'apartment', 'loft',
    'penthouse', 'hotel', 'motel', 'hospital', 'clinic', 'laboratory', 'church', 'cathedral', 'temple', 'mosque', 'shrine', 'monastery',
    'castle', 'palace', 'mansion', 'villa', 'barn', 'greenhouse', 'nursery', 'stadium', 'arena', 'theater', 'theatre', 'cinema',
    'concert hall', 'nightclub', 'speakeasy', 'casino', 'mall', 'supermarket', 'boutique', 'salon', 'spa', 'showroom', 'station',
    'airport', 'subway', 'metro', 'cockpit', 'courtyard', 'patio', 'porch', 'balcony', 'terrace', 'rooftop', 'backyard', 'garden', 'park',
    'playground', 'campsite', 'campground', 'plaza', 'alley', 'alleyway', 'street', 'road', 'avenue', 'intersection', 'crosswalk',
    'sidewalk', 'driveway', 'parking lot', 'parking garage', 'bridge', 'pier', 'dock', 'marina', 'boardwalk', 'promenade', 'tunnel',
    'runway', 'rink', 'venue', 'auditorium', 'dojo', 'dorm', 'tent', 'igloo', 'treehouse', 'coworking space', 'office space',
    'apiary', 'chapel', 'train station', 'gas station', 'bus stop', 'locker room', 'waiting room', 'conference room',
    'boardroom', 'lounge', 'hangar', 'shipyard', 'construction site', 'junkyard', 'skatepark', 'racetrack', 'velodrome', 'aquarium', 'zoo',
    'farmers market', 'food court', 'laundromat', 'barbershop', 'pharmacy', 'bookstore', 'bookshop', 'storefront', 'tavern', 'brewery',
    'winery', 'distillery', 'kitchenette', 'pantry', 'foyer', 'veranda', 'gazebo', 'greenroom', 'newsroom', 'server room',
    'control room', 'engine room', 'spaceship', 'space station', 'submarine', 'cabin interior', 'interior', 'exterior', 'downtown',
    'rainy street', 'city street', 'town square', 'village square', 'main street', 'rice field', 'gymnasium', 'sauna', 'quarry',
    'lighthouse keeper cottage', 'harborfront', 'canal', 'lakefront', 'fairground', 'carnival', 'amusement park', 'skate park', 'trailhead',
    'pizzeria', 'trattoria', 'bistro', 'brasserie', 'taqueria', 'izakaya', 'noodle shop', 'deli', 'delicatessen', 'patisserie', 'creamery', 'teahouse', 'tea house', 'canteen', 'food truck', 'cantina', 'chophouse', 'steakhouse', 'gastropub', 'ice cream parlor', 'parlor', 'parlour', 'campfire circle', 'trading floor', 'factory floor', 'shop floor', 'ramen bar', 'sushi bar', 'wine bar', 'cocktail bar', 'sports bar', 'coffee bar', 'hotel bar', 'dive bar', 'juice bar', 'tiki bar', 'piano bar', 'karaoke bar', 'launch pad', 'launchpad', 'helipad', 'bunker', 'trench', 'foxhole', 'mine shaft', 'oil rig', 'control tower', 'lab', 'office building', 'skyscraper', 'cabana', 'resort', 'poolside', 'dance floor', 'recording studio', 'photo studio', 'soundstage', 'sound stage'),
  'backstage', 'outdoors', 'indoors', 'underwater', 'offshore', 'onstage', 'overseas',
];

/** Place words, surfaces included, that name a setting only after a locative preposition ("at the bar", "on a marble pedestal"). */
const PREPOSITIONAL_PLACES = [
  ...nouns('bar', 'club', 'store', 'shop', 'platform', 'capsule', 'cabin', 'roof', 'yard', 'square', 'port', 'track', 'court', 'pitch',
    'pool', 'stage', 'room', 'home', 'house', 'building', 'city', 'town', 'world', 'place', 'area', 'location', 'scene', 'environment',
    'landscape', 'view', 'sky', 'water', 'snow', 'rain', 'mud', 'sand', 'grass', 'lawn', 'desk', 'table', 'tabletop', 'counter',
    'countertop', 'shelf', 'pedestal', 'plinth', 'podium', 'floor', 'bed', 'sofa', 'couch', 'bench', 'ledge', 'windowsill', 'rug',
    'carpet', 'surface', 'rock', 'boulder', 'log', 'stump', 'wall', 'doorway', 'stairs', 'staircase', 'steps', 'hall', 'car',
    'train', 'bus', 'boat', 'ship', 'plane', 'deck', 'boardroom', 'nest', 'study', 'den', 'set', 'branch', 'tree', 'crib', 'cage', 'tank', 'aquarium',
    'air', 'orbit', 'space', 'crowd', 'traffic', 'setting', 'interior', 'train station platform', 'mountain temple'),
  'mat', 'mats', 'tatami', 'futon', 'cushion', 'cushions', 'blanket', 'blankets', 'tablecloth', 'placemat', 'void', 'abyss', 'expanse', 'cosmos', 'slab', 'slabs', 'block', 'plinths', 'pedestals', 'podiums',
  'shelves', 'outskirts', 'nature', 'wild', 'wilderness', 'distance', 'foreground', 'middle',
];

export const PLACE_CUES: readonly Cue[] = [
  { tag: 'place:landscape', terms: LANDSCAPES, unless: [{ after: ['trip', 'trips', 'themed', 'print', 'prints', 'poster', 'painting', 'scent', 'salt', 'breeze', 'air', 'shell', 'shells', 'glass', 'water', 'sand', 'gear', 'bike', 'biking', 'goat', 'lion', 'ash', 'green', 'blue', 'dew', 'ranger', 'guide', 'bass', 'turtle', 'turtles', 'otter', 'urchin', 'urchins', 'horse', 'level', 'food', 'creature', 'creatures', 'towel', 'towels', 'ball', 'chair', 'chairs', 'umbrella', 'bag', 'hour', 'season', 'performance', 'animals'] }] },
  { tag: 'place', terms: PLACES, unless: [{ after: ['brand', 'brands', 'logo', 'logos', 'chain', 'business', 'company', 'ad', 'ads', 'campaign', 'product', 'products', 'menu', 'franchise', 'app', 'website', 'owner', 'worker', 'workers', 'staff', 'chair', 'chairs', 'appliance', 'appliances', 'knife', 'knives', 'towel', 'towels', 'manager', 'assistant', 'light', 'lights', 'lighting', 'equipment', 'quality', 'headphones', 'microphone', 'mic', 'monitor', 'monitors'] }] },
  { tag: 'place:setting', terms: ['background', 'backdrop', 'backgrounds', 'backdrops', 'in space', 'in orbit', 'at home', 'on stage', 'on set', 'at sea', 'in the wild', 'on location', 'studio setting', 'outdoor', 'indoor', 'in nature', 'surrounded by'], unless: [{ after: ['music', 'noise', 'noises', 'chatter', 'sound', 'sounds', 'vocals', 'hum', 'singers', 'track', 'score', 'check', 'checks', 'story', 'information', 'info', 'actor', 'actors', 'extras', 'lighting', 'light'] }] },
  { tag: 'place:prep', terms: PREPOSITIONAL_PLACES },
  // A described town or city is a landscape on its own ("a coastal town"); a bare "a city" is not.
  { tag: 'place:landscape', terms: nouns('city', 'town', 'landscape'), need: [{ modified: true }], unless: [{ before: ['beautiful', 'amazing', 'stunning', 'cinematic', 'cool', 'nice', 'great', 'epic', 'gorgeous', 'whole', 'entire', 'same', 'other', 'new', 'big', 'any', 'every', 'our', 'your'] }] },
  {
    tag: 'not:place',
    terms: [
      'depth of field', 'field of view', 'negative space', 'copy space', 'color space', 'colour space', 'chocolate bar', 'granola bar',
      'candy bar', 'progress bar', 'bar chart', 'bar of soap', 'home screen', 'home button', 'space bar', 'early stage', 'range hood',
      'store bought', 'market share', 'court order', 'stock market', 'water bottle', 'water droplets', 'water droplet', 'sparkling water',
      'in the rain', 'in the air', 'in the distance', 'into the distance', 'studio lighting', 'studio light', 'studio lights', 'studio quality', 'studio headphones', 'studio microphone',
      'world class', 'world record', 'stage of', 'center stage', 'kitchen island', 'sea bass', 'sea salt', 'mountain bike', 'beach ball',
    ],
  },
];
