package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rectangle of the picture in relative coordinates: (0,0) is the top-left corner, (1,1) the
 * bottom-right, so it holds whatever the camera's resolution. Used for motion masks and for the
 * changed area of a motion event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Region(double x, double y, double width, double height) {

    /** Why this region is not a rectangle inside the picture, or null when it is. */
    public String problem() {
        if (!(x >= 0 && y >= 0 && x < 1 && y < 1)) {
            return "x and y must be at least 0 and below 1";
        }
        if (!(width > 0 && height > 0)) {
            return "width and height must be above 0";
        }
        if (x + width > 1.000001 || y + height > 1.000001) {
            return "x + width and y + height must be at most 1";
        }
        return null;
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
}
