#!/usr/bin/python3
"""Vigil's test cameras: live H.264 streams served over RTSP by GStreamer's RTSP server.

Run by RtspCameraServer.java with Debian's /usr/bin/python3 (the GStreamer bindings load only there).
The conversation is line by line:
  stdin, first line: {"openPort": n, "protectedPort": n, "cameras": [{"name", "scene", "user", "password"}]}
  stdout: "ready" once both servers listen, then one answer per command ("ok ..." or "error ...")
  stdin, then: "scene <camera> STILL|MOVING|CORNER"
The end of stdin - RtspCameraServer stopping, or its JVM gone - ends the server.
Diagnostics go to stderr, never a password.
"""
import json
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gio, GLib, Gst, GstRtspServer, GstVideo  # noqa: E402

# Each scene sets the pattern of the full picture and of its top-left quarter (drawn over it).
# STILL: bars without the noise patch of "smpte", so nothing ever changes; MOVING: a ball, drawn small
# and scaled up so that it covers many motion-detection cells, in the picture and in the corner;
# CORNER: still bars with a ball moving only inside the top-left quarter (x, y < 0.5), for masks.
PATTERNS = {"STILL": ("smpte75", "smpte75"), "MOVING": ("ball", "ball"), "CORNER": ("smpte75", "ball")}

# 1280x720@25, a keyframe every second; x264 pads a synthetic picture to a camera's 2 Mbit/s, and
# config-interval=1 repeats SPS/PPS so a client can start at any keyframe. The leaky queue lets a
# starved encoder (many cameras on a small machine) drop frames instead of falling behind: a frame's
# timestamp stays the time it shows, as with a real camera, and the fps drops instead. Keyframes
# follow those timestamps (see KeyframeClock), not a frame count, so a starved camera still has
# one-second GOPs; key-int-max only backs that up.
LAUNCH = (
    "( compositor name=mix background=black sink_1::xpos=0 sink_1::ypos=0 "
    "! video/x-raw,width=320,height=180,framerate=25/1 "
    "! queue leaky=downstream max-size-buffers=2 max-size-bytes=0 max-size-time=0 "
    "! videoscale ! videoconvert ! video/x-raw,width=1280,height=720,format=I420 "
    "! x264enc name=encoder tune=zerolatency speed-preset=ultrafast key-int-max=50 bitrate=2000 pass=cbr "
    "option-string=nal-hrd=cbr:filler=1 "
    "! rtph264pay name=pay0 pt=96 config-interval=1 "
    "videotestsrc name=scene is-live=true ! video/x-raw,width=320,height=180,framerate=25/1 ! mix.sink_0 "
    "videotestsrc name=corner is-live=true ! video/x-raw,width=160,height=90,framerate=25/1 ! mix.sink_1 )"
)


KEYFRAME_INTERVAL = Gst.SECOND


