package org.touming.sample;

import java.util.Random;

/**
 * Sizes measured on the seed disclosures, so that synthetic sites weigh what real ones do:
 * responsibilities per table 13, 13 and 45; activities per responsibility 2.4, 2.0 and 7.2; about
 * three indicators per activity; 7 and 13 units; 0, 3 and 10+ procurement rows.
 */
final class Shape {
  static final int DEPARTMENTS_PER_COUNTY = 40;

  private Shape() {}

  static int yearsPerDepartment(Random r) {
    return 1 + r.nextInt(8);
  }

  static int responsibilities(Random r) {
    return r.nextInt(4) == 0 ? 3 + r.nextInt(43) : 10 + r.nextInt(7);
  }

  static int activities(Random r) {
    return r.nextInt(5) == 0 ? 4 + r.nextInt(6) : 1 + r.nextInt(3);
  }

  static int indicators(Random r) {
    return 1 + r.nextInt(5);
  }

  static int units(Random r) {
    return 1 + r.nextInt(13);
  }

  static int procurementRows(Random r) {
    return r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(12);
  }

  static int projects(Random r) {
    return r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0;
  }
}
