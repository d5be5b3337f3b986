// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

/**
 * One file of a rendered plan.
 *
 * @param name    file name, safe on Windows and Linux, ordered by its numeric prefix
 * @param content UTF-8 text
 */
public record ScriptFile(String name, String content) {}
