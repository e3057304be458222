import type { DemoPhoto, DemoScene } from './demo-content.types.ts';

type Point = readonly [number, number];
interface Scene {
  readonly palette: DemoPhoto['palette'];
  /** A seeded random number in [min, max). */
  readonly rnd: (min: number, max: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
}

// Every scene is drawn on a fixed 1200×800 canvas; the viewBox scales it to whatever size is asked for.
const W = 1200,
  H = 800;

/**
 * Draws a flat-illustration stand-in for a news photo as a standalone SVG document.
 * The same photo always gives the same picture, so seeding is repeatable.
 *
 * @example sharp(Buffer.from(drawDemoPhoto(article.photo))).webp().toFile('busan-harbour.webp')
 */
export function drawDemoPhoto(photo: DemoPhoto, width = 2400, height = 1600): string {
  const { skyTop, skyBottom } = photo.palette;
  const defs = gradient('sky', skyTop, skyBottom) + gradient('water', mix(skyBottom, skyTop, 0.35), shade(skyTop, 0.35));
  const body = sceneDrawers[photo.scene](createScene(photo));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${W} ${H}" ` +
    `preserveAspectRatio="xMidYMid slice"><defs>${defs}</defs>${body}</svg>`
  );
}

function createScene(photo: DemoPhoto): Scene {
  // mulberry32: tiny and good enough to scatter shapes; the same seed always yields the same sequence.
  let state = photo.seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { palette: photo.palette, rnd: (min, max) => min + next() * (max - min), pick };
}

const num = (value: number): string => String(Math.round(value * 10) / 10);
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const repeat = (count: number, draw: (i: number) => string): string => Array.from({ length: Math.floor(count) }, (_, i) => draw(i)).join('');

function mix(from: string, to: string, amount: number): string {
  const channel = (hex: string, i: number): number => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  const mixed = [0, 1, 2].map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
const shade = (colour: string, amount: number): string => mix(colour, '#000000', amount);
const tint = (colour: string, amount: number): string => mix(colour, '#ffffff', amount);

const gradient = (id: string, top: string, bottom: string): string =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
  `<stop offset="1" stop-color="${bottom}"/></linearGradient>`;
const faded = (opacity: number): string => ` opacity="${Math.round(opacity * 100) / 100}"`;
const outlined = (colour: string, width: number): string => ` stroke="${colour}" stroke-width="${width}"`;
const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${fill}"${extra}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, extra = ''): string =>
  `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}"${extra}/>`;
const polygon = (points: readonly Point[], fill: string, extra = ''): string =>
  `<polygon points="${points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${fill}"${extra}/>`;
const path = (d: string, fill: string, extra = ''): string => `<path d="${d}" fill="${fill}"${extra}/>`;
const line = (d: string, colour: string, width: number, extra = ''): string => path(d, 'none', outlined(colour, width) + extra);
const oval = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = ''): string => {
  const arc = `A${num(rx)} ${num(ry)} 0 1 0`;
  return path(`M${num(cx - rx)} ${num(cy)}${arc} ${num(cx + rx)} ${num(cy)}${arc} ${num(cx - rx)} ${num(cy)}Z`, fill, extra);
};

function drawSky({ rnd, palette }: Scene, sunX: number, sunY: number, sunR: number, clouds = 3): string {
  const glow = [3, 2, 1.5].map((k) => circle(sunX, sunY, sunR * k, palette.sun, faded(0.12))).join('');
  const cloud = (): string => {
    const x = rnd(0, W),
      y = rnd(60, 260),
      w = rnd(60, 130);
    const puffs = [
      [0, 0, 0.5],
      [w * 0.45, -w * 0.18, 0.45],
      [w * 0.9, 0, 0.4],
    ] as const;
    return `<g${faded(0.55)}>${puffs.map(([dx, dy, k]) => circle(x + dx, y + dy, w * k, '#ffffff')).join('')}</g>`;
  };
  return rect(0, 0, W, H, 'url(#sky)') + glow + circle(sunX, sunY, sunR, palette.sun) + repeat(clouds, cloud);
}

/** Alternating peaks and saddles across the width; even indices are the peaks. */
function ridgePoints({ rnd }: Scene, baseY: number, height: number, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i): Point => {
    const x = (i * W) / steps + (i > 0 && i < steps ? rnd(-25, 25) : 0);
    return [x, baseY - height * (i % 2 === 0 ? rnd(0.6, 1) : rnd(0.1, 0.45))];
  });
}

