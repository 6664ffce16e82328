package io.vigil.gateway.recording;

import java.util.Arrays;

/**
 * A strong entity tag (RFC 9110 §8.8.3): the same tag means the same bytes. Compared as
 * {@code If-None-Match} asks (weakly: a {@code W/} prefix is ignored) or as {@code If-Range} asks
 * (strongly).
 *
 * @param opaque the tag without its quotes: letters, digits and '-' only, so it never needs escaping
 */
public record EntityTag(String opaque) {

    public EntityTag {
        if (!opaque.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("an entity tag of letters, digits and '-' only");
        }
    }

    /** The {@code ETag} header value. */
    public String header() {
        return '"' + opaque + '"';
    }

    /** Whether an {@code If-None-Match} header names this tag (or is {@code *}): the client has these bytes. */
    public boolean matchesAny(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(header()) || tag.equals("W/" + header()));
    }

    /** Whether an {@code If-Range} header is this tag exactly; a weak tag or a date never is. */
    public boolean matchesStrongly(String ifRange) {
        return ifRange != null && ifRange.strip().equals(header());
    }
}
