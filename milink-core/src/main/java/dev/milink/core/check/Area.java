// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** Where a check looks; reports group findings by area. */
public enum Area {
    VERSION("Version, edition and host"),
    INSTANCE("Instance configuration"),
    CERTIFICATES("Certificates and endpoint"),
    DATABASE("Databases"),
    AZURE("Azure"),
    NETWORK("Network"),
    /** The link's own state on both ends ({@code milink link status}). */
    LINK("The link");

    private final String title;

    Area(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