const ridge = (points: readonly Point[], fill: string): string => polygon([[0, H], ...points, [W, H]], fill);

function rollingHills(points: readonly Point[], fill: string): string {
  let d = `M0 ${H}L0 ${num(points[0]?.[1] ?? H)}`;
  points.slice(1).forEach(([x, y], i) => {
    const [px, py] = points[i] ?? [0, y];
    d += `C${num((px + x) / 2)} ${num(py)} ${num((px + x) / 2)} ${num(y)} ${num(x)} ${num(y)}`;
  });
  return path(`${d}L${W} ${H}Z`, fill);
}

function snowCap(prev: Point, peak: Point, next: Point): string {
  const left = lerp(peak, prev, 0.3),
    right = lerp(peak, next, 0.3);
  return polygon([peak, right, lerp(right, left, 0.3), lerp(peak, lerp(right, left, 0.6), 0.55), left], '#f6f7fb', faded(0.92));
}

const pine = (x: number, baseY: number, h: number, fill: string): string =>
  polygon(
    [
      [x, baseY - h],
      [x + h * 0.28, baseY],
      [x - h * 0.28, baseY],
    ],
    fill,
  ) + rect(x - h * 0.04, baseY, h * 0.08, h * 0.12, fill);
const roundTree = (x: number, baseY: number, r: number, fill: string): string =>
  rect(x - r * 0.12, baseY - r, r * 0.24, r, fill) + circle(x, baseY - r * 1.5, r, fill) + circle(x + r * 0.5, baseY - r * 1.1, r * 0.7, fill);

function drawMountains(s: Scene): string {
  const { rnd, palette: p } = s;
  const far = ridgePoints(s, 470, 330, 8);
  const caps = far.map((peak, i) => (i % 2 || i === 0 || i === far.length - 1 ? '' : snowCap(far[i - 1] ?? peak, peak, far[i + 1] ?? peak)));
  const trees = Array.from({ length: 26 }, () => [rnd(0, W), rnd(700, 820), rnd(50, 110)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x, y, h]) => pine(x, y, h, shade(p.ground[2], 0.3)));
  return (
    drawSky(s, rnd(150, 1050), rnd(90, 160), 45) +
    ridge(far, mix(p.ground[0], p.skyBottom, 0.35)) +
    caps.join('') +
    ridge(ridgePoints(s, 600, 190, 10), p.ground[1]) +
    rollingHills(ridgePoints(s, 700, 70, 6), p.ground[2]) +
    trees.join('')
  );
}

function drawHarbour(s: Scene): string {
  const { rnd, pick, palette: p } = s;
  const sunX = rnd(200, 1000),
    quayY = 650,
    shipX = rnd(20, 200);
  const glitter = repeat(14, (i) => rect(sunX - rnd(20, 110), 500 + i * 11, rnd(60, 220), 3, p.sun, faded(0.5)));
  const boxes = [p.ground[1], mix(p.sun, p.ground[2], 0.25), tint(p.ground[0], 0.25), shade(p.ground[1], 0.35)];
  const stack = (x: number, baseY: number, high: number, width: number): string =>
    repeat(high, (i) => rect(x, baseY - (i + 1) * 32, width, 30, pick(boxes), `${outlined('#000000', 2)} stroke-opacity="0.25"`));
  const hull: Point[] = [
    [shipX, quayY - 60],
    [shipX + 760, quayY - 60],
    [shipX + 720, quayY + 5],
    [shipX + 40, quayY + 5],
  ];
  const ship =
    polygon(hull, shade(p.ground[2], 0.2)) +
    rect(shipX + 620, quayY - 150, 80, 90, tint(p.skyBottom, 0.6)) +
    repeat(10, (i) => stack(shipX + 40 + i * 57, quayY - 60, rnd(2, 5), 54));
  const cranes = repeat(rnd(2, 4), (i) => drawCrane(260 + i * 380 + rnd(-30, 30), quayY + 10, shade(p.ground[2], 0.45)));
  const quayStacks = repeat(rnd(5, 9), (i) => stack(580 + i * 100, 760, rnd(1, 4), 92));
  return (
    drawSky(s, sunX, rnd(330, 400), 55, 2) +
    ridge(ridgePoints(s, 490, 60, 12), mix(p.skyBottom, p.ground[0], 0.5)) +
    rect(0, 480, W, H - 480, 'url(#water)') +
    glitter +
    ship +
    rect(0, quayY, W, H - quayY, p.ground[2]) +
    cranes +
    quayStacks
  );
}

