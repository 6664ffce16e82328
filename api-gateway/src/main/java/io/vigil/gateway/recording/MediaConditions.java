package io.vigil.gateway.recording;

/** The headers that make a media request partial or conditional; each is null when absent. */
record MediaConditions(String range, String ifNoneMatch, String ifRange) {
}
