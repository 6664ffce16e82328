// Wall-clock time of a playlist's media time, from its EXT-X-PROGRAM-DATE-TIME tags (docs/playback.md:
// one at the start, at every new file and after every discontinuity; the durations fill in between).

export interface DatedPoint {
  media: number;
  wall: number;
}

export function datedPoints(m3u8: string): DatedPoint[] {
  const points: DatedPoint[] = [];
  let media = 0;
  for (const line of m3u8.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      points.push({ media, wall: Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length).trim()) });
    } else if (line.startsWith('#EXTINF:')) {
      media += parseFloat(line.slice('#EXTINF:'.length));
    }
  }
  return points;
}

/** The wall-clock instant (ms) at media time `seconds`; NaN without dates. */
export function wallClockAt(points: DatedPoint[], seconds: number): number {
  let point: DatedPoint | undefined;
  for (const p of points) {
    if (p.media <= seconds + 1e-3) {
      point = p;
    } else {
      break;
    }
  }
  point ??= points[0];
  return point ? point.wall + (seconds - point.media) * 1000 : NaN;
}

/** The media time (s) of the wall-clock instant `wall` (ms), within the playlist. */
export function mediaTimeAt(points: DatedPoint[], wall: number): number {
  let point: DatedPoint | undefined;
  for (const p of points) {
    if (p.wall <= wall) {
      point = p;
    }
  }
  return point ? point.media + (wall - point.wall) / 1000 : 0;
}