function drawCrane(x: number, baseY: number, colour: string): string {
  const top = baseY - 300,
    apex = baseY - 390;
  const legs = `M${x} ${baseY}V${top}M${x + 110} ${baseY}V${top}M${x} ${baseY - 170}H${x + 110}`;
  const boom = `M${x - 230} ${top}H${x + 170}M${x + 55} ${apex}L${x - 230} ${top}M${x + 55} ${apex}L${x + 170} ${top}`;
  const tower = `M${x} ${top}L${x + 55} ${apex}L${x + 110} ${top}`;
  return line(legs + boom + tower, colour, 9) + rect(x - 110, top, 50, 36, colour) + line(`M${x - 85} ${top + 36}V${top + 140}`, colour, 3);
}

function drawCity(s: Scene): string {
  const { rnd, palette: p } = s;
  const street = 690;
  const skyline = (baseY: number, minH: number, maxH: number, colour: string, lit: number): string => {
    let out = '';
    for (let x = -20; x < W; ) {
      const w = rnd(70, 150),
        h = rnd(minH, maxH);
      out += rect(x, baseY - h, w - 8, h, colour) + (lit > 0 ? drawWindows(s, x, baseY - h, w - 8, h, colour, lit) : '');
      x += w;
    }
    return out;
  };
  const dashes = repeat(12, (i) => rect(i * 110 + 20, 750, 60, 6, p.sun, faded(0.6)));
  return (
    drawSky(s, rnd(150, 1050), rnd(90, 200), 40, 2) +
    skyline(620, 160, 420, mix(p.ground[0], p.skyBottom, 0.35), 0) +
    skyline(street, 120, 380, p.ground[1], 0.5) +
    rect(0, street, W, H - street, p.ground[2]) +
    dashes
  );
}

function drawWindows({ rnd, palette }: Scene, x: number, y: number, w: number, h: number, wall: string, litShare: number): string {
  const cols = Math.floor((w - 16) / 22),
    rows = Math.floor((h - 20) / 30);
  return repeat(cols * rows, (i) => {
    const wx = x + 12 + (i % cols) * 22,
      wy = y + 16 + Math.floor(i / cols) * 30;
    return rnd(0, 1) < litShare ? rect(wx, wy, 11, 16, palette.sun, faded(rnd(0.55, 1))) : rect(wx, wy, 11, 16, shade(wall, 0.25));
  });
}

function drawField(s: Scene): string {
  const { rnd, palette: p } = s;
  const turbines = repeat(rnd(3, 6), (i) => drawTurbine(s, 150 + i * 210 + rnd(-40, 40), 520, rnd(150, 200)));
  const hedge = repeat(22, (i) => roundTree(i * 58 + rnd(-15, 15), 630, rnd(16, 26), shade(p.ground[1], 0.35)));
  const top = 620,
    vanishX = rnd(400, 800),
    vanishY = 420;
  const xAtTop = (bottomX: number): number => vanishX + (bottomX - vanishX) * ((top - vanishY) / (H - vanishY));
  const furrows = repeat(16, (i) => {
    const a = -1400 + i * 250,
      b = a + 125;
    return polygon(
      [
        [xAtTop(a), top],
        [xAtTop(b), top],
        [b, H],
        [a, H],
      ],
      shade(p.ground[2], 0.18),
    );
  });
  return (
    drawSky(s, rnd(150, 1050), rnd(100, 220), 50) +
    turbines +
    rollingHills(ridgePoints(s, 500, 70, 6), mix(p.ground[0], p.skyBottom, 0.3)) +
    rollingHills(ridgePoints(s, 590, 45, 8), p.ground[1]) +
    hedge +
    rect(0, top, W, H - top, p.ground[2]) +
    furrows
  );
}

