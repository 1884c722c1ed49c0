package org.touming.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touming.content.Kind;

/**
 * A figure over the years for one department or region and one kind (budget or final). {@code
 * coverage}: for a region, how many departments each year's sum covers, so that a gap in coverage
 * is never read as a fall in spending; for a department, 1 per published year.
 */
public record Series(
    String subject, Figure figure, Kind kind, List<Point> points, Map<Integer, Integer> coverage) {
  public Series {
    points = List.copyOf(points);
    coverage = Map.copyOf(coverage);
  }

  public Optional<Point> at(int year) {
    return points.stream().filter(p -> p.year() == year).findFirst();
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }
}
