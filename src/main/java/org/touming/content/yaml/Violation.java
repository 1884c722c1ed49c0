package org.touming.content.yaml;

import org.touming.content.Mark;

/** A place where a YAML file breaks its schema. */
public record Violation(Mark mark, String rule, String message) {}