function drawTurbine({ rnd }: Scene, x: number, baseY: number, h: number): string {
  const hubY = baseY - h,
    angle = rnd(0, 120);
  const bladeShape: Point[] = [
    [x - 4, hubY],
    [x + 4, hubY],
    [x + 1, hubY - h * 0.5],
    [x - 1, hubY - h * 0.5],
  ];
  const blade = (turn: number): string => polygon(bladeShape, '#ffffff', ` transform="rotate(${num(angle + turn)} ${num(x)} ${num(hubY)})"`);
  const tower = polygon(
    [
      [x - 5, baseY],
      [x + 5, baseY],
      [x + 2, hubY],
      [x - 2, hubY],
    ],
    '#ffffff',
  );
  // A faint outline keeps white turbines visible against a pale sky.
  return `<g${outlined('#5d6d7e', 1.5)} stroke-opacity="0.45">${tower}${blade(0)}${blade(120)}${blade(240)}${circle(x, hubY, 6, '#ffffff')}</g>`;
}

function drawStadium(s: Scene): string {
  const { rnd, pick, palette: p } = s;
  const cx = 600,
    cy = 580;
  const fans = [p.sun, p.ground[0], '#ffffff', tint(p.ground[1], 0.4), shade(p.ground[2], 0.4)];
  const crowd = repeat(900, () => {
    const angle = rnd(0, Math.PI * 2),
      depth = rnd(0.04, 0.96);
    return circle(cx + Math.cos(angle) * (380 + depth * 140), cy + Math.sin(angle) * (150 + depth * 60), 3.5, pick(fans), faded(0.85));
  });
  const masts = (
    [
      [70, 470],
      [1130, 470],
      [250, 380],
      [950, 380],
    ] as const
  ).map(([x, y]) => drawFloodlight(x, y, p.sun, shade(p.ground[2], 0.4)));
  // Keep the sun between the floodlight masts so neither hides the other.
  return (
    drawSky(s, rnd(420, 780), rnd(80, 170), 35, 2) +
    ridge(ridgePoints(s, 380, 60, 14), mix(p.ground[2], p.skyBottom, 0.45)) +
    oval(cx, cy, 580, 250, p.ground[2]) +
    oval(cx, cy, 530, 215, p.ground[1]) +
    crowd +
    oval(cx, cy, 378, 148, shade(p.ground[1], 0.3)) +
    drawPitch(cx, cy, p.ground[0]) +
    masts.join('')
  );
}

/** A football pitch in perspective: wider at the near touchline than at the far one. */
function drawPitch(cx: number, cy: number, grass: string): string {
  const top = cy - 105,
    bottom = cy + 115;
  const at = (t: number, y: number): Point => {
    const half = 250 + 80 * ((y - top) / (bottom - top));
    return [cx - half + 2 * half * t, y];
  };
  const band = (t0: number, t1: number, y0: number, y1: number): Point[] => [at(t0, y0), at(t1, y0), at(t1, y1), at(t0, y1)];
  const stripes = repeat(10, (i) => polygon(band(i / 10, (i + 1) / 10, top, bottom), i % 2 ? tint(grass, 0.12) : grass));
  const boxes = (
    [
      [0, 0.14],
      [0.86, 1],
    ] as const
  ).map(([t0, t1]) => polygon(band(t0, t1, cy - 50, cy + 55), 'none', outlined('#ffffff', 3)));
  const markings =
    polygon(band(0, 1, top, bottom), 'none', outlined('#ffffff', 4)) +
    line(`M${cx} ${top}V${bottom}`, '#ffffff', 3) +
    oval(cx, cy + 4, 62, 30, 'none', outlined('#ffffff', 3)) +
    boxes.join('');
  return `${stripes}<g${faded(0.85)}>${markings}</g>`;
}

function drawFloodlight(x: number, baseY: number, light: string, steel: string): string {
  const topY = baseY - 300;
  return (
    polygon(
      [
        [x - 20, topY + 10],
        [x + 20, topY + 10],
        [600 + (x - 600) * 0.2, 600],
      ],
      light,
      faded(0.1),
    ) +
    rect(x - 4, topY, 8, baseY - topY, steel) +
    rect(x - 30, topY - 24, 60, 30, steel) +
    repeat(3, (i) => rect(x - 26 + i * 18, topY - 20, 14, 22, light)) +
    circle(x, topY - 8, 60, light, faded(0.2))
  );
}

