// The API's JSON as the UI reads it (api-gateway/README.md is the reference).

export interface PreRoll {
  seconds: number;
  bytes: number;
  pieces: number;
  peakBytes: number;
  drops: number;
}

export interface CameraStatus {
  state: string;
  connection: string;
  online: boolean;
  recording: boolean;
  eventId: string | null;
  eventReason: string | null;
  elapsedSeconds: number | null;
  preRollSeconds: number | null;
  preRoll: PreRoll | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  bitrate: number | null;
  lastError: string | null;
  errorCode: string | null;
  retryAt: string | null;
  reconnects: number | null;
  updatedAt: string | null;
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Motion {
  enabled: boolean;
  sensitivity: number;
  minAreaPercent: number;
  masks: Region[];
}

/** A camera as the API shows it: the request's fields (headers only by name, each "set"), and more. */
export interface Camera extends CameraRequest {
  credentials: boolean;
  status: CameraStatus;
}

/** The body of POST /api/cameras and PUT /api/cameras/{id}. */
export interface CameraRequest {
  id: string;
  name: string;
  url: string;
  mode: string;
  rotationSeconds: number;
  preRollSeconds: number;
  postRollSeconds: number;
  maxEventSeconds: number;
  motion: Motion;
  retentionDays: number;
  retentionBytes: number | null;
  headers: Record<string, string>;
  variant: string | null;
}

export interface CameraUsage {
  cameraId: string;
  bytes: number;
  recordings: number;
}

export interface Storage {
  total: number;
  used: number;
  free: number;
  usedPercent: number;
  warnPercent: number;
  blockPercent: number;
  state: 'ok' | 'warn' | 'block';
  cameras: CameraUsage[];
}

export interface Span {
  start: string;
  end: string;
}

export interface Gap extends Span {
  cause: string;
  detail: string | null;
}

export interface EventRecording {
  id: number;
  start: string;
  end: string;
  mediaUrl: string;
}

export interface VigilEvent {
  id: string;
  cameraId: string;
  start: string;
  end: string | null;
  recordingEnd: string | null;
  reason: string;
  label: string | null;
  peakScore: number | null;
  recordings: EventRecording[];
}

export interface Timeline {
  cameraId: string;
  from: string;
  to: string;
  covered: Span[];
  gaps: Gap[];
  events: VigilEvent[];
  recordings: number;
  coveredSeconds: number;
  gapSeconds: number;
}

export interface RecordingDates {
  cameraId: string;
  month: string;
  tz: string;
  dates: string[];
}

export interface Recording {
  id: number;
  cameraId: string;
  start: string;
  end: string;
  durationSeconds: number;
  bytes: number;
  codec: string | null;
  width: number | null;
  height: number | null;
  reason: string;
  eventId: string | null;
  retentionLocked: boolean;
}

/** The caller as GET /api/auth/me (and a login) answers. */
export interface Caller {
  principal: string;
  via: 'session' | 'oidc' | 'key' | 'jwt';
  roles: string[];
  /** null: every camera */
  cameras: string[] | null;
  expiresAt?: string | null;
}

/** GET /api/auth/methods: what the login page offers. */
export interface LoginMethods {
  password: boolean;
  /** null: no OIDC provider is configured */
  oidc: { name: string; login: string } | null;
}
