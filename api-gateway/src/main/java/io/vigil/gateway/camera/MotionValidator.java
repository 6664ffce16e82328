package io.vigil.gateway.camera;

import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import io.vigil.gateway.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** The {@code motion} part of {@link CameraValidator}: a 400 names the field exactly, e.g. {@code motion.masks[2].width}. */
final class MotionValidator {

    static final int MIN_SENSITIVITY = 1;
    static final int MAX_SENSITIVITY = 100;
    static final double MAX_AREA_PERCENT = 100;

    private MotionValidator() {
    }

    static MotionSettings motion(MotionRequest request) {
        if (request == null) {
            return MotionSettings.DEFAULT;
        }
        return new MotionSettings(request.enabled() == null || request.enabled(), sensitivity(request.sensitivity()),
                minAreaPercent(request.minAreaPercent()), masks(request.masks()));
    }

    private static int sensitivity(Integer sensitivity) {
        if (sensitivity == null) {
            return MotionSettings.DEFAULT_SENSITIVITY;
        }
        if (sensitivity < MIN_SENSITIVITY || sensitivity > MAX_SENSITIVITY) {
            throw ProblemException.invalid("motion.sensitivity",
                    "motion.sensitivity must be between " + MIN_SENSITIVITY + " and " + MAX_SENSITIVITY);
        }
        return sensitivity;
    }

    private static double minAreaPercent(Double percent) {
        if (percent == null) {
            return MotionSettings.DEFAULT_MIN_AREA_PERCENT;
        }
        if (!(percent >= MotionSettings.MIN_AREA_PERCENT_LOWEST && percent <= MAX_AREA_PERCENT)) {
            throw ProblemException.invalid("motion.minAreaPercent",
                    "motion.minAreaPercent must be between " + MotionSettings.MIN_AREA_PERCENT_LOWEST + " and " + MAX_AREA_PERCENT);
        }
        return percent;
    }

    private static List<Region> masks(List<RegionRequest> masks) {
        if (masks == null) {
            return List.of();
        }
        if (masks.size() > MotionSettings.MAX_MASKS) {
            throw ProblemException.invalid("motion.masks", "motion.masks may hold at most " + MotionSettings.MAX_MASKS + " rectangles");
        }
        List<Region> regions = new ArrayList<>(masks.size());
        for (int i = 0; i < masks.size(); i++) {
            regions.add(region("motion.masks[" + i + "]", masks.get(i)));
        }
        return regions;
    }

    private static Region region(String field, RegionRequest request) {
        if (request == null) {
            throw ProblemException.invalid(field, field + " must be a rectangle {x, y, width, height}");
        }
        Region region = new Region(required(field, "x", request.x()), required(field, "y", request.y()),
                required(field, "width", request.width()), required(field, "height", request.height()));
        String problem = region.problem();
        if (problem != null) {
            String culprit = culprit(region);
            throw ProblemException.invalid(field + "." + culprit, field + "." + culprit + ": " + problem);
        }
        return region;
    }

    /** Which coordinate makes the region invalid; the rules themselves are Region's. */
    private static String culprit(Region r) {
        if (!(r.x() >= 0 && r.x() < 1)) {
            return "x";
        }
        if (!(r.y() >= 0 && r.y() < 1)) {
            return "y";
        }
        if (!(r.width() > 0) || new Region(r.x(), 0, r.width(), 1).problem() != null) {
            return "width";
        }
        return "height";
    }

    private static double required(String field, String coordinate, Double value) {
        if (value == null) {
            throw ProblemException.invalid(field + "." + coordinate, field + "." + coordinate + " is required");
        }
        return value;
    }
}
