package io.vigil.gateway.playback;

import io.vigil.gateway.recording.EntityTag;

import java.util.List;

/**
 * Everything a clip is made of, settled before its first byte is sent: the init segment all its
 * parts share, the parts, its entity tag and its exact length (retiming keeps every moof's size).
 */
record Clip(byte[] init, List<ClipPart> parts, EntityTag tag, long length) {
}