function drawMarket(s: Scene): string {
  const { rnd, palette: p } = s;
  const facade = (x: number): string =>
    rect(x, rnd(60, 200), 236, 500, tint(p.ground[0], rnd(0, 0.2))) +
    repeat(8, (i) => rect(x + 28 + (i % 4) * 50, 230 + Math.floor(i / 4) * 110, 26, 60, shade(p.ground[0], 0.35)));
  const stallCount = Math.floor(rnd(3, 5)),
    stallW = W / stallCount;
  const lights =
    line(`M0 160Q600 280 ${W} 160`, shade(p.ground[2], 0.5), 2) + repeat(24, (i) => circle(i * 52 + 10, 160 + Math.sin((i / 23) * Math.PI) * 60, 6, p.sun));
  const shopper = (x: number, k: number, colour: string): string =>
    circle(x, H - 190 * k, 22 * k, colour) + rect(x - 30 * k, H - 160 * k, 60 * k, 170 * k, colour, ` rx="${num(26 * k)}"`);
  const shoppers = repeat(rnd(4, 8), () => shopper(rnd(40, 1160), rnd(0.9, 1.25), shade(p.ground[2], rnd(0.25, 0.6))));
  return (
    drawSky(s, rnd(100, 1100), 70, 30, 1) +
    repeat(6, (i) => facade(i * 240 - 120 + rnd(-10, 10))) +
    rect(0, 560, W, H - 560, p.ground[2]) +
    repeat(stallCount, (i) => drawStall(s, i * stallW + 25, stallW - 50)) +
    lights +
    shoppers
  );
}

function drawStall({ pick, palette: p }: Scene, x: number, w: number): string {
  const stripe = w / 8,
    canvas = pick([p.ground[1], p.sun, mix(p.ground[1], p.sun, 0.5)]);
  const colourOf = (i: number): string => (i % 2 ? '#fbf6ea' : canvas);
  const awning = repeat(
    8,
    (i) =>
      circle(x + i * stripe + stripe / 2, 470, stripe / 2, colourOf(i)) +
      polygon(
        [
          [x + i * stripe, 380],
          [x + (i + 1) * stripe, 380],
          [x + (i + 1) * stripe + 6, 470],
          [x + i * stripe - 6, 470],
        ],
        colourOf(i),
      ),
  );
  const produce = [p.sun, p.ground[1], mix(p.sun, p.ground[1], 0.5), tint(p.ground[0], 0.3)];
  const crates = repeat(w / 70, (i) => {
    const crateX = x + 10 + i * 70,
      fruit = pick(produce);
    const pile = repeat(9, (j) => circle(crateX + 12 + (j % 4) * 14 + (j >= 4 ? 7 : 0), 592 - (j >= 4 ? 12 : 0) - (j >= 8 ? 12 : 0), 8, fruit));
    return pile + rect(crateX, 592, 62, 22, tint(p.ground[2], 0.35));
  });
  const pole = shade(p.ground[2], 0.4);
  return rect(x + 2, 470, 8, 200, pole) + rect(x + w - 10, 470, 8, 200, pole) + awning + rect(x - 5, 612, w + 10, 60, shade(p.ground[2], 0.25)) + crates;
}

function drawLab(s: Scene): string {
  const { rnd, pick, palette: p } = s;
  const tiles = line(repeat(12, (i) => `M0 ${i * 50}H${W}`) + repeat(24, (i) => `M${i * 50} 0V560`), '#ffffff', 2, faded(0.2));
  const lamps = repeat(3, (i) => {
    const x = 250 + i * 350;
    return (
      line(`M${x} 0V110`, p.ground[2], 3) +
      circle(x, 140, 130, p.sun, faded(0.18)) +
      path(`M${x - 60} 140A60 40 0 0 1 ${x + 60} 140Z`, p.ground[2]) +
      rect(x - 25, 138, 50, 8, p.sun)
    );
  });
  const shelfX = rnd(80, 600);
  const bottles = repeat(7, (i) => {
    const h = rnd(40, 80),
      x = shelfX + 20 + i * 62;
    return rect(x, 330 - h, 36, h, pick([p.ground[0], p.ground[1], mix(p.sun, p.ground[1], 0.4)])) + rect(x + 10, 318 - h, 16, 12, p.ground[2]);
  });
  const liquids = [p.ground[0], p.sun, mix(p.ground[0], p.sun, 0.5), tint(p.ground[1], 0.3)];
  const glassware = repeat(rnd(5, 8), (i) => {
    const x = 90 + i * 150 + rnd(-20, 20),
      liquid = pick(liquids);
    return rnd(0, 1) < 0.5 ? drawFlask(x, 560, rnd(90, 150), liquid) : drawBeaker(x, 560, rnd(60, 110), liquid);
  });
  const doors = repeat(6, (i) => line(`M${i * 200 + 200} 600V800`, shade(p.ground[1], 0.25), 4) + rect(i * 200 + 170, 650, 10, 40, p.ground[2]));
  return (
    rect(0, 0, W, H, 'url(#sky)') +
    tiles +
    rect(shelfX, 330, 460, 14, p.ground[2]) +
    bottles +
    lamps +
    rect(0, 560, W, 40, p.ground[2]) +
    rect(0, 600, W, 200, p.ground[1]) +
    doors +
    glassware
  );
}

