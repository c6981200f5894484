package dev.acd.recorder.scorecard;

import java.util.List;

import dev.acd.core.model.QaMeasure;

/**
 * One line of a scorecard: a measure, its weight, and bands mapping its value to points (0 to 100). A value in no
 * band earns 0 points. Bands must be in ascending order and must not overlap; a broken criterion is refused on
 * construction with an error naming it and the band at fault.
 */
public record Criterion(String name, QaMeasure measure, double weight, List<Band> bands) {
    public Criterion {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a criterion needs a name");
        }
        String where = "criterion '" + name + "': ";
        if (measure == null) {
            throw new IllegalArgumentException(where + "no measure");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(where + "weight " + weight + " must be a number above 0");
        }
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException(where + "no bands");
        }
        bands = List.copyOf(bands);
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String which = where + "band " + (i + 1) + " " + band + ": ";
            if (!(band.from() < band.to())) {
                throw new IllegalArgumentException(which + "'from' must be below 'to'");
            }
            if (!(band.points() >= 0 && band.points() <= 100)) {
                throw new IllegalArgumentException(which + "points must be from 0 to 100");
            }
            if (i > 0 && band.from() < bands.get(i - 1).to()) {
                throw new IllegalArgumentException(which + "overlaps or comes before band " + i + " "
                        + bands.get(i - 1));
            }
        }
    }

    /** The points a value earns. */
    public double points(double value) {
        for (Band band : bands) {
            if (band.contains(value)) {
                return band.points();
            }
        }
        return 0;
    }
}
