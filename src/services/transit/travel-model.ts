/**
 * Travel times and road distances between bus stops. The default estimates them from
 * the straight-line distance (a detour factor for the road network, a rural average
 * speed); with OSRM_URL set, an OSRM routing server's table service gives real road
 * times. Both answer for the whole set of stops at once, as a matrix the optimiser uses.
 */
import type { Logger } from 'pino';

export interface StopPoint {
  id: string;
  lat: number;
  lng: number;
}

export interface TravelMatrix {
  /** Which model produced the numbers (shown to operators). */
  source: 'estimate' | 'osrm';
  ids: string[];
  indexOf(stopId: string): number;
  /** Driving time in whole seconds. */
  seconds(from: number, to: number): number;
  metres(from: number, to: number): number;
}

export interface TravelModel {
  matrix(stops: StopPoint[]): Promise<TravelMatrix>;
}

/** Road distance ≈ 1.35 × straight line in rural Iwate; 30 km/h door to door including junctions. */
export const DEFAULT_DETOUR = 1.35;
export const DEFAULT_KMH = 30;

export function haversineMetres(a: StopPoint, b: StopPoint): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function matrixFrom(source: TravelMatrix['source'], ids: string[], seconds: Float64Array, metres: Float64Array): TravelMatrix {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    source,
    ids,
    indexOf(stopId) {
      const i = index.get(stopId);
      if (i === undefined) throw new Error(`unknown stop ${stopId}`);
      return i;
    },
    seconds: (from, to) => seconds[from * n + to]!,
    metres: (from, to) => metres[from * n + to]!,
  };
}

export function estimateMatrix(stops: StopPoint[], detour = DEFAULT_DETOUR, kmh = DEFAULT_KMH): TravelMatrix {
  const n = stops.length;
  const seconds = new Float64Array(n * n);
  const metres = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const road = haversineMetres(stops[i]!, stops[j]!) * detour;
      metres[i * n + j] = Math.round(road);
      seconds[i * n + j] = Math.round(road / ((kmh * 1000) / 3600));
    }
  }
  return matrixFrom('estimate', stops.map((s) => s.id), seconds, metres);
}

export class EstimatedTravel implements TravelModel {
  async matrix(stops: StopPoint[]): Promise<TravelMatrix> {
    return estimateMatrix(stops);
  }
}

/**
 * OSRM table service (`/table/v1/driving/lng,lat;...?annotations=duration,distance`).
 * The matrix is cached per set of stops; when the server cannot be reached the
 * estimate is used and a warning logged, so bookings never stop because of it.
 */
export class OsrmTravel implements TravelModel {
  private cache: { key: string; matrix: TravelMatrix } | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly log: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async matrix(stops: StopPoint[]): Promise<TravelMatrix> {
    const key = stops.map((s) => `${s.id}@${s.lat},${s.lng}`).join(';');
    if (this.cache?.key === key) return this.cache.matrix;
    try {
      const matrix = await this.fetchMatrix(stops);
      this.cache = { key, matrix };
      return matrix;
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'OSRM table request failed; using the distance estimate');
      return estimateMatrix(stops);
    }
  }

  private async fetchMatrix(stops: StopPoint[]): Promise<TravelMatrix> {
    const coords = stops.map((s) => `${s.lng.toFixed(6)},${s.lat.toFixed(6)}`).join(';');
    const response = await this.fetchImpl(`${this.baseUrl}/table/v1/driving/${coords}?annotations=duration,distance`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`OSRM answered ${response.status}`);
    const body = (await response.json()) as { code?: string; durations?: (number | null)[][]; distances?: (number | null)[][] };
    const n = stops.length;
    if (body.code !== 'Ok' || body.durations?.length !== n || body.distances?.length !== n) throw new Error(`OSRM answered code ${body.code ?? '(none)'}`);
    const seconds = new Float64Array(n * n);
    const metres = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = body.durations[i]![j];
        const m = body.distances[i]![j];
        // OSRM gives null for unreachable pairs: the optimiser must never route there.
        seconds[i * n + j] = d === null || d === undefined ? 1e7 : Math.round(d);
        metres[i * n + j] = m === null || m === undefined ? 1e7 : Math.round(m);
      }
    }
    return matrixFrom('osrm', stops.map((s) => s.id), seconds, metres);
  }
}