const glass = faded(0.35) + outlined('#ffffff', 3);

function drawFlask(x: number, baseY: number, h: number, liquid: string): string {
  const neck = h * 0.12,
    shoulderY = baseY - h * 0.6,
    liquidY = baseY - h * 0.35,
    half = h * 0.42;
  const liquidHalf = neck + (half - neck) * ((liquidY - shoulderY) / (baseY - shoulderY));
  const body: Point[] = [
    [x + neck, baseY - h],
    [x + neck, shoulderY],
    [x + half, baseY],
    [x - half, baseY],
    [x - neck, shoulderY],
    [x - neck, baseY - h],
  ];
  return (
    polygon(
      [
        [x - liquidHalf, liquidY],
        [x + liquidHalf, liquidY],
        [x + half, baseY],
        [x - half, baseY],
      ],
      liquid,
      faded(0.9),
    ) + polygon(body, '#ffffff', glass)
  );
}

const drawBeaker = (x: number, baseY: number, h: number, liquid: string): string =>
  rect(x - h * 0.4, baseY - h * 0.55, h * 0.8, h * 0.55, liquid, faded(0.9)) + rect(x - h * 0.4, baseY - h, h * 0.8, h, '#ffffff', glass);

function drawRiver(s: Scene): string {
  const { rnd, palette: p } = s;
  const phase = rnd(0, Math.PI * 2),
    bend = rnd(80, 160),
    horizon = 470;
  const centre = (y: number): number => 600 + Math.sin(phase + (y - horizon) / 90) * bend * ((y - horizon) / (H - horizon)) ** 0.7;
  const halfWidth = (y: number): number => 8 + (y - horizon) * 0.75;
  const bank =
    (side: number) =>
    (y: number): Point => [centre(y) + side * halfWidth(y), y];
  const ys = Array.from({ length: 34 }, (_, i) => horizon + (i * (H - horizon + 10)) / 33);
  const water = polygon([...ys.map(bank(-1)), ...[...ys].reverse().map(bank(1))], 'url(#water)');
  const ripples = repeat(16, () => {
    const y = rnd(horizon + 40, H),
      half = halfWidth(y);
    return rect(centre(y) + rnd(-0.6, 0.3) * half, y, rnd(0.1, 0.35) * half, 3, p.skyBottom, faded(0.5));
  });
  const trees = Array.from({ length: 40 }, () => [rnd(horizon + 10, H + 40), rnd(0, 1) < 0.5 ? -1 : 1, rnd(1.1, 2.2)] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([y, side, gap]) => roundTree(bank(side * gap)(y)[0], y, 8 + (y - horizon) * 0.09, shade(p.ground[2], rnd(0, 0.3))));
  return (
    drawSky(s, rnd(150, 1050), rnd(120, 260), 45) +
    ridge(ridgePoints(s, 420, 110, 8), mix(p.ground[0], p.skyBottom, 0.4)) +
    rollingHills(ridgePoints(s, horizon, 40, 6), p.ground[0]) +
    rect(0, horizon, W, H - horizon, p.ground[1]) +
    water +
    ripples +
    trees.join('')
  );
}

const sceneDrawers: Record<DemoScene, (scene: Scene) => string> = {
  harbour: drawHarbour,
  mountains: drawMountains,
  city: drawCity,
  field: drawField,
  stadium: drawStadium,
  market: drawMarket,
  lab: drawLab,
  river: drawRiver,
};
