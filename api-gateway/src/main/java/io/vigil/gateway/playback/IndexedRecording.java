package io.vigil.gateway.playback;

import io.vigil.gateway.recording.RecordingRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of the {@code recording} table with its fragment index, read only for the recordings a
 * playlist or clip needs. A separate view of the table so the recordings lists never load the
 * index (kilobytes per row).
 */
@Entity(name = "IndexedRecording")
@Table(name = "recording")
@Immutable
public class IndexedRecording extends RecordingRow {

    @Column(name = "fragment_index")
    private byte[] fragmentIndex;

    protected IndexedRecording() {
    }

    /** The packed FragmentIndex (docs/catalog.md); null when the file is not readable as fragmented MP4. */
    public byte[] fragmentIndex() {
        return fragmentIndex;
    }
}
