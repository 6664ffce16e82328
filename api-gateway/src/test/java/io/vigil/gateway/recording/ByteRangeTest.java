package io.vigil.gateway.recording;

import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void closedRangeIsTakenAsIs() {
        assertThat(ByteRange.parse("bytes=100-199", SIZE)).contains(new ByteRange(100, 199));
        assertThat(new ByteRange(100, 199).length()).isEqualTo(100);
        assertThat(new ByteRange(100, 199).contentRange(SIZE)).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(ByteRange.parse("bytes=900-", SIZE)).contains(new ByteRange(900, 999));
    }

    @Test
    void lastByteBeyondTheEndIsClamped() {
        assertThat(ByteRange.parse("bytes=990-5000", SIZE)).contains(new ByteRange(990, 999));
    }

    @Test
    void suffixRangeIsTheTail() {
        assertThat(ByteRange.parse("bytes=-500", SIZE)).contains(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=-5000", SIZE)).contains(new ByteRange(0, 999));
    }

    @Test
    void noHeaderOtherUnitSeveralRangesOrGarbageMeanTheWholeFile() {
        assertThat(ByteRange.parse(null, SIZE)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", SIZE)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", SIZE)).isEmpty();
        assertThat(ByteRange.parse("bytes=abc", SIZE)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", SIZE)).isEmpty();
        assertThat(ByteRange.parse("bytes=200-100", SIZE)).isEmpty();
    }

    @Test
    void startBeyondTheEndIsUnsatisfiable() {
        assertUnsatisfiable("bytes=1000-");
        assertUnsatisfiable("bytes=999999999-");
        assertUnsatisfiable("bytes=99999999999999999999999-");
        assertUnsatisfiable("bytes=-0");
    }

    @Test
    void anyRangeOfAnEmptyFileIsUnsatisfiable() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ByteRange.parse("bytes=-10", 0));
        assertThat(e.headers()).containsEntry("Content-Range", "bytes */0");
    }

    private static void assertUnsatisfiable(String header) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ByteRange.parse(header, SIZE));
        assertThat(e).as(header).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.RANGE_NOT_SATISFIABLE);
        assertThat(e.headers()).containsEntry("Content-Range", "bytes */1000");
    }
}
