#!/usr/bin/python3
"""Many RTSP cameras for almost no CPU: one pre-made H.264 file, served looped by N mounts.

Run with Debian's /usr/bin/python3 (the GStreamer bindings load only there):
    looped_cameras.py FILE.ts PORT COUNT
Mounts rtsp://127.0.0.1:PORT/cam1 ... /camCOUNT, each its own pipeline (shared by its clients) that
reads FILE.ts in a loop, never decoding or encoding. Prints "ready" once listening; ends when stdin
ends (the harness stopping, or its process gone).

Why it loops like this: multifilesrc loop=true feeds tsdemux an endless MPEG-TS stream whose
timestamps tsdemux keeps continuous across the wrap (PCR discontinuity handling), so a client sees
one endless stream. But the media then looks seekable, and the RTSP server seeks it on PLAY, which
a looping source cannot do: FFmpeg clients get 503. Answering the SEEKING query on the payloader's
sink pad as "not seekable" (and handled) stops the server from trying.
"""
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

LAUNCH = (
    "( multifilesrc name=file loop=true blocksize=65536 ! tsdemux ! h264parse config-interval=-1 "
    "! rtph264pay name=pay0 pt=96 config-interval=1 )"
)


def log(message):
    print(message, file=sys.stderr, flush=True)


def not_seekable(_pad, info):
    # a new SEEKING query says "not seekable" until someone fills it in: handling it here, unfilled,
    # is the answer (filling it from Python fails, the query is not writable in a probe)
    if info.get_query().type == Gst.QueryType.SEEKING:
        return Gst.PadProbeReturn.HANDLED
    return Gst.PadProbeReturn.OK


def on_media(_factory, media, path):
    element = media.get_element()
    element.get_by_name("file").set_property("location", path)
    payloader = element.get_by_name("pay0")
    payloader.get_static_pad("sink").add_probe(Gst.PadProbeType.QUERY_UPSTREAM, not_seekable)


def main():
    path, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(port))
    mounts = server.get_mount_points()
    for n in range(1, count + 1):
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(LAUNCH)
        factory.set_shared(True)
        factory.connect("media-configure", on_media, path)
        mounts.add_factory("/cam%d" % n, factory)
    if server.attach(None) == 0:
        log("cannot listen on port %d" % port)
        sys.exit(1)
    loop = GLib.MainLoop()

    def wait_for_stdin_end():
        for _ in sys.stdin:
            pass
        GLib.idle_add(loop.quit)

    threading.Thread(target=wait_for_stdin_end, daemon=True).start()
    log("serving %s looped on rtsp://127.0.0.1:%d/cam1..cam%d" % (path, port, count))
    print("ready", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
