package org.touming.compare;

import java.math.BigDecimal;

/**
 * One year of a series, in 万元. {@code derived} points were not published: they come from a later
 * disclosure's stated change (value − change), and say from which file. {@code note} tells where a
 * published figure and the one derived for it disagree.
 */
public record Point(int year, BigDecimal value, boolean derived, String source, String note) {}
