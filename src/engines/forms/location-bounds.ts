// Oshu City's bounding box for `location` answers. The city describes itself as
// about 57 km east–west and 37 km north–south (993 km²), from the Ou mountains
// on the Akita border (焼石連峰, the west) to the 種山・阿原山 highlands (the
// east), and from 衣川 (the south) to the Kitakami and Tono borders (the north).
// At 39°N that is about 0.66° of longitude and 0.33° of latitude; the box below
// covers it with a margin of 2–3 km so that a point picked on the city's edge is
// never refused. It is a box, not the boundary: a point in a neighbouring town
// that falls inside it passes, and staff check the place itself.
//
// The brief's first guess (lng 140.75–141.35) would cut off eastern 江刺
// (米里, 伊手, 種山高原 around 141.38–141.42), so the east edge is wider.

export const LOCATION_BOUNDS = { south: 38.93, north: 39.33, west: 140.7, east: 141.45 } as const;

export function insideOshu(lat: number, lng: number): { lat: boolean; lng: boolean } {
  const b = LOCATION_BOUNDS;
  return { lat: lat >= b.south && lat <= b.north, lng: lng >= b.west && lng <= b.east };
}

/** For messages: '38.93', '140.70'. */
export function boundText(n: number): string {
  return n.toFixed(2);
}
