package org.touming.content;

/** 行政区划, identified by its official six-digit division code. */
public record Region(String code, String name, String parent, String level) {}
