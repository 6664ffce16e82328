package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** vigil.audit's record: written and read back whole; a later field a reader does not know is ignored. */
class AuditRecordTest {

    @Test
    void anExportEntryReadsBackWhole() {
        AuditRecord record = new AuditRecord(AuditRecord.VERSION, "0b6d2b9e-4a0e-4d53-9d5c-2d1f6f1e2a10",
                Instant.parse("2026-12-01T10:00:00.123Z"), "alice", "footage.export", "succeeded", 200, "door", null,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:05:00Z"), null, "10.0.0.7",
                "7a1c0d36-3f55-4bb8-8f9e-8d3b0c3c1c11", "ab".repeat(32), 123_456L, null);

        assertThat(ContractJson.read(ContractJson.write(record), AuditRecord.class)).isEqualTo(record);
        assertThat(new String(ContractJson.write(record), StandardCharsets.UTF_8)).contains("\"v\":1", "\"action\":\"footage.export\"");
    }

    @Test
    void unknownFieldsOfALaterVersionAreIgnored() {
        AuditRecord record = ContractJson.read("""
                {"v":2,"id":"x","at":"2026-12-01T10:00:00Z","actor":"bob","action":"login","outcome":"denied","mfa":"totp"}"""
                .getBytes(StandardCharsets.UTF_8), AuditRecord.class);

        assertThat(record.actor()).isEqualTo("bob");
        assertThat(record.status()).isNull();
    }
}
