// SPDX-License-Identifier: Apache-2.0
/**
 * Option groups (picocli mixins) that commands in several packages take the same way: {@code -h/--help} and the
 * SQL Server sign-in ({@code --auth}, {@code --user}, {@code --password-file}). Each option is declared once, here;
 * its help text comes from the resource bundle of the command that mixes it in. Below {@code dev.milink.cli},
 * {@code dev.milink.cli.link} and {@code dev.milink.cli.network}, above {@code dev.milink.cli.auth}.
 */
package dev.milink.cli.options;