class KeyframeClock:
    """Asks the encoder for a keyframe at the first frame of every second of the stream's own time."""

    def __init__(self, encoder):
        self.next = None
        encoder.get_static_pad("sink").get_peer().add_probe(Gst.PadProbeType.BUFFER, self.on_frame)

    def on_frame(self, pad, info):
        pts = info.get_buffer().pts
        if pts == Gst.CLOCK_TIME_NONE:
            return Gst.PadProbeReturn.OK
        if self.next is None:
            self.next = pts + KEYFRAME_INTERVAL  # the first frame is a keyframe anyway
        elif pts >= self.next:
            self.next += KEYFRAME_INTERVAL * ((pts - self.next) // KEYFRAME_INTERVAL + 1)
            # serialized: it reaches the encoder just before this frame
            pad.push_event(GstVideo.video_event_new_downstream_force_key_unit(
                Gst.CLOCK_TIME_NONE, Gst.CLOCK_TIME_NONE, Gst.CLOCK_TIME_NONE, True, 0))
        return Gst.PadProbeReturn.OK


def log(message):
    print(message, file=sys.stderr, flush=True)


def answer(message):
    print(message, flush=True)


class Camera:
    """One mount: its scene, and the live pipelines (one while shared) that show it."""

    def __init__(self, spec):
        self.name = spec["name"]
        self.scene = spec["scene"]
        self.user = spec.get("user")
        self.password = spec.get("password")
        self.tls = spec.get("tls", False)
        self.sources = []
        self.factory = GstRtspServer.RTSPMediaFactory()
        self.factory.set_launch(LAUNCH)
        self.factory.set_shared(True)
        self.factory.connect("media-configure", self.on_media)

    def on_media(self, _factory, media):
        """A new pipeline (the first client, or one after all had left): it starts with the current scene."""
        element = media.get_element()
        sources = (element.get_by_name("scene"), element.get_by_name("corner"))
        paint(sources, self.scene)
        KeyframeClock(element.get_by_name("encoder"))
        self.sources.append(sources)
        media.connect("unprepared", lambda _media: self.sources.remove(sources))

    def show(self, scene):
        self.scene = scene
        for sources in self.sources:
            paint(sources, scene)


def paint(sources, scene):
    for source, pattern in zip(sources, PATTERNS[scene]):
        Gst.util_set_object_arg(source, "pattern", pattern)


def server(port):
    rtsp = GstRtspServer.RTSPServer()
    rtsp.set_address("127.0.0.1")
    rtsp.set_service(str(port))
    return rtsp


def protect(rtsp, cameras):
    """Basic auth, one role per camera so that each camera's credentials open that camera only."""
    auth = GstRtspServer.RTSPAuth()
    for camera in cameras:
        role = "camera-" + camera.name
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, role)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(camera.user, camera.password), token)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role(role, GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
        permissions.add_permission_for_role(role, GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
        camera.factory.set_permissions(permissions)
    rtsp.set_auth(auth)


def serve_tls(rtsp, cameras, certificate_file):
    """RTSPS: TLS on this server's port with the certificate (and its key) of one PEM file; no credentials,
    a default token opens these mounts."""
    auth = GstRtspServer.RTSPAuth()
    auth.set_tls_certificate(Gio.TlsCertificate.new_from_file(certificate_file))
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "anonymous")
    auth.set_default_token(token)
    for camera in cameras:
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role("anonymous", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
        permissions.add_permission_for_role("anonymous", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
        camera.factory.set_permissions(permissions)
    rtsp.set_auth(auth)


def mount(rtsp, cameras):
    mounts = rtsp.get_mount_points()
    for camera in cameras:
        mounts.add_factory("/" + camera.name, camera.factory)
    if rtsp.attach(None) == 0:
        raise RuntimeError("cannot listen on port " + rtsp.get_service())


def execute(cameras, line):
    words = line.split()
    if len(words) == 3 and words[0] == "scene" and words[1] in cameras and words[2] in PATTERNS:
        cameras[words[1]].show(words[2])
        log("camera %s now shows the %s scene" % (words[1], words[2]))
        answer("ok " + line)
    else:
        answer("error unknown command or camera: " + line)
    return False


def read_commands(loop, cameras):
    for line in sys.stdin:
        if line.strip():
            GLib.idle_add(execute, cameras, line.strip())
    GLib.idle_add(loop.quit)


def main():
    Gst.init(None)
    config = json.loads(sys.stdin.readline())
    cameras = {spec["name"]: Camera(spec) for spec in config["cameras"]}
    open_cameras = [c for c in cameras.values() if c.user is None and not c.tls]
    protected_cameras = [c for c in cameras.values() if c.user is not None]
    tls_cameras = [c for c in cameras.values() if c.tls]
    # mixed on one server, protected mounts answer 404 instead of 401: they get a server of their own
    mount(server(config["openPort"]), open_cameras)
    if protected_cameras:
        protected = server(config["protectedPort"])
        protect(protected, protected_cameras)
        mount(protected, protected_cameras)
    if tls_cameras:
        secure = server(config["tlsPort"])
        serve_tls(secure, tls_cameras, config["tlsCertificate"])
        mount(secure, tls_cameras)
    loop = GLib.MainLoop()
    threading.Thread(target=read_commands, args=(loop, cameras), daemon=True).start()
    log("serving %s on port %d, %s on port %d" % (
        [c.name for c in open_cameras], config["openPort"], [c.name for c in protected_cameras], config["protectedPort"]))
    answer("ready")
    loop.run()


if __name__ == "__main__":
    main()
