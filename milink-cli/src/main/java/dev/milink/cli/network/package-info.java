// SPDX-License-Identifier: Apache-2.0
/**
 * {@code milink network}: rules, allowlist, probe and the two-way link test. Kept free of {@code dev.milink.cli}'s
 * package-private helpers so the two packages do not form a cycle (the root command lists {@link
 * dev.milink.cli.network.NetworkCommand}); errors are thrown as {@code MilinkException} and shown by the root's
 * one error handler. Sign-in, the environment and secret masking come from {@code dev.milink.cli.auth}, the
 * shared options and {@code -h/--help} from {@code dev.milink.cli.options}; both packages share them.
 */
package dev.milink.cli.network;
