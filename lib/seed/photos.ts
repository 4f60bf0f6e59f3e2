import sharp from "sharp";

// Demo photos are drawn here, not copied from anywhere: a simple line icon of the item on a
// coloured background. The hue makes each listing's photos distinct; the variant changes the
// framing, so a listing's second and third photos look like other shots of the same thing.

const ICONS = {
  headphones: `<path d="M40 125 V100 a60 60 0 0 1 120 0 V125"/><rect x="26" y="110" width="32" height="55" rx="12"/><rect x="142" y="110" width="32" height="55" rx="12"/>`,
  laptop: `<rect x="45" y="45" width="110" height="80" rx="6"/><path d="M20 150 H180 L166 130 H34 Z"/>`,
  phone: `<rect x="65" y="25" width="70" height="150" rx="14"/><path d="M90 155 H110"/>`,
  camera: `<rect x="25" y="62" width="150" height="100" rx="14"/><circle cx="100" cy="112" r="32"/><path d="M70 62 L80 42 H120 L130 62"/>`,
  gamepad: `<path d="M50 75 H150 Q185 75 182 135 Q178 165 150 150 L130 130 H70 L50 150 Q22 165 18 135 Q15 75 50 75 Z M55 105 H90 M72 88 V122"/><circle cx="135" cy="100" r="6"/><circle cx="152" cy="116" r="6"/>`,
  table: `<rect x="20" y="70" width="160" height="16" rx="4"/><path d="M40 86 V165 M160 86 V165 M40 120 H160"/>`,
  sofa: `<rect x="40" y="55" width="120" height="55" rx="14"/><rect x="18" y="88" width="164" height="52" rx="16"/><path d="M36 140 V162 M164 140 V162"/>`,
  chair: `<path d="M52 52 Q52 28 76 28 H124 Q148 28 148 52 V100 H52 Z"/><rect x="32" y="94" width="136" height="42" rx="14"/><path d="M46 136 V172 M154 136 V172"/>`,
  lamp: `<path d="M70 35 H130 L152 100 H48 Z M100 100 V165 M68 168 H132"/>`,
  shelf: `<rect x="45" y="20" width="110" height="160" rx="4"/><path d="M45 73 H155 M45 126 H155 M70 73 V50 M85 73 V45 M120 126 V100"/>`,
  shirt: `<path d="M70 30 L28 55 L44 88 L60 80 V172 H140 V80 L156 88 L172 55 L130 30 Q100 58 70 30 Z"/>`,
  dress: `<path d="M80 22 H120 L114 62 L152 176 H48 L86 62 Z M86 62 H114"/>`,
  shoe: `<path d="M22 145 V92 L68 88 L98 115 L164 124 Q182 130 180 150 H22 Z M22 132 H180"/>`,
  car: `<path d="M18 132 V106 L48 100 L74 64 H134 L160 100 L182 108 V132 Z M80 100 H154"/><circle cx="60" cy="136" r="18"/><circle cx="146" cy="136" r="18"/>`,
  bike: `<circle cx="48" cy="130" r="34"/><circle cx="152" cy="130" r="34"/><path d="M48 130 L82 72 H134 L152 130 M82 72 L100 130 L134 72 M70 56 H96 M134 72 L128 50 H146"/>`,
  ball: `<circle cx="100" cy="100" r="70"/><path d="M30 100 H170 M100 30 C68 62 68 138 100 170 M100 30 C132 62 132 138 100 170"/>`,
  dumbbell: `<path d="M58 100 H142"/><rect x="30" y="66" width="28" height="68" rx="6"/><rect x="142" y="66" width="28" height="68" rx="6"/><path d="M20 84 V116 M180 84 V116"/>`,
  racket: `<ellipse cx="100" cy="72" rx="46" ry="56"/><path d="M100 128 V182 M70 60 H130 M66 84 H134 M100 20 V126"/>`,
  plant: `<path d="M64 120 H136 L125 176 H75 Z"/><path d="M100 120 V70 M100 92 C70 92 54 72 54 46 C80 46 100 62 100 92 M100 80 C130 80 146 60 146 34 C120 34 100 50 100 80"/>`,
  mug: `<path d="M46 60 H140 V150 Q140 172 118 172 H68 Q46 172 46 150 Z M140 82 H158 Q176 82 176 102 V110 Q176 130 158 130 H140 M76 38 Q70 28 76 18 M100 38 Q94 28 100 18"/>`,
  tools: `<rect x="25" y="75" width="150" height="92" rx="8"/><path d="M75 75 V52 H125 V75 M25 112 H175 M90 112 V126 H110 V112"/>`,
  book: `<rect x="45" y="25" width="110" height="150" rx="6"/><path d="M66 25 V175 M86 68 H136 M86 92 H128"/>`,
  books: `<rect x="30" y="40" width="30" height="135" rx="3"/><rect x="66" y="60" width="30" height="115" rx="3"/><path d="M106 70 L134 62 L166 170 L138 178 Z M30 70 H60 M66 90 H96"/>`,
  blocks: `<rect x="28" y="105" width="62" height="62" rx="6"/><rect x="110" y="105" width="62" height="62" rx="6"/><rect x="69" y="38" width="62" height="62" rx="6"/>`,
  teddy: `<circle cx="100" cy="120" r="48"/><circle cx="100" cy="62" r="30"/><circle cx="74" cy="36" r="12"/><circle cx="126" cy="36" r="12"/><circle cx="90" cy="58" r="3"/><circle cx="110" cy="58" r="3"/>`,
  pram: `<path d="M100 40 A60 60 0 0 0 40 100 H160 Q160 132 128 136 H72 Q40 132 40 100 M100 40 V100 M160 100 L176 62"/><circle cx="72" cy="162" r="14"/><circle cx="128" cy="162" r="14"/>`,
  guitar: `<circle cx="72" cy="138" r="40"/><circle cx="106" cy="104" r="28"/><path d="M118 92 L172 38 M164 28 L182 46"/><circle cx="80" cy="130" r="10"/>`,
  speaker: `<rect x="40" y="52" width="120" height="100" rx="40"/><circle cx="100" cy="102" r="26"/><circle cx="100" cy="102" r="8"/>`,
  bed: `<path d="M22 155 V60 M22 112 H178 V155 M22 130 H178"/><rect x="38" y="88" width="44" height="24" rx="9"/>`,
  scooter: `<circle cx="45" cy="150" r="18"/><circle cx="158" cy="150" r="18"/><path d="M45 150 H140 L120 36 M104 36 H138"/>`,
  mat: `<circle cx="60" cy="118" r="32"/><circle cx="60" cy="118" r="14"/><path d="M60 86 H176 V150 H60"/>`,
  record: `<circle cx="100" cy="100" r="72"/><circle cx="100" cy="100" r="22"/><circle cx="100" cy="100" r="4"/><path d="M100 46 A54 54 0 0 1 154 100"/>`,
  box: `<path d="M30 70 L100 40 L170 70 V140 L100 170 L30 140 Z M30 70 L100 100 L170 70 M100 100 V170"/>`,
} as const;

