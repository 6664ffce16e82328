package io.vigil.gateway.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagTest {

    private final EntityTag tag = new EntityTag("r12-3e8-18c");

    @Test
    void ifNoneMatchComparesWeaklyAndTakesListsAndTheStar() {
        assertThat(tag.header()).isEqualTo("\"r12-3e8-18c\"");
        assertThat(tag.matchesAny("\"r12-3e8-18c\"")).isTrue();
        assertThat(tag.matchesAny("W/\"r12-3e8-18c\"")).isTrue();
        assertThat(tag.matchesAny("\"a\", \"r12-3e8-18c\"")).isTrue();
        assertThat(tag.matchesAny("*")).isTrue();
        assertThat(tag.matchesAny("\"r12-3e8-18d\"")).isFalse();
        assertThat(tag.matchesAny("r12-3e8-18c")).isFalse();
        assertThat(tag.matchesAny(null)).isFalse();
    }

    @Test
    void ifRangeComparesStrongly() {
        assertThat(tag.matchesStrongly(" \"r12-3e8-18c\" ")).isTrue();
        assertThat(tag.matchesStrongly("W/\"r12-3e8-18c\"")).isFalse();
        assertThat(tag.matchesStrongly("Tue, 01 Dec 2026 10:00:00 GMT")).isFalse();
        assertThat(tag.matchesStrongly(null)).isFalse();
    }

    @Test
    void holdsOnlyCharactersThatNeedNoEscaping() {
        assertThatThrownBy(() -> new EntityTag("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntityTag("")).isInstanceOf(IllegalArgumentException.class);
    }
}
