package io.vigil.ingest.session;

import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.CameraUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.jboss.logging.Logger;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

/**
 * Sends FFmpeg's own error messages to the service log instead of stderr, with any URL's
 * credentials masked, at DEBUG in category {@code ffmpeg}: the sessions already log why a camera
 * failed, once per kind of failure, while FFmpeg repeats itself at every reconnect attempt.
 */
@ApplicationScoped
public class FfmpegLog {

    private static final Logger LOG = Logger.getLogger("ffmpeg");

    /** Held statically: FFmpeg keeps calling this native callback for the life of the process. */
    private static final LogCallback CALLBACK = new RedactingCallback();

    void onStart(@Observes StartupEvent event) {
        av_log_set_level(AV_LOG_ERROR);
        setLogCallback(CALLBACK);
    }

    private static final class RedactingCallback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (LOG.isDebugEnabled()) {
                String text = CameraUrls.redact(message.getString().strip());
                if (!text.isEmpty()) {
                    LOG.debug(text);
                }
            }
        }
    }
}