export type PhotoIcon = keyof typeof ICONS;
export const PHOTO_ICONS = Object.keys(ICONS) as PhotoIcon[];

const WIDTH = 800;
const HEIGHT = 600;

// Three framings: centred, closer and tilted, smaller on a "table top".
const VARIANTS = [
  { scale: 1.9, rotate: 0, lightness: 58 },
  { scale: 2.4, rotate: -10, lightness: 48 },
  { scale: 1.4, rotate: 6, lightness: 66 },
];

/** A JPEG photo of the icon on a background of the given hue (0–359); variant 0, 1 or 2. */
export async function drawListingPhoto(icon: PhotoIcon, hue: number, variant = 0): Promise<Buffer> {
  const { scale, rotate, lightness } = VARIANTS[variant % VARIANTS.length];
  const background = `hsl(${hue}, 45%, ${lightness}%)`;
  const shade = `hsl(${hue}, 40%, ${lightness - 14}%)`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs><radialGradient id="light" cx="35%" cy="30%" r="80%"><stop offset="0" stop-color="white" stop-opacity="0.35"/><stop offset="1" stop-color="white" stop-opacity="0"/></radialGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="${background}"/>
  <rect y="${HEIGHT * 0.72}" width="${WIDTH}" height="${HEIGHT * 0.28}" fill="${shade}"/>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#light)"/>
  <g transform="translate(${WIDTH / 2} ${HEIGHT / 2}) rotate(${rotate}) scale(${scale}) translate(-100 -100)"
     fill="none" stroke="white" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">${ICONS[icon]}</g>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
