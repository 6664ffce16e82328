package io.vigil.gateway.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a caller is and what they may do: a principal name, a role, and the cameras the role is limited to
 * (null: every camera).
 *
 * @param principal the user name, {@code key:<name>} for an API key, or the JWT's subject
 * @param via       how the caller proved it: {@code session}, {@code key} or {@code jwt}
 */
public record Grant(String principal, String via, Role role, Set<String> cameras) {

    public Grant {
        cameras = cameras == null ? null : Set.copyOf(cameras);
    }

    public static Set<String> cameras(List<String> ids) {
        return ids == null ? null : new TreeSet<>(ids);
    }
}
