package io.vigil.contracts.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** How full the recordings volume is, against the thresholds of {@link StorageThresholds}. */
public enum StorageState {
    /** Below the warn threshold. */
    @JsonProperty("ok") OK,
    /** At or above warn: the oldest unlocked recordings are deleted until usage is back under warn. */
    @JsonProperty("warn") WARN,
    /** At or above block: new recordings are refused; nothing already written is touched. */
    @JsonProperty("block") BLOCK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
