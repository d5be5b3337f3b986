// SPDX-License-Identifier: Apache-2.0
/**
 * {@code milink network}: rules, allowlist, probe and the two-way link test. Kept free of {@code dev.milink.cli}'s
 * package-private helpers so the two packages do not form a cycle (the root command lists {@link
 * dev.milink.cli.network.NetworkCommand}); errors are thrown as {@code MilinkException} and shown by the root's
 * one error handler.
 */
package dev.milink.cli.network;
