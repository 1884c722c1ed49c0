package org.touming.search;

/**
 * One searchable unit: a part of a disclosure, a table row, or a department or region page. {@code
 * url} is site-relative and carries the anchor of the part.
 */
public record SearchDocument(
    String url,
    String title,
    String text,
    String region,
    String department,
    int year,
    String kind) {}
