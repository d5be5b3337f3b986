// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

/**
 * Presentation choices the caller makes; renderers for machine formats ignore most of them.
 *
 * @param color       emit ANSI colours (the CLI turns this on only for a terminal with {@code NO_COLOR} unset)
 * @param width       maximum line width for text output; messages wrap with a hanging indent (minimum 60)
 * @param showSkipped list SKIPPED findings one by one instead of a count per area
 * @since 0.1
 */
public record RenderOptions(boolean color, int width, boolean showSkipped) {

    /** Width used when the terminal width is not known. */
    public static final int DEFAULT_WIDTH = 100;

    /** Narrowest width the text renderer lays out for; smaller values are raised to this. */
    public static final int MIN_WIDTH = 60;

    public RenderOptions {
        width = Math.max(MIN_WIDTH, width);
    }

    /** No colour, {@value #DEFAULT_WIDTH} columns, skipped findings collapsed. */
    public static RenderOptions defaults() {
        return new RenderOptions(false, DEFAULT_WIDTH, false);
    }

    public RenderOptions withColor(boolean on) {
        return new RenderOptions(on, width, showSkipped);
    }

    public RenderOptions withWidth(int columns) {
        return new RenderOptions(color, columns, showSkipped);
    }

    public RenderOptions withShowSkipped(boolean on) {
        return new RenderOptions(color, width, on);
    }
}
